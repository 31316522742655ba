import type { Metadata } from 'next';
import Link from 'next/link';

import { ROLE_LABELS } from '@/lib/auth/roles';
import { loadProjectPage } from '@/lib/server/pages';

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: project.name };
}

export default async function ProjectOverviewPage({ params }: Props) {
  const { project } = await loadProjectPage((await params).projectId);
  return (
    <>
      <div className="breadcrumb">
        <Link href="/projects">Projects</Link> / Overview
      </div>
      <h1 data-testid="project-name">{project.name}</h1>
      {project.description ? <p style={{ whiteSpace: 'pre-wrap' }}>{project.description}</p> : <p className="muted">No description yet.</p>}
      <div className="stat-grid">
        <Link href={`/projects/${project.id}/sources`} className="stat stat-link">
          <div className="value">{project.sourceCount}</div>
          <div className="label">{project.sourceCount === 1 ? 'Source' : 'Sources'}</div>
        </Link>
        <div className="stat">
          <div className="value">{project.memberCount}</div>
          <div className="label">{project.memberCount === 1 ? 'Member' : 'Members'}</div>
        </div>
        <div className="stat">
          <div className="value">{ROLE_LABELS[project.role]}</div>
          <div className="label">Your role</div>
        </div>
        <div className="stat">
          <div className="value">{new Date(project.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}</div>
          <div className="label">Created</div>
        </div>
      </div>
      <section className="card">
        <h2>Team</h2>
        <p className="muted">
          Owners invite colleagues as <strong>coders</strong> (code sources), <strong>reviewers</strong> (check agreement and hierarchy changes) or{' '}
          <strong>viewers</strong> (read only).
        </p>
        <Link href={`/projects/${project.id}/team`}>Manage the team →</Link>
      </section>
    </>
  );
}
