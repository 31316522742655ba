'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { deleteProject } from '@/lib/server/data/project/delete-project';
import { setHierarchyReview } from '@/lib/server/data/proposals/manage-proposal';
import { updateProject } from '@/lib/server/data/project/update-project';
import { type FormState, invalid } from '@/lib/validation/form-state';
import { ZProjectSettingsSchema } from '@/lib/validation/project';

export async function updateProjectAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const parsed = ZProjectSettingsSchema.safeParse({ name: formData.get('name'), description: formData.get('description') ?? '', corePrefix: formData.get('corePrefix') ?? '', language: formData.get('language') ?? '' });
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  return formAction(async () => {
    const user = await requireActionUser();
    await updateProject({ userId: user.id, projectId, input: parsed.data });
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { status: 'success', message: 'Saved.' };
  });
}

export async function deleteProjectAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const state = await formAction(async () => {
    const user = await requireActionUser();
    if (formData.get('confirm') !== 'delete') {
      return { status: 'error', message: 'Type "delete" to confirm.', fieldErrors: { confirm: ['Type "delete" to confirm.'] } };
    }
    await deleteProject({ userId: user.id, projectId });
    return { status: 'success', message: 'Project deleted.' };
  });
  if (state.status === 'success') redirect('/projects');
  return state;
}

/** Turns "hierarchy changes need review" on or off (owners; the data layer checks again). */
export async function changeHierarchyReviewAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const value = formData.get('enabled');
  if (value !== 'on' && value !== 'off') return { status: 'error', message: 'Choose on or off.' };
  return formAction(async () => {
    const user = await requireActionUser();
    await setHierarchyReview({ userId: user.id, projectId, enabled: value === 'on' });
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { status: 'success', message: value === 'on' ? 'Coders’ hierarchy changes now need review.' : 'Coders’ hierarchy changes apply directly again.' };
  }, [projectId]);
}
