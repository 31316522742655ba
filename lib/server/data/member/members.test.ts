import { describe, expect, it } from 'vitest';

import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { addMember } from './add-member';
import { listMembers } from './list-members';
import { removeMember } from './remove-member';
import { updateMemberRole } from './update-member-role';

describe('project members', () => {
  it('invites a registered user by email (any case) with a role', async () => {
    const owner = await makeUser();
    const invitee = await makeUser();
    const project = await makeProject(owner.id);
    await addMember({ userId: owner.id, projectId: project.id, input: { email: invitee.email.toUpperCase().toLowerCase(), role: 'coder' } });
    const members = await listMembers({ userId: invitee.id, projectId: project.id });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [invitee.email, 'coder'],
    ]);
  });

  it('refuses unknown emails and existing members, storing nothing', async () => {
    const owner = await makeUser();
    const member = await makeUser();
    const project = await makeProject(owner.id, [{ userId: member.id, role: 'viewer' }]);
    const unknown = await rejection(addMember({ userId: owner.id, projectId: project.id, input: { email: 'nobody@example.test', role: 'coder' } }));
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.fieldErrors?.email?.[0]).toMatch(/No account/);
    const dup = await rejection(addMember({ userId: owner.id, projectId: project.id, input: { email: member.email, role: 'coder' } }));
    expect(dup.code).toBe('CONFLICT');
    expect(await db.membership.count({ where: { projectId: project.id } })).toBe(2);
    expect((await db.membership.findFirst({ where: { projectId: project.id, userId: member.id } }))?.role).toBe('viewer');
  });

  it('the last owner can neither leave nor be demoted; with a second owner both work', async () => {
    const owner = await makeUser();
    const coder = await makeUser();
    const project = await makeProject(owner.id, [{ userId: coder.id, role: 'coder' }]);
    expect((await rejection(removeMember({ userId: owner.id, projectId: project.id, memberUserId: owner.id }))).code).toBe('CONFLICT');
    expect((await rejection(updateMemberRole({ userId: owner.id, projectId: project.id, memberUserId: owner.id, input: { role: 'viewer' } }))).code).toBe(
      'CONFLICT',
    );
    await updateMemberRole({ userId: owner.id, projectId: project.id, memberUserId: coder.id, input: { role: 'owner' } });
    await removeMember({ userId: owner.id, projectId: project.id, memberUserId: owner.id });
    const members = await listMembers({ userId: coder.id, projectId: project.id });
    expect(members.map((m) => [m.userId, m.role])).toEqual([[coder.id, 'owner']]);
  });

  it('any member may leave; a removed member loses access', async () => {
    const owner = await makeUser();
    const viewer = await makeUser();
    const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
    await removeMember({ userId: viewer.id, projectId: project.id, memberUserId: viewer.id });
    expect((await rejection(listMembers({ userId: viewer.id, projectId: project.id }))).code).toBe('NOT_FOUND');
  });

  it('deleting a user removes their memberships (cascade)', async () => {
    const owner = await makeUser();
    const coder = await makeUser();
    const project = await makeProject(owner.id, [{ userId: coder.id, role: 'coder' }]);
    await db.user.delete({ where: { id: coder.id } });
    expect(await db.membership.count({ where: { projectId: project.id } })).toBe(1);
  });
});
