import type { Metadata } from 'next';
import Link from 'next/link';

import { CreateCodeForm } from '@/components/codes/code-forms';
import { CodebookFilterForm } from '@/components/codes/codebook-filter-form';
import { CodeRowEdit } from '@/components/codes/code-row-edit';
import { Pager, pageParam } from '@/components/codes/pager';
import { ImportCodebookPanel } from '@/components/refi/import-codebook-panel';
import { RefiExportLinks } from '@/components/refi/refi-export-links';
import { LiveRefresh } from '@/components/team/live-refresh';
import { can } from '@/lib/auth/roles';
import { codebookHref, filterCodes, parseCodebookFilters } from '@/lib/coding/codebook-filter';
import { nextColor } from '@/lib/coding/colors';
import { LEVEL_NAME, toCodeLevel } from '@/lib/coding/hierarchy-types';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { loadProjectPage } from '@/lib/server/pages';

import { createCodeAction } from './actions';

export const metadata: Metadata = { title: 'Codebook' };

/** Codes per page of the codebook table: a 2,000-code codebook is ten light pages, not one 8 MB page. */
const CODES_PER_PAGE = 200;

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CodebookPage(props: Props) {
  const [{ projectId }, search] = await Promise.all([props.params, props.searchParams]);
  const { user, project } = await loadProjectPage(projectId);
  const codes = await listCodes({ userId: user.id, projectId: project.id });
  const canWrite = can(project.role, 'coding:write');
  const base = `/projects/${project.id}`;
  const segments = codes.reduce((n, c) => n + c.segmentCount, 0);
  // Search and filters live in the URL (?q=&level=&usage=), so a filtered codebook can be linked to.
  const filters = parseCodebookFilters(search);
  const found = filterCodes(codes, filters);
  const pageCount = Math.max(1, Math.ceil(found.length / CODES_PER_PAGE));
  const page = Math.min(pageCount, pageParam(search.page));
  const offset = (page - 1) * CODES_PER_PAGE;
  const shown = found.slice(offset, offset + CODES_PER_PAGE);
  const href = (p: number) => codebookHref(`${base}/codes`, filters, p);
  const pager = found.length > CODES_PER_PAGE && (
    <Pager noun="Codes" label="Pages of codes" page={page} pageCount={pageCount} offset={offset} shown={shown.length} total={found.length} href={href} />
  );
  return (
    <>
      <LiveRefresh />
      <div className="page-header">
        <div>
          <h1>Codebook</h1>
          <p>
            {codes.length} {codes.length === 1 ? 'code' : 'codes'} · {segments} coded {segments === 1 ? 'segment' : 'segments'}
          </p>
        </div>
        {segments > 0 && (
          <div className="row" aria-label="Export coded segments">
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=csv`} download>
              Export CSV
            </a>
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=xlsx`} download>
              Export XLSX
            </a>
          </div>
        )}
      </div>
      <div className="row" style={{ marginBottom: '1rem' }} aria-label="REFI-QDA codebook exchange">
        {codes.length > 0 && <RefiExportLinks projectId={project.id} codebookOnly />}
        {canWrite && <ImportCodebookPanel projectId={project.id} />}
      </div>
      <section className="card">
        {codes.length === 0 ? (
          <p className="empty">No codes yet. Code text in a source, or add codes here.</p>
        ) : (
          <>
            <CodebookFilterForm action={`${base}/codes`} filters={filters} matches={found.length} />
            {pager}
            {found.length === 0 && <p className="empty">No codes match.</p>}
            {found.length > 0 && (
              <table className="table" aria-label="Codes">
                <thead>
                  <tr>
                    <th scope="col">Label</th>
                    <th scope="col">Code</th>
                    <th scope="col">Level</th>
                    <th scope="col">Definition</th>
                    <th scope="col" style={{ textAlign: 'right' }}>
                      Segments
                    </th>
                    <th scope="col" style={{ textAlign: 'right' }}>
                      Sources
                    </th>
                    {canWrite && (
                      <th scope="col">
                        <span className="visually-hidden">Edit</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.id} data-testid={`code-${c.name}`}>
                      <td className="muted">{c.label || '—'}</td>
                      <td>
                        <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                        <Link href={`${base}/codes/${c.id}`}>{c.name}</Link>
                      </td>
                      <td className="muted">{LEVEL_NAME[toCodeLevel(c.level)]}</td>
                      <td className="muted clamp">{c.definition || '—'}</td>
                      <td style={{ textAlign: 'right' }}>{c.segmentCount}</td>
                      <td style={{ textAlign: 'right' }}>{c.sourceCount}</td>
                      {canWrite && (
                        <td style={{ width: '1%' }}>
                          <CodeRowEdit projectId={project.id} code={{ id: c.id, name: c.name, color: c.color, definition: c.definition, version: c.version }} segmentCount={c.segmentCount} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {pager}
          </>
        )}
      </section>
      {canWrite && (
        <section className="card" style={{ maxWidth: 620 }}>
          <h2>New concept</h2>
          <p className="muted">Categories, main categories and core categories are built in <Link href={`${base}/hierarchy`}>Theory</Link>.</p>
          <CreateCodeForm action={createCodeAction.bind(null, project.id)} defaultColor={nextColor(codes.map((c) => c.color))} />
        </section>
      )}
    </>
  );
}
