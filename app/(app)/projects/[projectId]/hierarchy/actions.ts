'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { jsonAction } from '@/lib/server/actions';
import { createCode } from '@/lib/server/data/code/create-code';
import { deleteCode } from '@/lib/server/data/code/delete-code';
import { updateCode } from '@/lib/server/data/code/update-code';
import { groupCodes } from '@/lib/server/data/hierarchy/group-codes';
import { mergeCodes } from '@/lib/server/data/hierarchy/merge-codes';
import { moveCodes } from '@/lib/server/data/hierarchy/move-code';
import { renumberCodeLabels } from '@/lib/server/data/hierarchy/renumber-labels';
import { saveNetworkPositions } from '@/lib/server/data/hierarchy/save-network-positions';
import { refuseDeletingOthersCodings } from '@/lib/server/data/hierarchy/others-codings';
import { splitCode } from '@/lib/server/data/hierarchy/split-code';
import { ProposedChangeError } from '@/lib/errors/proposed-change';
import { newRef, type Proposed, proposeIfReviewed, proposeRenameIfReviewed } from '@/lib/server/data/proposals/propose';
import { saveStoryline } from '@/lib/server/data/hierarchy/storyline';
import { createRelation, deleteRelation, updateRelation } from '@/lib/server/data/relation/save-relation';
import { ZCreateCodeSchema, ZUpdateCodeSchema } from '@/lib/validation/coding';
import {
  ZGroupCodesSchema,
  ZMergeCodesSchema,
  ZMoveCodesSchema,
  ZNetworkPositionsSchema,
  ZRelationSchema,
  ZReplaceRelationSchema,
  ZSplitCodeSchema,
  ZStorylineSchema,
} from '@/lib/validation/hierarchy';

// Server actions of the axial/selective coding views. Each one validates, then calls the data
// layer, which checks the user's role in the project again (actions are reachable by direct POST).
// With "hierarchy changes need review" on, a coder's structural change is added to their draft
// proposal instead (proposeIfReviewed returns null when the change applies directly); the
// action then answers with a message saying so, and the hierarchy stays as it is.

const ZId = z.string().min(1).max(64);
/** The version an edit started from (lib/team/conflict.ts). */
const ZBaseVersion = z.number().int().min(0).optional();

/** The answer to a change collected in a proposal: not applied, so not a success value. */
function collected(projectId: string, proposed: Proposed): never {
  revalidatePath(`/projects/${projectId}/hierarchy`, 'layout');
  revalidatePath(`/projects/${projectId}/team/proposals`, 'layout');
  throw new ProposedChangeError(proposed.message);
}

/** Every page that shows the hierarchy (outline, table, tree, network, storyline, codebook). */
function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}/hierarchy`, 'layout');
  revalidatePath(`/projects/${projectId}/codes`, 'layout');
}

export async function createCodeAtLevelAction(projectId: string, input: unknown) {
  return jsonAction(ZCreateCodeSchema, input, async (user, data) => {
    if (data.level !== undefined && data.level >= 2) {
      const level = data.level as 2 | 3 | 4;
      const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'create-category', ref: newRef(), name: data.name, level, parentId: data.parentId ?? null } });
      if (proposed) collected(projectId, proposed);
    }
    const code = await createCode({ userId: user.id, projectId, input: data });
    refresh(projectId);
    return { id: code.id, label: code.label };
  }, [projectId]);
}

export async function updateHierarchyCodeAction(projectId: string, codeId: string, input: unknown) {
  return jsonAction(z.object({ codeId: ZId, input: ZUpdateCodeSchema }), { codeId, input }, async (user, data) => {
    if (data.input.name !== undefined) {
      const proposed = await proposeRenameIfReviewed({ userId: user.id, projectId, codeId: data.codeId, name: data.input.name });
      if (proposed) {
        // The rename waits for review; the other fields (colour, definition…) are saved now.
        const { name: _name, ...rest } = data.input;
        if (Object.keys(rest).length > 0) await updateCode({ userId: user.id, projectId, codeId: data.codeId, input: rest });
        collected(projectId, proposed);
      }
    }
    await updateCode({ userId: user.id, projectId, codeId: data.codeId, input: data.input });
    refresh(projectId);
    return null;
  }, [projectId]);
}

export async function deleteHierarchyCodeAction(projectId: string, codeId: string) {
  return jsonAction(ZId, codeId, async (user, id) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'delete', codeId: id } });
    if (proposed) collected(projectId, proposed);
    await refuseDeletingOthersCodings({ userId: user.id, projectId, codeId: id });
    const result = await deleteCode({ userId: user.id, projectId, codeId: id });
    refresh(projectId);
    return result;
  }, [projectId]);
}

/** Moves one or several codes at once; returns their previous parents (for one Undo). */
export async function moveCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZMoveCodesSchema, input, async (user, data) => {
    let proposed: Proposed | null = null;
    for (const move of data.moves) {
      proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'move', codeId: move.codeId, parentId: move.parentId } });
      if (!proposed) break;
    }
    if (proposed) collected(projectId, proposed);
    const result = await moveCodes({ userId: user.id, projectId, moves: data.moves });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function groupCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZGroupCodesSchema, input, async (user, data) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'group', ref: newRef(), codeIds: data.codeIds, name: data.name } });
    if (proposed) collected(projectId, proposed);
    const result = await groupCodes({ userId: user.id, projectId, ...data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function mergeCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZMergeCodesSchema, input, async (user, data) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'merge', fromId: data.fromId, intoId: data.intoId } });
    if (proposed) collected(projectId, proposed);
    const result = await mergeCodes({ userId: user.id, projectId, ...data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function splitCodeAction(projectId: string, input: unknown) {
  return jsonAction(ZSplitCodeSchema, input, async (user, data) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'split', ref: newRef(), codeId: data.codeId, codingIds: data.codingIds, name: data.name } });
    if (proposed) collected(projectId, proposed);
    const result = await splitCode({ userId: user.id, projectId, ...data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function renumberLabelsAction(projectId: string, input: unknown) {
  return jsonAction(z.object({ dryRun: z.boolean() }), input, async (user, data) => {
    const changes = await renumberCodeLabels({ userId: user.id, projectId, dryRun: data.dryRun });
    if (!data.dryRun) refresh(projectId);
    return changes;
  }, [projectId]);
}

export async function saveNetworkPositionsAction(projectId: string, input: unknown) {
  return jsonAction(z.union([ZNetworkPositionsSchema, z.object({ reset: z.literal(true) })]), input, async (user, data) => {
    await saveNetworkPositions({ userId: user.id, projectId, positions: 'reset' in data ? 'reset' : data.positions });
    return null;
  }, [projectId]);
}

export async function createRelationAction(projectId: string, input: unknown) {
  return jsonAction(ZRelationSchema, input, async (user, data) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'relation-create', relation: data } });
    if (proposed) collected(projectId, proposed);
    const result = await createRelation({ userId: user.id, projectId, input: data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

/**
 * @param version - the relation's version when the form opened (optional): a save over someone
 *   else's newer save is refused with a message instead of overwriting it.
 */
export async function updateRelationAction(projectId: string, relationId: string, input: unknown, version?: unknown) {
  return jsonAction(
    z.object({ relationId: ZId, input: ZReplaceRelationSchema, version: z.number().int().min(1).optional() }),
    { relationId, input, version },
    async (user, data) => {
      const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'relation-update', relationId: data.relationId, relation: data.input } });
      if (proposed) collected(projectId, proposed);
      await updateRelation({ userId: user.id, projectId, relationId: data.relationId, input: data.input, version: data.version });
      refresh(projectId);
      return null;
    },
    [projectId],
  );
}

export async function deleteRelationAction(projectId: string, relationId: string) {
  return jsonAction(ZId, relationId, async (user, id) => {
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'relation-delete', relationId: id } });
    if (proposed) collected(projectId, proposed);
    await deleteRelation({ userId: user.id, projectId, relationId: id });
    refresh(projectId);
    return null;
  }, [projectId]);
}

/** Saves the storyline from the version the editor loaded (a newer one comes back as a conflict). */
export async function saveStorylineAction(projectId: string, input: unknown) {
  return jsonAction(ZStorylineSchema.extend({ baseVersion: ZBaseVersion }), input, async (user, data) => {
    const result = await saveStoryline({ userId: user.id, projectId, body: data.body, baseVersion: data.baseVersion });
    revalidatePath(`/projects/${projectId}/hierarchy/storyline`);
    return result;
  }, [projectId]);
}
