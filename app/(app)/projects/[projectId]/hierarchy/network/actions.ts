'use server';

import { z } from 'zod';

import { jsonAction } from '@/lib/server/actions';
import { listEvidenceCandidates } from '@/lib/server/data/relation/list-evidence-candidates';

// Server actions of the "Relations & network" view that only read; the writes (relations,
// network positions) are in ../actions.ts. The data layer checks the user's role again.

const ZId = z.string().min(1).max(64);
const ZEvidenceCandidatesSchema = z.object({ codeIds: z.array(ZId).min(1, 'Choose the two codes the relation joins.').max(2) });

/** Segments a relation between the given codes may cite: the codings of both codes' subtrees (at most 200, newest first). */
export async function listEvidenceCandidatesAction(projectId: string, input: unknown) {
  return jsonAction(ZEvidenceCandidatesSchema, input, (user, data) => listEvidenceCandidates({ userId: user.id, projectId, codeIds: data.codeIds }), [projectId]);
}
