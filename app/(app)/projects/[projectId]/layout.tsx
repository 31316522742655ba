import { ProjectNav } from '@/components/projects/project-nav';
import { ProjectEventsProvider } from '@/components/team/use-project-events';
import { RoleBadge } from '@/components/ui/role-badge';
import { can } from '@/lib/auth/roles';
import { countUnreadComments } from '@/lib/server/data/comments/list-threads';
import { projectEventHead } from '@/lib/server/data/events/events-after';
import { loadProjectPage } from '@/lib/server/pages';

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, project } = await loadProjectPage(projectId);
  // Live changes and presence start from the change log's position as of this render.
  const initialSeq = await projectEventHead(project.id);
  const base = `/projects/${project.id}`;
  // Unread comments on threads the member follows (lib/team/comment-unread.ts), shown on Team.
  const unreadComments = await countUnreadComments({ userId: user.id, projectId: project.id });
  const items = [
    { href: base, label: 'Overview' },
    { href: `${base}/sources`, label: 'Sources' },
    { href: `${base}/codes`, label: 'Codebook' },
    { href: `${base}/search`, label: 'Search' },
    { href: `${base}/hierarchy`, label: 'Theory' },
    { href: `${base}/saturation`, label: 'Saturation' },
    { href: `${base}/data`, label: 'Data' },
    { href: `${base}/mixed`, label: 'Mixed methods' },
    { href: `${base}/cases`, label: 'Cases' },
    { href: `${base}/queries`, label: 'Queries' },
    {
      href: `${base}/team`,
      label: 'Team',
      badge: { count: unreadComments, label: `${unreadComments} unread ${unreadComments === 1 ? 'comment' : 'comments'}` },
    },
    ...(can(project.role, 'project:update') ? [{ href: `${base}/settings`, label: 'Settings' }] : []),
  ];
  return (
    <div className="project-shell">
      <aside className="sidebar">
        <div className="sidebar-title">
          <span className="name">{project.name}</span>
          <RoleBadge role={project.role} />
        </div>
        <ProjectNav items={items} />
      </aside>
      <main id="main" className="project-main">
        <ProjectEventsProvider projectId={project.id} selfId={user.id} initialSeq={initialSeq}>
          {children}
        </ProjectEventsProvider>
      </main>
    </div>
  );
}
