import type { Metadata } from 'next';

import { InviteMemberForm } from '@/components/projects/invite-member-form';
import { MemberRow } from '@/components/projects/member-row';
import { PlaceholderCoders } from '@/components/refi/placeholder-coders';
import { TeamTabs } from '@/components/team/team-tabs';
import { can } from '@/lib/auth/roles';
import { listMembers } from '@/lib/server/data/member/list-members';
import { listPlaceholderCoders } from '@/lib/server/data/refi/placeholders';
import { loadProjectPage } from '@/lib/server/pages';

import { changeRoleAction, inviteMemberAction, removeMemberAction } from './actions';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await params).projectId);
  const [members, placeholders] = await Promise.all([listMembers({ userId: user.id, projectId: project.id }), listPlaceholderCoders({ userId: user.id, projectId: project.id })]);
  const canManage = can(project.role, 'members:manage');
  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <p className="muted">
        {members.length} {members.length === 1 ? 'member' : 'members'}. {canManage ? 'As an owner you can invite people and change roles.' : 'Only owners can change the team.'}
      </p>
      {canManage && (
        <section className="card">
          <h2>Invite a colleague</h2>
          <InviteMemberForm action={inviteMemberAction.bind(null, project.id)} />
        </section>
      )}
      <section className="card">
        <table className="table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                member={m}
                isSelf={m.userId === user.id}
                canManage={canManage}
                changeRole={changeRoleAction.bind(null, project.id, m.userId)}
                remove={removeMemberAction.bind(null, project.id, m.userId)}
              />
            ))}
          </tbody>
        </table>
      </section>
      <PlaceholderCoders projectId={project.id} placeholders={placeholders} members={members.map((m) => ({ userId: m.userId, name: m.name, role: m.role }))} canManage={canManage} />
    </>
  );
}
