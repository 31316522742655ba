import type { Metadata } from 'next';
import Link from 'next/link';

import { CaseMatrix } from '@/components/cases/case-matrix';
import styles from '@/components/cases/cases.module.css';
import { MATRIX_CELL_MODES, type MatrixCellMode } from '@/lib/cases/matrix';
import { can } from '@/lib/auth/roles';
import { toCodeLevel } from '@/lib/coding/hierarchy-types';
import { loadAttributeTable } from '@/lib/server/data/cases/attributes';
import { loadCaseMatrix } from '@/lib/server/data/cases/matrix';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Case matrix' };

/**
 * The case comparison matrix of a multi-case study: cases × codes at a chosen level, with key
 * attributes; presence, counts or the team's summaries; drill-down and exports.
 */
export default async function CaseMatrixPage(props: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const search = await props.searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const level = toCodeLevel(Number(one(search.level) ?? 2));
  const modeRaw = one(search.mode);
  const mode: MatrixCellMode = (MATRIX_CELL_MODES as readonly string[]).includes(modeRaw ?? '') ? (modeRaw as MatrixCellMode) : 'count';
  const ids = { userId: user.id, projectId: project.id };
  const table = await loadAttributeTable(ids);
  const known = new Set(table.attributes.map((a) => a.id));
  const requested = one(search.attributes);
  const selected = requested === undefined ? table.attributes.slice(0, 3).map((a) => a.id) : requested.split(',').filter((id) => known.has(id));
  const matrix = await loadCaseMatrix({ ...ids, level, attributeIds: selected });
  const base = `/projects/${project.id}/cases`;
  return (
    <>
      <h1>Case comparison matrix</h1>
      <nav className={styles.subnav} aria-label="Cases views">
        <Link href={base}>Cases and attributes</Link>
        <Link href={`${base}/matrix`} aria-current="page">
          Case matrix
        </Link>
        <Link href={`${base}/triangulation`}>Triangulation</Link>
      </nav>
      <p className="muted">Each row is a case with its key attributes; each column a code with everything coded below it. Click a cell to read its segments.</p>
      <CaseMatrix
        projectId={project.id}
        matrix={matrix}
        mode={mode}
        attributes={table.attributes.map((a) => ({ id: a.id, name: a.name }))}
        selectedAttributes={selected}
        canSummarize={can(project.role, 'coding:write')}
      />
    </>
  );
}
