import type { Metadata } from 'next';
import Link from 'next/link';

import { CreateCodeForm, EditCodeForm } from '@/components/codes/code-forms';
import { can } from '@/lib/auth/roles';
import { nextColor } from '@/lib/coding/colors';
import { LEVEL_NAME, toCodeLevel } from '@/lib/coding/hierarchy-types';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { loadProjectPage } from '@/lib/server/pages';

import { createCodeAction, deleteCodeAction, updateCodeAction } from './actions';

export const metadata: Metadata = { title: 'Codebook' };

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await params).projectId);
  const codes = await listCodes({ userId: user.id, projectId: project.id });
  const canWrite = can(project.role, 'coding:write');
  const base = `/projects/${project.id}`;
  const segments = codes.reduce((n, c) => n + c.segmentCount, 0);
  return (
    <>
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
      <section className="card">
        {codes.length === 0 ? (
          <p className="empty">No codes yet. Code text in a source, or add codes here.</p>
        ) : (
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
              {codes.map((c) => (
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
                      <details className="row-edit">
                        <summary>Edit</summary>
                        <div className="row-edit-panel card">
                          <EditCodeForm
                            code={c}
                            segmentCount={c.segmentCount}
                            update={updateCodeAction.bind(null, project.id, c.id)}
                            remove={deleteCodeAction.bind(null, project.id, c.id)}
                          />
                        </div>
                      </details>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
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
