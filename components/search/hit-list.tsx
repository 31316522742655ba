import Link from 'next/link';

import { SOURCE_KIND_LABELS, isSourceKind } from '@/lib/sources/kinds';
import type { SourceHits } from '@/lib/server/data/search/search-sources';

import styles from './search.module.css';

/** Props of {@link HitList}. */
export interface HitListProps {
  projectId: string;
  query: string;
  sources: SourceHits[];
}

/** Where a hit opens: the source's workbench with its find bar on this hit. */
export function hitHref(projectId: string, sourceId: string, query: string, start: number): string {
  return `/projects/${projectId}/sources/${sourceId}?${new URLSearchParams({ find: query, at: String(start) })}`;
}

/** Search hits grouped by source, each in context and linking to its place in the source. */
export function HitList({ projectId, query, sources }: HitListProps) {
  return (
    <div data-testid="search-results">
      {sources.map((s) => (
        <section key={s.sourceId} className={styles.source} aria-labelledby={`src-${s.sourceId}`} data-source-id={s.sourceId}>
          <div className={styles.sourceHead}>
            <h2 id={`src-${s.sourceId}`}>
              <Link href={hitHref(projectId, s.sourceId, query, s.hits[0]?.start ?? 0)}>{s.title}</Link>
            </h2>
            <span className="badge">{isSourceKind(s.kind) ? SOURCE_KIND_LABELS[s.kind] : s.kind}</span>
            <span className={styles.count}>
              {s.total} {s.total === 1 ? 'hit' : 'hits'}
            </span>
          </div>
          <ol className={styles.hits}>
            {s.hits.map((h, i) => (
              <li key={h.start}>
                <Link className={styles.hit} href={hitHref(projectId, s.sourceId, query, h.start)} aria-label={`Hit ${i + 1} of ${s.total} in ${s.title}: ${h.text}`}>
                  {h.before}
                  <mark>{h.text}</mark>
                  {h.after}
                </Link>
              </li>
            ))}
          </ol>
          {s.total > s.hits.length && (
            <p className={styles.more}>
              The first {s.hits.length} of {s.total} hits. Open the source to step through all of them.
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
