import type { Metadata } from 'next';

import { Pager } from '@/components/codes/pager';
import { ActivityFilter } from '@/components/team/activity-filter';
import { ActivityList } from '@/components/team/activity-list';
import { TeamTabs } from '@/components/team/team-tabs';
import { listActivity, listActivityMembers } from '@/lib/server/data/audit/list-activity';
import { loadProjectPage } from '@/lib/server/pages';
import { activitySearch, AUDIT_TYPE_GROUP_LABELS, parseActivityFilter } from '@/lib/team/audit';

export const metadata: Metadata = { title: 'Activity' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ member?: string | string[]; type?: string | string[]; page?: string | string[] }> };

/**
 * The project's activity feed (audit log): every recorded change, newest first, filterable by
 * member and type; codebook and hierarchy changes expand to their before → after.
 */
export default async function ActivityPage(props: Props) {
  const [{ projectId }, search] = await Promise.all([props.params, props.searchParams]);
  const { user, project } = await loadProjectPage(projectId);
  const filter = parseActivityFilter(search);
  const [feed, members] = await Promise.all([
    listActivity({ userId: user.id, projectId: project.id, actorId: filter.actorId, group: filter.group, page: filter.page }),
    listActivityMembers({ userId: user.id, projectId: project.id }),
  ]);
  const base = `/projects/${project.id}/team/activity`;
  const who = filter.actorId ? (members.find((m) => m.id === filter.actorId)?.name ?? 'a former member') : null;
  const pager = (
    <Pager
      noun="Changes"
      label="Pages of the activity feed"
      page={feed.page}
      pageCount={feed.pageCount}
      offset={feed.offset}
      shown={feed.events.length}
      total={feed.total}
      href={(page) => `${base}${activitySearch({ ...filter, page })}`}
    />
  );
  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <p className="muted">
        Every change to the project, newest first: who did what and when. Codebook and hierarchy changes open to show their values before and after.
        {project.role === 'coder' ? ' While coding is blind, other coders’ codings on blind sources are not listed.' : ''}
      </p>
      <ActivityFilter action={base} members={members} actorId={filter.actorId} group={filter.group} />
      {(who || filter.group) && (
        <p className="muted" data-testid="activity-filter-summary">
          Showing {filter.group ? AUDIT_TYPE_GROUP_LABELS[filter.group].toLowerCase() : 'all changes'}
          {who ? ` by ${who}` : ''}.
        </p>
      )}
      {feed.total > 0 && pager}
      <ActivityList projectId={project.id} events={feed.events} />
      {feed.pageCount > 1 && pager}
    </>
  );
}
