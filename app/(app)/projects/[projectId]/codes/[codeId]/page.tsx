import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { MemoLog } from '@/components/memos/memo-log';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { listCodedSegments } from '@/lib/server/data/coding/list-code-segments';
import { listMemos } from '@/lib/server/data/memo/memos';
import { loadProjectPage } from '@/lib/server/pages';

import { addMemoAction, deleteMemoAction } from '../../memos/actions';

type Props = { params: Promise<{ projectId: string; codeId: string }> };

async function load(props: Props) {
  const { projectId, codeId } = await props.params;
  const { user, project } = await loadProjectPage(projectId);
  const code = (await listCodes({ userId: user.id, projectId })).find((c) => c.id === codeId);
  if (!code) notFound();
  try {
    const [segments, memos] = await Promise.all([
      listCodedSegments({ userId: user.id, projectId, codeId }),
      listMemos({ userId: user.id, projectId, target: { codeId } }),
    ]);
    return { user, project, code, segments, memos };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).code.name };
}

/** Coded retrieval: every segment of a code with its context, each linking to its place. */
export default async function CodePage(props: Props) {
  const { user, project, code, segments, memos } = await load(props);
  const base = `/projects/${project.id}`;
  let lastSource = '';
  return (
    <>
      <div className="breadcrumb">
        <Link href={`${base}/codes`}>Codebook</Link> / Code
      </div>
      <div className="page-header">
        <div>
          <h1 data-testid="code-name">
            <span className="swatch swatch-lg" style={{ background: code.color }} aria-hidden="true" />
            {code.name}
          </h1>
          <p>
            {code.segmentCount} {code.segmentCount === 1 ? 'segment' : 'segments'} in {code.sourceCount} {code.sourceCount === 1 ? 'source' : 'sources'}
          </p>
        </div>
        {segments.length > 0 && (
          <div className="row">
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=csv&codeId=${code.id}`} download>
              Export CSV
            </a>
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=xlsx&codeId=${code.id}`} download>
              Export XLSX
            </a>
          </div>
        )}
      </div>
      {code.definition && <p className="definition">{code.definition}</p>}
      <details className="card code-memos">
        <summary>
          Memos on this code ({memos.length})
        </summary>
        <MemoLog
          target={{ codeId: code.id }}
          memos={memos}
          canWrite={can(project.role, 'memo:write')}
          currentUserId={user.id}
          isOwner={project.role === 'owner'}
          add={addMemoAction.bind(null, project.id)}
          remove={deleteMemoAction.bind(null, project.id)}
        />
      </details>
      {segments.length === 0 ? (
        <div className="card empty">No segments are coded with this code yet.</div>
      ) : (
        <ol className="segments" aria-label="Coded segments">
          {segments.map((s) => {
            const header = s.sourceId !== lastSource;
            lastSource = s.sourceId;
            return (
              <li key={s.codingId} className="segment card" data-testid="segment">
                {header && <h2 className="segment-source">{s.sourceTitle}</h2>}
                <blockquote dir="auto">
                  <span className="context">{s.before}</span>
                  <mark style={{ background: `${code.color}33`, borderBottom: `2px solid ${code.color}` }}>{s.text}</mark>
                  <span className="context">{s.after}</span>
                </blockquote>
                <div className="segment-meta">
                  <Link href={`${base}/sources/${s.sourceId}?coding=${s.codingId}`}>Open in source</Link>
                  <span>
                    characters {s.start}–{s.end}
                  </span>
                  <span>coded by {s.coderName}</span>
                  {s.memo && <span className="segment-memo">Memo: {s.memo}</span>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
