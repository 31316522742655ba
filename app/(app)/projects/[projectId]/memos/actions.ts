'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { isMemoEmpty, memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import type { ActionResult } from '@/lib/coding/workbench-types';
import { jsonAction } from '@/lib/server/actions';
import { addMemo, deleteMemo, type MemoTarget, updateMemo } from '@/lib/server/data/memo/memos';

// Memo logs on sources and codes; the data layer checks membership, role and that the target
// belongs to this project.
const ZTarget = z.union([z.object({ sourceId: z.string().min(1).max(64) }), z.object({ codeId: z.string().min(1).max(64) })]);

function refresh(projectId: string, target: MemoTarget) {
  revalidatePath('sourceId' in target ? `/projects/${projectId}/sources/${target.sourceId}/details` : `/projects/${projectId}/codes/${target.codeId}`);
}

export async function addMemoAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return jsonAction(z.object({ target: ZTarget, body: ZMemoDoc }), input, async (user, data) => {
    const created = await addMemo({ userId: user.id, projectId, target: data.target, body: data.body, text: isMemoEmpty(data.body) ? '' : memoToPlainText(data.body) });
    refresh(projectId, data.target);
    return created;
  }, [projectId]);
}

/**
 * Edits a memo from the version the editor loaded; someone else's save in between comes back
 * as `{ ok: false, conflict }` with both versions (lib/team/conflict.ts).
 */
export async function updateMemoAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  return jsonAction(
    z.object({ memoId: z.string().min(1).max(64), target: ZTarget, body: ZMemoDoc, baseVersion: z.number().int().min(1) }),
    input,
    async (user, data) => {
      const saved = await updateMemo({ userId: user.id, projectId, memoId: data.memoId, body: data.body, text: isMemoEmpty(data.body) ? '' : memoToPlainText(data.body), baseVersion: data.baseVersion });
      refresh(projectId, data.target);
      return saved;
    },
    [projectId],
  );
}

export async function deleteMemoAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return jsonAction(z.object({ memoId: z.string().min(1).max(64), target: ZTarget }), input, async (user, data) => {
    await deleteMemo({ userId: user.id, projectId, memoId: data.memoId });
    refresh(projectId, data.target);
    return { id: data.memoId };
  }, [projectId]);
}
