'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';

import { NONE, parseSourceFilters, type SourceFilters, sourceFiltersHref } from '@/lib/sources/filter';
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '@/lib/sources/kinds';

import styles from './source-filters.module.css';

/**
 * Search box and filters (kind, folder, case) of the Sources list. A plain GET form, so the
 * filtered list has its own address (?q=&kind=&folder=&case=) and works without JavaScript;
 * with it, a changed select applies at once.
 */
export function SourceFilterBar(props: {
  action: string;
  filters: SourceFilters;
  folders: ReadonlyArray<{ id: string; name: string }>;
  cases: ReadonlyArray<{ id: string; name: string }>;
  shown: number;
  total: number;
}) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const { filters } = props;
  const filtered = Boolean(filters.q || filters.kind || filters.folder || filters.case);
  const apply = () => form.current?.requestSubmit();
  return (
    <form
      ref={form}
      role="search"
      aria-label="Filter sources"
      className={styles.bar}
      action={props.action}
      onSubmit={(e) => {
        // The same address the plain form would open, without its empty fields (?kind=&case=).
        e.preventDefault();
        const data = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
        router.push(sourceFiltersHref(props.action, parseSourceFilters(data)));
      }}
    >
      <div className={`field ${styles.q}`}>
        <label htmlFor="sources-q">Search sources</label>
        <input id="sources-q" type="search" name="q" defaultValue={filters.q ?? ''} placeholder="Title, interviewee or authors" maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="sources-kind">Filter by kind</label>
        <select id="sources-kind" name="kind" defaultValue={filters.kind ?? ''} onChange={apply}>
          <option value="">All kinds</option>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {SOURCE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sources-folder">Filter by folder</label>
        <select id="sources-folder" name="folder" defaultValue={filters.folder ?? ''} onChange={apply}>
          <option value="">All folders</option>
          <option value={NONE}>Unfiled</option>
          {props.folders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sources-case">Filter by case</label>
        <select id="sources-case" name="case" defaultValue={filters.case ?? ''} onChange={apply}>
          <option value="">All cases</option>
          <option value={NONE}>No case</option>
          {props.cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.actions}>
        <button type="submit" className="btn btn-secondary btn-sm">
          Search
        </button>
        {filtered && (
          <span className="muted" data-testid="source-filter-summary">
            {props.shown} of {props.total} {props.total === 1 ? 'source' : 'sources'} · <Link href={props.action}>Clear filters</Link>
          </span>
        )}
      </div>
    </form>
  );
}
