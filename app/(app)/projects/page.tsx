import type { Metadata } from 'next';
import Link from 'next/link';

import { CreateProjectForm } from '@/components/projects/create-project-form';
import { ImportProjectPanel } from '@/components/refi/import-project-panel';
import { RoleBadge } from '@/components/ui/role-badge';
import { requireUser } from '@/lib/server/auth/session';
import { listProjects } from '@/lib/server/data/project/list-projects';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage() {
  const user = await requireUser();
  const projects = await listProjects({ userId: user.id });
  return (
    <main id="main" className="page">
      <div className="page-header">
        <div>
          <h1>Your projects</h1>
          <p>Research projects you own or were invited to.</p>
        </div>
      </div>
      {projects.length === 0 ? (
        <div className="card empty">
          <p>You have no projects yet. Create one below, or ask a colleague to invite you to theirs.</p>
        </div>
      ) : (
        <ul className="project-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Projects">
          {projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.id}`} className="card project-card">
                <h2>{p.name}</h2>
                {p.description && <p>{p.description}</p>}
                <div className="meta">
                  <RoleBadge role={p.role} />
                  <span>
                    {p.memberCount} {p.memberCount === 1 ? 'member' : 'members'}
                  </span>
                  <span>
                    · updated <LocalTime iso={p.updatedAt} />
                  </span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="card" style={{ marginTop: '2rem', maxWidth: 560 }}>
        <h2>New project</h2>
        <CreateProjectForm />
      </section>
      <section className="card" style={{ marginTop: '1rem', maxWidth: 760 }}>
        <h2>Import REFI-QDA project (.qdpx)</h2>
        <ImportProjectPanel />
      </section>
    </main>
  );
}
