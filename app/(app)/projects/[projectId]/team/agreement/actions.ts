'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import type { ActionResult } from '@/lib/coding/workbench-types';
import { jsonAction, ZActionId } from '@/lib/server/actions';
import { RESOLUTION_DECISIONS, resolveDisagreement } from '@/lib/server/data/agreement/resolve-disagreement';

const ZResolve = z.object({
  a: z.array(ZActionId).max(200),
  b: z.array(ZActionId).max(200),
  decision: z.enum(RESOLUTION_DECISIONS, { message: 'Choose keep one, keep both or merge.' }),
  note: z.string().max(2000).optional(),
});

/** Server action: resolve one disagreement (owners and reviewers). */
export async function resolveDisagreementAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return jsonAction(
    ZResolve,
    input,
    async (user, data) => {
      const resolution = await resolveDisagreement({ userId: user.id, projectId, ...data });
      revalidatePath(`/projects/${projectId}/team/agreement`);
      return { id: resolution.id };
    },
    [projectId],
  );
}
