'use server';

import { z } from 'zod';

import { isMemoEmpty, memoToPlainText, ZMemoDoc } from '@/lib/coding/memo';
import type { ActionResult, WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';
import { jsonAction } from '@/lib/server/actions';
import { applyCode } from '@/lib/server/data/coding/apply-code';
import { adjustCoding, removeCoding, setCodingMemo } from '@/lib/server/data/coding/change-coding';
import { createCodeAndApply } from '@/lib/server/data/coding/create-code-and-apply';
import { ZAdjustCodingSchema, ZApplyCodeSchema, ZCreateCodeAndApplySchema, ZRemoveCodingSchema } from '@/lib/validation/coding';

// The workbench's operations (lib/coding/workbench-types.ts WorkbenchApi), bound to a project
// and source by the page. Each is reachable by direct POST, so each re-validates and re-checks
// the user; the data layer checks membership, role and that the coding is the user's to change.

export async function applyCodeAction(projectId: string, sourceId: string, input: unknown): Promise<ActionResult<WorkbenchCoding>> {
  return jsonAction(ZApplyCodeSchema, input, (user, data) => applyCode({ userId: user.id, projectId, sourceId, input: data }), [projectId, sourceId]);
}

export async function createCodeAndApplyAction(
  projectId: string,
  sourceId: string,
  input: unknown,
): Promise<ActionResult<{ code: WorkbenchCode; coding: WorkbenchCoding }>> {
  return jsonAction(ZCreateCodeAndApplySchema, input, (user, data) => createCodeAndApply({ userId: user.id, projectId, sourceId, input: data }), [projectId, sourceId]);
}

export async function removeCodingAction(projectId: string, _sourceId: string, input: unknown): Promise<ActionResult<{ codingId: string }>> {
  return jsonAction(ZRemoveCodingSchema, input, async (user, data) => {
    await removeCoding({ userId: user.id, projectId, codingId: data.codingId });
    return { codingId: data.codingId };
  }, [projectId]);
}

export async function adjustCodingAction(projectId: string, _sourceId: string, input: unknown): Promise<ActionResult<WorkbenchCoding>> {
  return jsonAction(ZAdjustCodingSchema, input, (user, data) => adjustCoding({ userId: user.id, projectId, ...data }), [projectId]);
}

/** `baseVersion`: the memo version the editor opened (0: none); a newer one comes back as a conflict. */
const ZCodingMemo = z.object({ codingId: z.string().min(1).max(64), body: ZMemoDoc, baseVersion: z.number().int().min(0).optional() });

export async function setCodingMemoAction(projectId: string, _sourceId: string, input: unknown): Promise<ActionResult<WorkbenchCoding>> {
  return jsonAction(ZCodingMemo, input, (user, data) =>
    // An empty document (or only empty list items) clears the memo.
    setCodingMemo({ userId: user.id, projectId, codingId: data.codingId, body: data.body, text: isMemoEmpty(data.body) ? '' : memoToPlainText(data.body), baseVersion: data.baseVersion }),
    [projectId],
  );
}
