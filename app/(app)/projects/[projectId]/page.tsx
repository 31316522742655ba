import type { Metadata } from 'next';
import Link from 'next/link';

import { RefiExportLinks } from '@/components/refi/refi-export-links';
import { OnlineNow } from '@/components/team/presence-avatars';
import { LocalTime } from '@/components/ui/local-time';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { loadHierarchySummary } from '@/lib/server/data/hierarchy/load-hierarchy';
import { loadProjectPage } from '@/lib/server/pages';

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: project.name };
}

export default async function ProjectOverviewPage({ params }: Props) {
  const { user, project } = await loadProjectPage((await params).projectId);
  const summary = await loadHierarchySummary({ userId: user.id, projectId: project.id });
  const base = `/projects/${project.id}`;
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
          <div className="value">
            <LocalTime iso={project.createdAt} />
          </div>
          <div className="label">Created</div>
        </div>
      </div>
      <section className="card" style={{ marginBottom: '1rem' }}>
        <h2>Grounded theory</h2>
        <p data-testid="overview-summary">{summary.line}</p>
        <p className="muted">
          Open coding in <Link href={`${base}/sources`}>Sources</Link> and the <Link href={`${base}/codes`}>Codebook</Link>; axial and selective coding
          — categories, relations, core categories and the storyline — in <Link href={`${base}/hierarchy`}>Theory</Link>.
        </p>
      </section>
      <OnlineNow />
      <section className="card" style={{ marginBottom: '1rem' }} aria-label="Exchange">
        <h2>Exchange with other tools</h2>
        <p className="muted">
          The REFI-QDA format opens in NVivo, ATLAS.ti, MAXQDA and QualCoder and is accepted by data archives: sources, codes, codings with their coders, memos,
          cases and relations. A project exported here comes back into Groundwork with its levels, labels and relation types.
        </p>
        <div className="row">
          <RefiExportLinks projectId={project.id} />
        </div>
      </section>
      <section className="card">
        <h2>Team</h2>
        <p className="muted">
          Owners add colleagues who have a Groundwork account as <strong>coders</strong> (import and code sources, edit the codebook, analyse the
          survey data), <strong>reviewers</strong> (read everything, write memos and comments, resolve coders&apos; disagreements and decide on
          proposed hierarchy changes) or <strong>viewers</strong> (read only).
        </p>
        <Link href={`/projects/${project.id}/team`}>Manage the team →</Link>
      </section>
    </>
  );
}
