import { beforeAll, describe, expect, it } from 'vitest';

import { ROLES, type Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors/app-error';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { addMember } from './data/member/add-member';
import { listMembers } from './data/member/list-members';
import { removeMember } from './data/member/remove-member';
import { updateMemberRole } from './data/member/update-member-role';
import { deleteProject } from './data/project/delete-project';
import { getProject } from './data/project/get-project';
import { updateProject } from './data/project/update-project';
import { createFolder } from './data/folder/create-folder';
import { listFolders } from './data/folder/list-folders';
import { createSourceFromText } from './data/source/create-source';
import { listSources } from './data/source/list-sources';

/**
 * Every project-scoped data function, called by each role and by a non-member. Writes use a
 * fresh project per call so one test's success cannot mask another's.
 */
type Call = (ctx: { userId: string; projectId: string; other: { id: string; email: string } }) => Promise<unknown>;

const operations: Array<{ name: string; allowed: readonly Role[]; call: Call }> = [
  { name: 'getProject', allowed: ROLES, call: (c) => getProject(c) },
  { name: 'listMembers', allowed: ROLES, call: (c) => listMembers(c) },
  { name: 'updateProject', allowed: ['owner'], call: (c) => updateProject({ ...c, input: { name: 'Renamed' } }) },
  { name: 'deleteProject', allowed: ['owner'], call: (c) => deleteProject(c) },
  { name: 'addMember', allowed: ['owner'], call: (c) => addMember({ ...c, input: { email: c.other.email, role: 'viewer' } }) },
  { name: 'updateMemberRole', allowed: ['owner'], call: (c) => updateMemberRole({ ...c, memberUserId: c.other.id, input: { role: 'reviewer' } }) },
  { name: 'removeMember (someone else)', allowed: ['owner'], call: (c) => removeMember({ ...c, memberUserId: c.other.id }) },
  { name: 'listSources', allowed: ROLES, call: (c) => listSources(c) },
  { name: 'listFolders', allowed: ROLES, call: (c) => listFolders(c) },
  {
    name: 'createSourceFromText',
    allowed: ['owner', 'coder'],
    call: (c) => createSourceFromText({ ...c, input: { title: 'T', kind: 'other', folderId: null, text: 'some text' } }),
  },
  { name: 'createFolder', allowed: ['owner', 'coder'], call: (c) => createFolder({ ...c, input: { name: 'F' } }) },
];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('project authorization (one helper, every data function)', () => {
  let users: Record<Role | 'stranger' | 'other' | 'outsider', { id: string; email: string }>;
  beforeAll(async () => {
    const entries = await Promise.all(
      (['owner', 'coder', 'reviewer', 'viewer', 'stranger', 'other', 'outsider'] as const).map(async (k) => [k, await makeUser()] as const),
    );
    users = Object.fromEntries(entries) as unknown as typeof users;
  });

  async function freshProject(withOther: boolean) {
    const members: Array<{ userId: string; role: Role }> = [
      { userId: users.coder.id, role: 'coder' },
      { userId: users.reviewer.id, role: 'reviewer' },
      { userId: users.viewer.id, role: 'viewer' },
    ];
    if (withOther) members.push({ userId: users.other.id, role: 'coder' });
    return makeProject(users.owner.id, members);
  }

  for (const op of operations) {
    for (const actor of [...ROLES, 'stranger'] as const) {
      const expected = actor === 'stranger' ? 'NOT_FOUND' : op.allowed.includes(actor) ? 'OK' : 'FORBIDDEN';
      it(`${op.name} by ${actor} → ${expected}`, async () => {
        // addMember needs a target outside the project; the member operations need one inside.
        const project = await freshProject(op.name !== 'addMember');
        const other = op.name === 'addMember' ? users.outsider : users.other;
        expect(await codeOf(op.call({ userId: users[actor].id, projectId: project.id, other }))).toBe(expected);
      });
    }
  }

  it('a non-member cannot tell a missing project from a hidden one', async () => {
    const project = await freshProject(false);
    expect(await codeOf(getProject({ userId: users.stranger.id, projectId: project.id }))).toBe('NOT_FOUND');
    expect(await codeOf(getProject({ userId: users.stranger.id, projectId: 'does-not-exist' }))).toBe('NOT_FOUND');
  });
});
