'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { createFolder } from '@/lib/server/data/folder/create-folder';
import { deleteFolder } from '@/lib/server/data/folder/delete-folder';
import { createSourceFromText } from '@/lib/server/data/source/create-source';
import { deleteSource } from '@/lib/server/data/source/delete-source';
import { updateSource } from '@/lib/server/data/source/update-source';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';
import { ZCreateFolderSchema, ZPasteSourceSchema, ZSourceDetailsSchema } from '@/lib/validation/source';

const sourcesPath = (projectId: string) => `/projects/${projectId}/sources`;
const folderField = (formData: FormData) => (formData.get('folderId') as string | null) || null;

export async function pasteSourceAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const parsed = ZPasteSourceSchema.safeParse({ title: formData.get('title'), kind: formData.get('kind'), folderId: folderField(formData), text: formData.get('text') });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  let id = '';
  const state = await formAction(async () => {
    const user = await requireActionUser();
    id = (await createSourceFromText({ userId: user.id, projectId, input: parsed.data })).id;
    return { status: 'success', message: 'Source added.' };
  });
  if (state.status === 'success') redirect(`${sourcesPath(projectId)}/${id}`);
  return keepValues(state, formData);
}

export async function createFolderAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const parsed = ZCreateFolderSchema.safeParse({ name: formData.get('name') });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  const state = await formAction(async () => {
    const user = await requireActionUser();
    const folder = await createFolder({ userId: user.id, projectId, input: parsed.data });
    revalidatePath(sourcesPath(projectId));
    return { status: 'success', message: `Folder “${folder.name}” created.` };
  });
  return keepValues(state, formData);
}

export async function deleteFolderAction(projectId: string, folderId: string, _prev: FormState): Promise<FormState> {
  return formAction(async () => {
    const user = await requireActionUser();
    await deleteFolder({ userId: user.id, projectId, folderId });
    revalidatePath(sourcesPath(projectId));
    return { status: 'success', message: 'Folder deleted; its sources are now unfiled.' };
  }, [projectId, folderId]);
}

export async function updateSourceAction(projectId: string, sourceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, sourceId]);
  if (bad) return bad;
  const parsed = ZSourceDetailsSchema.safeParse({
    title: formData.get('title'),
    kind: formData.get('kind'),
    folderId: folderField(formData),
    authors: formData.get('authors') ?? '',
    year: formData.get('year') ?? '',
    venue: formData.get('venue') ?? '',
    interviewee: formData.get('interviewee') ?? '',
    interviewDate: formData.get('interviewDate') ?? '',
    interviewer: formData.get('interviewer') ?? '',
  });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  return formAction(async () => {
    const user = await requireActionUser();
    await updateSource({ userId: user.id, projectId, sourceId, input: parsed.data });
    revalidatePath(`${sourcesPath(projectId)}/${sourceId}`, 'layout');
    return { status: 'success', message: 'Details saved.' };
  });
}

export async function deleteSourceAction(projectId: string, sourceId: string, _prev: FormState): Promise<FormState> {
  const state = await formAction(async () => {
    const user = await requireActionUser();
    await deleteSource({ userId: user.id, projectId, sourceId });
    return { status: 'success', message: 'Source deleted.' };
  }, [projectId, sourceId]);
  if (state.status === 'success') redirect(sourcesPath(projectId));
  return state;
}
