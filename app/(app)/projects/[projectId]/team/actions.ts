'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { badFormArgs, formAction } from '@/lib/server/actions';
import { requireActionUser } from '@/lib/server/auth/session';
import { addMember } from '@/lib/server/data/member/add-member';
import { removeMember } from '@/lib/server/data/member/remove-member';
import { updateMemberRole } from '@/lib/server/data/member/update-member-role';
import { type FormState, invalid, keepValues } from '@/lib/validation/form-state';
import { ZInviteMemberSchema, ZUpdateMemberSchema } from '@/lib/validation/project';

const teamPath = (projectId: string) => `/projects/${projectId}/team`;

export async function inviteMemberAction(projectId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId]);
  if (bad) return bad;
  const parsed = ZInviteMemberSchema.safeParse({ email: formData.get('email'), role: formData.get('role') });
  if (!parsed.success) return keepValues(invalid(parsed.error.flatten().fieldErrors), formData);
  const state = await formAction(async () => {
    const user = await requireActionUser();
    const member = await addMember({ userId: user.id, projectId, input: parsed.data });
    revalidatePath(teamPath(projectId));
    return { status: 'success', message: `${member.name} joined as ${member.role}.` };
  });
  return keepValues(state, formData);
}

export async function changeRoleAction(projectId: string, memberUserId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const bad = badFormArgs(formData, [projectId, memberUserId]);
  if (bad) return bad;
  const parsed = ZUpdateMemberSchema.safeParse({ role: formData.get('role') });
  if (!parsed.success) return invalid(parsed.error.flatten().fieldErrors);
  return formAction(async () => {
    const user = await requireActionUser();
    await updateMemberRole({ userId: user.id, projectId, memberUserId, input: parsed.data });
    revalidatePath(teamPath(projectId));
    return { status: 'success', message: 'Role updated.' };
  });
}

export async function removeMemberAction(projectId: string, memberUserId: string, _prev: FormState): Promise<FormState> {
  let left = false;
  const state = await formAction(async () => {
    const user = await requireActionUser();
    await removeMember({ userId: user.id, projectId, memberUserId });
    left = user.id === memberUserId;
    revalidatePath(teamPath(projectId));
    return { status: 'success', message: 'Member removed.' };
  }, [projectId, memberUserId]);
  if (left) redirect('/projects');
  return state;
}
