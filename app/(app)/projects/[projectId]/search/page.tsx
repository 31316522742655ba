import type { Metadata } from 'next';

import { CodeHitsPanel } from '@/components/search/code-hits-panel';
import { HitList } from '@/components/search/hit-list';
import { SearchForm } from '@/components/search/search-form';
import styles from '@/components/search/search.module.css';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { ZSearchQuery } from '@/lib/search/schemas';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { searchSources, type SearchResult } from '@/lib/server/data/search/search-sources';
import { listSources } from '@/lib/server/data/source/list-sources';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Search' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Full-text search across the project's sources, and coding the hits. */
export default async function SearchPage(props: Props) {
  const [{ projectId }, search] = await Promise.all([props.params, props.searchParams]);
  const { user, project } = await loadProjectPage(projectId);
  const q = first(search.q);
  const kind = first(search.kind);
  const source = first(search.source);
  const sources = await listSources({ userId: user.id, projectId: project.id });

  let result: SearchResult | null = null;
  let error: string | null = null;
  let filters = {};
  if (q.trim()) {
    const parsed = ZSearchQuery.safeParse({ q, ...(kind ? { kind } : {}), ...(source ? { source } : {}) });
    if (!parsed.success) error = parsed.error.issues[0]?.message ?? 'Invalid search.';
    else {
      filters = parsed.data.filters;
      try {
        result = await searchSources({ userId: user.id, projectId: project.id, query: parsed.data.query, filters: parsed.data.filters });
      } catch (e) {
        if (!isAppError(e)) throw e;
        error = e.userMessage;
      }
    }
  }
  const canCode = can(project.role, 'coding:write');
  const codes = canCode && result && result.totalHits > 0 ? await listCodes({ userId: user.id, projectId: project.id }) : [];

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Search</h1>
          <p>Find words and phrases in every source. Case and full-/half-width forms are ignored; Chinese needs no spaces.</p>
        </div>
      </div>
      <section className="card">
        <SearchForm
          action={`/projects/${project.id}/search`}
          query={q}
          kind={kind}
          source={source}
          sources={sources.map((s) => ({ id: s.id, title: s.title }))}
        />
      </section>
      {error && (
        <p className="message message-error" role="alert" style={{ marginTop: '1rem' }}>
          {error}
        </p>
      )}
      {result && (
        <section className="card" aria-label="Results">
          <p className={styles.summary} data-testid="search-summary">
            {result.totalHits === 0 ? (
              <>
                No hits for <strong>“{result.query.trim()}”</strong> in {result.searched} {result.searched === 1 ? 'source' : 'sources'}.
              </>
            ) : (
              <>
                <strong>
                  {result.totalHits} {result.totalHits === 1 ? 'hit' : 'hits'}
                </strong>{' '}
                for <strong>“{result.query.trim()}”</strong> in {result.sources.length} of {result.searched} {result.searched === 1 ? 'source' : 'sources'}
              </>
            )}
          </p>
          {result.totalHits > 0 && <HitList projectId={project.id} query={result.query.trim()} sources={result.sources} />}
        </section>
      )}
      {result && result.totalHits > 0 && canCode && (
        <section className="card">
          <CodeHitsPanel
            projectId={project.id}
            query={result.query}
            filters={filters}
            totalHits={result.totalHits}
            codes={codes.map((c) => ({ id: c.id, name: c.name, label: c.label }))}
          />
        </section>
      )}
    </>
  );
}
