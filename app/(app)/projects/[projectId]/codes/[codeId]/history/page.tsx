import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { Pager, pageParam } from '@/components/codes/pager';
import { ActivityList } from '@/components/team/activity-list';
import { LEVEL_NAME, toCodeLevel } from '@/lib/coding/hierarchy-types';
import { isAppError } from '@/lib/errors/app-error';
import { getCodeHistory } from '@/lib/server/data/audit/get-code-history';
import { loadProjectPage } from '@/lib/server/pages';

type Props = { params: Promise<{ projectId: string; codeId: string }>; searchParams: Promise<{ page?: string | string[] }> };

const load = cache(async (projectId: string, codeId: string, page: number) => {
  const { user, project } = await loadProjectPage(projectId);
  try {
    return { project, history: await getCodeHistory({ userId: user.id, projectId, codeId, page }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

async function loadFor(props: Props) {
  const [{ projectId, codeId }, { page }] = await Promise.all([props.params, props.searchParams]);
  return { codeId, ...(await load(projectId, codeId, pageParam(page))) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { history } = await loadFor(props);
  return { title: `History: ${history.code?.name ?? 'deleted code'}` };
}

/**
 * A code's history: its own changes (created, renamed, redefined, recoloured, deleted) and the
 * structural changes and relations that involve it (moves, merges, splits), each with who, when
 * and before → after. A code merged away or deleted keeps its history.
 */
export default async function CodeHistoryPage(props: Props) {
  const { codeId, project, history } = await loadFor(props);
  const base = `/projects/${project.id}`;
  const code = history.code;
  const pager = (
    <Pager
      noun="Changes"
      label="Pages of the code's history"
      page={history.page}
      pageCount={history.pageCount}
      offset={history.offset}
      shown={history.events.length}
      total={history.total}
      href={(p) => `${base}/codes/${codeId}/history${p > 1 ? `?page=${p}` : ''}`}
    />
  );
  return (
    <>
      <div className="breadcrumb">
        <Link href={`${base}/codes`}>Codebook</Link>
        {code && (
          <>
            {' / '}
            <Link href={`${base}/codes/${code.id}`}>
              {code.label ? `${code.label} ` : ''}
              {code.name}
            </Link>
          </>
        )}
        {' / '}History
      </div>
      <div className="page-header">
        <div>
          <h1 data-testid="history-title">
            {code ? (
              <>
                <span className="swatch swatch-lg" style={{ background: code.color }} aria-hidden="true" />
                History of {code.label && <span className="muted">{code.label} </span>}
                {code.name}
              </>
            ) : (
              'History of a deleted code'
            )}
          </h1>
          <p className="muted">
            {code ? `${LEVEL_NAME[toCodeLevel(code.level)]} · ` : 'This code no longer exists (merged away or deleted); its recorded changes remain. · '}
            Changes to this code, and the moves, merges, splits and relations that involve it, newest first.
          </p>
        </div>
        <Link className="btn btn-secondary btn-sm" href={`${base}/team/activity`}>
          Project activity
        </Link>
      </div>
      {history.total > 0 ? pager : null}
      {history.total === 0 ? (
        <p className="empty muted">No changes recorded for this code yet. Changes made from now on (renames, moves, merges…) will be listed here.</p>
      ) : (
        <ActivityList projectId={project.id} events={history.events} currentCodeId={codeId} />
      )}
      {history.pageCount > 1 && pager}
    </>
  );
}
