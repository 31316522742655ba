import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { CodeSegmentList, type CodeSegmentItem } from '@/components/codes/code-segment-list';
import { MemoLog } from '@/components/memos/memo-log';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { descendantIds, indexHierarchy, rollUpOne } from '@/lib/coding/hierarchy';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { loadHierarchyCodes } from '@/lib/server/data/hierarchy/load-hierarchy';
import { listCodedSegments } from '@/lib/server/data/coding/list-code-segments';
import { listMemos } from '@/lib/server/data/memo/memos';
import { loadProjectPage } from '@/lib/server/pages';

import { addMemoAction, deleteMemoAction } from '../../memos/actions';

type Props = { params: Promise<{ projectId: string; codeId: string }> };

async function load(props: Props) {
  const { projectId, codeId } = await props.params;
  const { user, project } = await loadProjectPage(projectId);
  try {
    const hierarchy = await loadHierarchyCodes({ userId: user.id, projectId });
    const code = hierarchy.codes.find((c) => c.id === codeId);
    if (!code) notFound();
    const below = [...descendantIds(hierarchy.codes, code.id)];
    const [segments, memos] = await Promise.all([
      listCodedSegments({ userId: user.id, projectId, codeId, alsoCodeIds: below }),
      listMemos({ userId: user.id, projectId, target: { codeId } }),
    ]);
    const { byId, parentOf } = indexHierarchy(hierarchy.codes);
    const parents: typeof hierarchy.codes = [];
    for (let id = parentOf.get(code.id); id; id = parentOf.get(id)) parents.unshift(byId.get(id)!);
    // The segments listed are the code's subtree, so the counts come from them (no project-wide roll-up).
    const counts = rollUpOne(hierarchy.codes, code.id, segments);
    return { user, project, code, byId, parents, counts, hasChildren: below.length > 0, segments, memos };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).code.name };
}

/** Coded retrieval: every segment of a code (and, for a category, of the codes below it) with its context. */
export default async function CodePage(props: Props) {
  const { user, project, code, byId, parents, counts, hasChildren, segments, memos } = await load(props);
  const base = `/projects/${project.id}`;
  const title = (c: { label: string; name: string }) => `${c.label ? `${c.label} ` : ''}${c.name}`;
  const items: CodeSegmentItem[] = segments.map((s) => {
    const via = s.codeId !== code.id ? byId.get(s.codeId) : undefined;
    return { ...s, via: via ? { id: via.id, title: title(via) } : null };
  });
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <>
      <div className="breadcrumb">
        <Link href={`${base}/codes`}>Codebook</Link>
        {parents.map((p) => (
          <span key={p.id}>
            {' / '}
            <Link href={`${base}/codes/${p.id}`}>{title(p)}</Link>
          </span>
        ))}
        {' / '}
        {LEVEL_NAME[code.level]}
      </div>
      <div className="page-header">
        <div>
          <h1 data-testid="code-name">
            <span className="swatch swatch-lg" style={{ background: code.color }} aria-hidden="true" />
            {code.label && <span className="muted">{code.label} </span>}
            {code.name}
          </h1>
          <p>
            {LEVEL_NAME[code.level]} · {plural(counts.segments, 'segment', 'segments')} in {plural(counts.sources, 'source', 'sources')}
            {code.level > 1 ? ` (with everything below it; ${plural(counts.directCodings, 'coding', 'codings')} on the ${LEVEL_NAME[code.level]} itself)` : ''}
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
      <CodeSegmentList projectId={project.id} code={{ id: code.id, color: code.color, title: title(code) }} segments={items} canSplit={can(project.role, 'coding:write')} hasChildren={hasChildren} />
    </>
  );
}
