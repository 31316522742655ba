import type { Metadata } from 'next';
import Link from 'next/link';

import styles from '@/components/cases/cases.module.css';
import { TriangulationChart, TriangulationTable } from '@/components/cases/triangulation-view';
import { loadTriangulation } from '@/lib/server/data/cases/triangulation';
import { SOURCE_KIND_LABELS, isSourceKind } from '@/lib/sources/kinds';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Triangulation' };

/** Triangulation: which kinds of source (and linked survey statistics) support each category. */
export default async function TriangulationPage(props: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const { rows, sourcesByKind } = await loadTriangulation({ userId: user.id, projectId: project.id });
  const base = `/projects/${project.id}/cases`;
  const inventory = Object.entries(sourcesByKind)
    .map(([k, n]) => `${n} ${isSourceKind(k) ? SOURCE_KIND_LABELS[k].toLowerCase() : k}`)
    .join(' · ');
  return (
    <>
      <h1>Triangulation</h1>
      <nav className={styles.subnav} aria-label="Cases views">
        <Link href={base}>Cases and attributes</Link>
        <Link href={`${base}/matrix`}>Case matrix</Link>
        <Link href={`${base}/triangulation`} aria-current="page">
          Triangulation
        </Link>
      </nav>
      <p className="muted">
        For each category: how many sources of each kind have a coded segment of it or of a code below it, and how many survey constructs are linked to it (statistics).
        {inventory ? ` The project has ${inventory} source(s).` : ''}
      </p>
      {rows.length === 0 ? (
        <p className="empty">No categories yet: group concepts into categories on the Theory page.</p>
      ) : (
        <div className="stack">
          <section className="card" aria-label="Triangulation chart">
            <TriangulationChart rows={rows} />
          </section>
          <TriangulationTable rows={rows} />
        </div>
      )}
    </>
  );
}
