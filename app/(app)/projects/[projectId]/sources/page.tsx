import type { Metadata } from 'next';
import Link from 'next/link';

import { FolderPanel } from '@/components/sources/folder-panel';
import { PasteSourceForm } from '@/components/sources/paste-source-form';
import { SourceFilterBar } from '@/components/sources/source-filters';
import filterStyles from '@/components/sources/source-filters.module.css';
import { SourceUploader } from '@/components/sources/source-uploader';
import { can } from '@/lib/auth/roles';
import { listFolders } from '@/lib/server/data/folder/list-folders';
import { listSources } from '@/lib/server/data/source/list-sources';
import { env } from '@/lib/server/env';
import { loadProjectPage } from '@/lib/server/pages';
import { filterSources, isFiltered, parseSourceFilters } from '@/lib/sources/filter';
import { sourceKindLabel } from '@/lib/sources/kinds';

import { createFolderAction, deleteFolderAction, pasteSourceAction } from './actions';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Sources' };

const FORMAT_LABELS: Record<string, string> = { txt: 'Text', md: 'Markdown', docx: 'Word', pdf: 'PDF', html: 'Web page', vtt: 'WebVTT', srt: 'SRT', paste: 'Pasted' };

export default async function SourcesPage(props: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  // Search and filters live in the URL (?q=&kind=&folder=&case=), so a filtered list can be linked to.
  const filters = parseSourceFilters(await props.searchParams);
  const [folders, all] = await Promise.all([listFolders({ userId: user.id, projectId: project.id }), listSources({ userId: user.id, projectId: project.id })]);
  const current = folders.find((f) => f.id === filters.folder);
  const sources = filterSources(all, filters);
  const filtered = isFiltered(filters);
  // The cases the project's sources belong to, for the case filter.
  const cases = [...new Map(all.filter((s) => s.caseId).map((s) => [s.caseId!, { id: s.caseId!, name: s.caseName ?? '' }])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const canWrite = can(project.role, 'sources:write');
  const base = `/projects/${project.id}/sources`;
  const totalWords = sources.reduce((n, s) => n + s.wordCount, 0);
  return (
    <>
      <h1>Sources</h1>
      <p className="muted">
        Interviews, literature and field notes to code. {sources.length} {sources.length === 1 ? 'source' : 'sources'}
        {current ? ` in “${current.name}”` : ''} · {totalWords.toLocaleString('en-GB')} words.
      </p>
      <div className="sources-layout">
        <FolderPanel
          base={base}
          total={all.length}
          current={current?.id}
          folders={folders}
          canWrite={canWrite}
          create={createFolderAction.bind(null, project.id)}
          remove={Object.fromEntries(folders.map((f) => [f.id, deleteFolderAction.bind(null, project.id, f.id)]))}
        />
        <div className="stack">
          {canWrite && (
            <section className="card">
              <h2>Import files</h2>
              <SourceUploader projectId={project.id} maxBytes={env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024} folders={folders} defaultFolderId={current?.id} />
              <details className="paste">
                <summary>Or paste text</summary>
                <PasteSourceForm action={pasteSourceAction.bind(null, project.id)} folders={folders} />
              </details>
            </section>
          )}
          <section className="card">
            {all.length > 0 && <SourceFilterBar action={base} filters={filters} folders={folders} cases={cases} shown={sources.length} total={all.length} />}
            {all.length === 0 ? (
              <p className="empty">{canWrite ? 'No sources yet. Import interview transcripts or articles above.' : 'No sources yet.'}</p>
            ) : sources.length === 0 ? (
              <p className="empty" data-testid="no-matching-sources">
                No sources match {filtered ? 'these filters' : 'this view'}.
              </p>
            ) : (
              <table className="table" aria-label="Sources">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Format</th>
                    <th scope="col" style={{ textAlign: 'right' }}>
                      Words
                    </th>
                    <th scope="col">Folder</th>
                    {cases.length > 0 && <th scope="col">Case</th>}
                    <th scope="col">Added</th>
                  </tr>
                </thead>
                <tbody>
                  {sources.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link href={`${base}/${s.id}`}>{s.title}</Link>
                        {(s.interviewee || s.authors) && <div className={`muted ${filterStyles.people}`}>{s.interviewee || s.authors}</div>}
                      </td>
                      <td>
                        <span className={`badge kind-${s.kind}`}>{sourceKindLabel(s.kind)}</span>
                      </td>
                      <td>{FORMAT_LABELS[s.format] ?? s.format}</td>
                      <td style={{ textAlign: 'right' }}>{s.wordCount.toLocaleString('en-GB')}</td>
                      <td>{s.folderName ?? <span className="muted">—</span>}</td>
                      {cases.length > 0 && <td>{s.caseName ?? <span className="muted">—</span>}</td>}
                      <td className="muted">
                        <LocalTime iso={s.createdAt} />
                        {s.addedBy ? ` · ${s.addedBy}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
