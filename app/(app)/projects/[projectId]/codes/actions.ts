'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { createCode } from '@/lib/server/data/code/create-code';
import { deleteCode } from '@/lib/server/data/code/delete-code';
import { updateCode } from '@/lib/server/data/code/update-code';
import { refuseDeletingOthersCodings } from '@/lib/server/data/hierarchy/others-codings';
import { proposeIfReviewed, proposeRenameIfReviewed } from '@/lib/server/data/proposals/propose';
import type { AnyVersionConflict } from '@/lib/team/conflict';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';
import { ZCreateCodeSchema, ZUpdateCodeSchema } from '@/lib/validation/coding';

/** A form's base version: a whole number as text, or absent (no check). */
const ZBaseVersion = z.coerce.number().int().min(0).optional();

const codesPath = (projectId: string) => `/projects/${projectId}/codes`;

export async function createCodeAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const parsed = ZCreateCodeSchema.safeParse({ name: formData.get('name'), color: formData.get('color') || undefined, definition: formData.get('definition') ?? '' });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  const state = await formAction(async () => {
    const user = await requireActionUser();
    const code = await createCode({ userId: user.id, projectId, input: parsed.data });
    revalidatePath(codesPath(projectId));
    return { status: 'success', message: `Code “${code.name}” added.` };
  });
  return state.status === 'success' ? state : keepValues(state, formData);
}

/**
 * Saves the codebook's edit form. The form's `baseVersion` is the code version it was rendered
 * with: someone else's save in between comes back as an error state carrying `conflict`.
 */
export async function updateCodeAction(projectId: string, codeId: string, _prev: FormState, formData: FormData): Promise<FormState & { conflict?: AnyVersionConflict }> {
  const bad = badFormArgs(formData, [projectId, codeId]);
  if (bad) return bad;
  const parsed = ZUpdateCodeSchema.safeParse({ name: formData.get('name'), color: formData.get('color'), definition: formData.get('definition') ?? '' });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  const version = ZBaseVersion.safeParse(formData.get('baseVersion') ?? undefined);
  if (!version.success) return { status: 'error', message: 'This form could not be read. Reload the page and try again.' };
  const state = await formAction(async () => {
    const user = await requireActionUser();
    // With hierarchy review on, a coder's rename waits in their proposal; the rest is saved now.
    const proposed = await proposeRenameIfReviewed({ userId: user.id, projectId, codeId, name: parsed.data.name ?? '' });
    const { name: _name, ...rest } = parsed.data;
    await updateCode({ userId: user.id, projectId, codeId, input: proposed ? rest : parsed.data, baseVersion: version.data });
    revalidatePath(codesPath(projectId), 'layout');
    if (proposed) return { status: 'success', message: proposed.message };
    return { status: 'success', message: 'Saved.' };
  });
  if (state.status === 'error' && state.conflict) return state;
  return state.status === 'success' ? state : keepValues(state, formData);
}

export async function deleteCodeAction(projectId: string, codeId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    const proposed = await proposeIfReviewed({ userId: user.id, projectId, op: { op: 'delete', codeId } });
    if (proposed) {
      revalidatePath(codesPath(projectId));
      return { status: 'success', message: proposed.message };
    }
    await refuseDeletingOthersCodings({ userId: user.id, projectId, codeId });
    const { codingsDeleted } = await deleteCode({ userId: user.id, projectId, codeId });
    revalidatePath(codesPath(projectId));
    return { status: 'success', message: `Code deleted with ${codingsDeleted} ${codingsDeleted === 1 ? 'coding' : 'codings'}.` };
  }, [projectId, codeId]);
}
