'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { type BlindChange, changeProjectBlind, changeSourceBlind } from '@/lib/server/data/agreement/blind';
import type { FormState } from '@/lib/validation/form-state';

const ZChange = z.enum(['on', 'off', 'release'], { message: 'Choose on, off or release.' });

const MESSAGES: Record<BlindChange, string> = {
  on: 'Blind coding is on: coders now see only their own codings.',
  off: 'Blind coding is off: everyone sees all codings.',
  release: 'Codings released: everyone now sees all codings.',
};

/** Server action: the project's blind coding (owners). Form field `change`: on | off | release. */
export async function changeProjectBlindAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const change = ZChange.safeParse(formData.get('change'));
  if (!change.success) return { status: 'error', message: change.error.issues[0]!.message };
  return formAction(async () => {
    const user = await requireActionUser();
    await changeProjectBlind({ userId: user.id, projectId, change: change.data });
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { status: 'success', message: MESSAGES[change.data] };
  });
}

/** Server action: one source's blind coding (owners). Form field `change`: on | off | release. */
export async function changeSourceBlindAction(projectId: string, sourceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, sourceId]);
  if (bad) return bad;
  const change = ZChange.safeParse(formData.get('change'));
  if (!change.success) return { status: 'error', message: change.error.issues[0]!.message };
  return formAction(async () => {
    const user = await requireActionUser();
    await changeSourceBlind({ userId: user.id, projectId, sourceId, change: change.data });
    revalidatePath(`/projects/${projectId}`, 'layout');
    return { status: 'success', message: MESSAGES[change.data] };
  });
}
