'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { jsonAction } from '@/lib/server/actions';
import { createCode } from '@/lib/server/data/code/create-code';
import { deleteCode } from '@/lib/server/data/code/delete-code';
import { updateCode } from '@/lib/server/data/code/update-code';
import { groupCodes } from '@/lib/server/data/hierarchy/group-codes';
import { mergeCodes } from '@/lib/server/data/hierarchy/merge-codes';
import { moveCodes } from '@/lib/server/data/hierarchy/move-code';
import { renumberCodeLabels } from '@/lib/server/data/hierarchy/renumber-labels';
import { saveNetworkPositions } from '@/lib/server/data/hierarchy/save-network-positions';
import { splitCode } from '@/lib/server/data/hierarchy/split-code';
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

const ZId = z.string().min(1).max(64);

/** Every page that shows the hierarchy (outline, table, tree, network, storyline, codebook). */
function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}/hierarchy`, 'layout');
  revalidatePath(`/projects/${projectId}/codes`, 'layout');
}

export async function createCodeAtLevelAction(projectId: string, input: unknown) {
  return jsonAction(ZCreateCodeSchema, input, async (user, data) => {
    const code = await createCode({ userId: user.id, projectId, input: data });
    refresh(projectId);
    return { id: code.id, label: code.label };
  }, [projectId]);
}

export async function updateHierarchyCodeAction(projectId: string, codeId: string, input: unknown) {
  return jsonAction(z.object({ codeId: ZId, input: ZUpdateCodeSchema }), { codeId, input }, async (user, data) => {
    await updateCode({ userId: user.id, projectId, codeId: data.codeId, input: data.input });
    refresh(projectId);
    return null;
  }, [projectId]);
}

export async function deleteHierarchyCodeAction(projectId: string, codeId: string) {
  return jsonAction(ZId, codeId, async (user, id) => {
    const result = await deleteCode({ userId: user.id, projectId, codeId: id });
    refresh(projectId);
    return result;
  }, [projectId]);
}

/** Moves one or several codes at once; returns their previous parents (for one Undo). */
export async function moveCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZMoveCodesSchema, input, async (user, data) => {
    const result = await moveCodes({ userId: user.id, projectId, moves: data.moves });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function groupCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZGroupCodesSchema, input, async (user, data) => {
    const result = await groupCodes({ userId: user.id, projectId, ...data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function mergeCodesAction(projectId: string, input: unknown) {
  return jsonAction(ZMergeCodesSchema, input, async (user, data) => {
    const result = await mergeCodes({ userId: user.id, projectId, ...data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function splitCodeAction(projectId: string, input: unknown) {
  return jsonAction(ZSplitCodeSchema, input, async (user, data) => {
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
    const result = await createRelation({ userId: user.id, projectId, input: data });
    refresh(projectId);
    return result;
  }, [projectId]);
}

export async function updateRelationAction(projectId: string, relationId: string, input: unknown) {
  return jsonAction(z.object({ relationId: ZId, input: ZReplaceRelationSchema }), { relationId, input }, async (user, data) => {
    await updateRelation({ userId: user.id, projectId, relationId: data.relationId, input: data.input });
    refresh(projectId);
    return null;
  }, [projectId]);
}

export async function deleteRelationAction(projectId: string, relationId: string) {
  return jsonAction(ZId, relationId, async (user, id) => {
    await deleteRelation({ userId: user.id, projectId, relationId: id });
    refresh(projectId);
    return null;
  }, [projectId]);
}

export async function saveStorylineAction(projectId: string, input: unknown) {
  return jsonAction(ZStorylineSchema, input, async (user, data) => {
    const result = await saveStoryline({ userId: user.id, projectId, body: data.body });
    revalidatePath(`/projects/${projectId}/hierarchy/storyline`);
    return result;
  }, [projectId]);
}
