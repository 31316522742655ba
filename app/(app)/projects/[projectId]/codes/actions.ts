'use server';

import { revalidatePath } from 'next/cache';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { createCode } from '@/lib/server/data/code/create-code';
import { deleteCode } from '@/lib/server/data/code/delete-code';
import { updateCode } from '@/lib/server/data/code/update-code';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';
import { ZCreateCodeSchema, ZUpdateCodeSchema } from '@/lib/validation/coding';

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

export async function updateCodeAction(projectId: string, codeId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, codeId]);
  if (bad) return bad;
  const parsed = ZUpdateCodeSchema.safeParse({ name: formData.get('name'), color: formData.get('color'), definition: formData.get('definition') ?? '' });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  const state = await formAction(async () => {
    const user = await requireActionUser();
    await updateCode({ userId: user.id, projectId, codeId, input: parsed.data });
    revalidatePath(codesPath(projectId), 'layout');
    return { status: 'success', message: 'Saved.' };
  });
  return state.status === 'success' ? state : keepValues(state, formData);
}

export async function deleteCodeAction(projectId: string, codeId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    const { codingsDeleted } = await deleteCode({ userId: user.id, projectId, codeId });
    revalidatePath(codesPath(projectId));
    return { status: 'success', message: `Code deleted with ${codingsDeleted} ${codingsDeleted === 1 ? 'coding' : 'codings'}.` };
  }, [projectId, codeId]);
}
