'use server';

import { redirect } from 'next/navigation';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { createProject } from '@/lib/server/data/project/create-project';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';
import { ZCreateProjectSchema } from '@/lib/validation/project';

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData);
  if (bad) return bad;
  const parsed = ZCreateProjectSchema.safeParse({ name: formData.get('name'), description: formData.get('description') ?? '' });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  let projectId = '';
  const state = await formAction(async () => {
    const user = await requireActionUser();
    projectId = (await createProject({ userId: user.id, input: parsed.data })).id;
    return { status: 'success', message: 'Project created.' };
  });
  if (state.status === 'success') redirect(`/projects/${projectId}`);
  return keepValues(state, formData);
}
