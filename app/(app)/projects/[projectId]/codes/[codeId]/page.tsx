import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { CodeSegmentList, type CodeSegmentItem } from '@/components/codes/code-segment-list';
import { Pager, pageParam } from '@/components/codes/pager';
import { CommentThread } from '@/components/team/comment-thread';
import { MemoLog } from '@/components/memos/memo-log';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { descendantIds, indexHierarchy, rollUpOne } from '@/lib/coding/hierarchy';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { describeLocation, locateSegment } from '@/lib/sources/segment-location';
import { loadHierarchyCodes } from '@/lib/server/data/hierarchy/load-hierarchy';
import { listCodeSegmentPage } from '@/lib/server/data/coding/list-code-segment-page';
import { getCommentThread, listMentionables } from '@/lib/server/data/comments/comments';
import { listMemos } from '@/lib/server/data/memo/memos';
import { loadSourceContexts } from '@/lib/server/data/source/load-source-layouts';
import { loadProjectPage } from '@/lib/server/pages';

import { addMemoAction, deleteMemoAction, updateMemoAction } from '../../memos/actions';

type Props = { params: Promise<{ projectId: string; codeId: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** Cached per request: generateMetadata and the page share one load. */
const load = cache(async (projectId: string, codeId: string, page: number) => {
  const { user, project } = await loadProjectPage(projectId);
  try {
    const hierarchy = await loadHierarchyCodes({ userId: user.id, projectId });
    const code = hierarchy.codes.find((c) => c.id === codeId);
    if (!code) notFound();
    const below = [...descendantIds(hierarchy.codes, code.id)];
    const [list, memos] = await Promise.all([
      listCodeSegmentPage({ userId: user.id, projectId, codeId, alsoCodeIds: below, page }),
      listMemos({ userId: user.id, projectId, target: { codeId } }),
    ]);
    // Where each shown segment is (page, speaker and time, or paragraph), read for the shown page only.
    const contexts = await loadSourceContexts({ userId: user.id, projectId, sourceIds: list.segments.map((s) => s.sourceId) });
    const { byId, parentOf } = indexHierarchy(hierarchy.codes);
    const parents: typeof hierarchy.codes = [];
    for (let id = parentOf.get(code.id); id; id = parentOf.get(id)) parents.unshift(byId.get(id)!);
    // Every listed coding's span (not only the shown page), so the counts are the whole subtree's.
    const counts = rollUpOne(hierarchy.codes, code.id, list.spans);
    return { user, project, code, byId, parents, counts, hasChildren: below.length > 0, list, memos, contexts };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

async function loadFor(props: Props) {
  const [{ projectId, codeId }, { page }] = await Promise.all([props.params, props.searchParams]);
  return load(projectId, codeId, pageParam(page));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await loadFor(props)).code.name };
}

/**
 * Coded retrieval: a code's segments (and, for a category, those of the codes below it) with
 * their context, a page at a time (`?page=`); the counts in the header cover all of them.
 */
export default async function CodePage(props: Props) {
  const { user, project, code, byId, parents, counts, hasChildren, list, memos, contexts } = await loadFor(props);
  const base = `/projects/${project.id}`;
  // The code's comment thread (codes of every level: concepts, categories, main and core categories).
  const commentTarget = { type: 'code' as const, id: code.id };
  const [thread, mentionables] = await Promise.all([
    getCommentThread({ userId: user.id, projectId: project.id, target: commentTarget }),
    listMentionables({ userId: user.id, projectId: project.id }),
  ]);
  const title = (c: { label: string; name: string }) => `${c.label ? `${c.label} ` : ''}${c.name}`;
  // Only what the list shows goes to the client component.
  const items: CodeSegmentItem[] = list.segments.map((s) => {
    const via = s.codeId !== code.id ? byId.get(s.codeId) : undefined;
    return {
      codingId: s.codingId,
      sourceId: s.sourceId,
      sourceTitle: s.sourceTitle,
      before: s.before,
      text: s.text,
      after: s.after,
      location: (() => {
        const context = contexts.get(s.sourceId);
        return context ? describeLocation(locateSegment(context.layout, s.start, s.end)) : '';
      })(),
      coderName: s.coderName,
      memo: s.memo,
      via: via ? { id: via.id, title: title(via) } : null,
    };
  });
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const pager = list.total > 0 && (
    <Pager
      noun="Coded segments"
      label="Pages of coded segments"
      page={list.page}
      pageCount={list.pageCount}
      offset={list.offset}
      shown={items.length}
      total={list.total}
      href={(p) => `${base}/codes/${code.id}${p > 1 ? `?page=${p}` : ''}`}
    />
  );
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
        <div className="row">
          <Link className="btn btn-secondary btn-sm" href={`${base}/codes/${code.id}/history`}>
            History
          </Link>
          {list.total > 0 && (
            <>
              <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=csv&codeId=${code.id}`} download>
                Export CSV
              </a>
              <a className="btn btn-secondary btn-sm" href={`/api/projects/${project.id}/exports/coded-segments?format=xlsx&codeId=${code.id}`} download>
                Export XLSX
              </a>
            </>
          )}
        </div>
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
          update={updateMemoAction.bind(null, project.id)}
          remove={deleteMemoAction.bind(null, project.id)}
        />
      </details>
      <details className="card code-memos" id="comments" open={thread.comments.length > 0}>
        <summary>
          Comments ({thread.comments.length}){thread.unread > 0 ? ` · ${thread.unread} new` : ''}
        </summary>
        <CommentThread projectId={project.id} target={commentTarget} initial={{ thread, mentionables, userId: user.id }} heading={null} />
      </details>
      <CodeSegmentList
        key={list.page}
        projectId={project.id}
        code={{ id: code.id, color: code.color, title: title(code) }}
        segments={items}
        canSplit={can(project.role, 'coding:write')}
        hasChildren={hasChildren}
        paginated={list.pageCount > 1}
        header={pager}
        footer={list.pageCount > 1 ? pager : null}
      />
    </>
  );
}
