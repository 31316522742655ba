'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';

import { type CodebookFilters, codebookHref, parseCodebookFilters } from '@/lib/coding/codebook-filter';
import { CODE_LEVELS, LEVEL_PLURAL } from '@/lib/coding/hierarchy-types';

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * The codebook's search (name, label, definition) and filters by level and by use. A plain GET
 * form, so it works without JavaScript; with it, the address is built without empty fields
 * (?q=rely+on, not ?q=rely+on&level=&usage=) and a changed select applies at once.
 */
export function CodebookFilterForm(props: { action: string; filters: CodebookFilters; matches: number }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { filters } = props;
  const q = filters.q ?? '';
  const filtered = Boolean(filters.q || filters.level || filters.usage);
  const apply = () => form.current?.requestSubmit();
  return (
    <form
      ref={form}
      className="codebook-filter"
      role="search"
      action={props.action}
      style={{ flexWrap: 'wrap' }}
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries([...new FormData(e.currentTarget)].map(([k, v]) => [k, String(v)]));
        router.push(codebookHref(props.action, parseCodebookFilters(data)));
      }}
    >
      <label htmlFor="codebook-q">Find a code</label>
      <input id="codebook-q" type="search" name="q" defaultValue={q} placeholder="Name, label or definition" style={{ flex: '1 1 14rem', width: 'auto' }} />
      <label htmlFor="codebook-level" className="visually-hidden">
        Filter by level
      </label>
      <select id="codebook-level" name="level" defaultValue={filters.level ? String(filters.level) : ''} style={{ width: 'auto' }} onChange={apply}>
        <option value="">All levels</option>
        {CODE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {capital(LEVEL_PLURAL[l])}
          </option>
        ))}
      </select>
      <label htmlFor="codebook-usage" className="visually-hidden">
        Filter by use
      </label>
      <select id="codebook-usage" name="usage" defaultValue={filters.usage ?? ''} style={{ width: 'auto' }} onChange={apply}>
        <option value="">Used or unused</option>
        <option value="used">Has codings</option>
        <option value="unused">Unused (no codings)</option>
      </select>
      <button type="submit" className="btn btn-secondary btn-sm">
        Find
      </button>
      {filtered && (
        <span className="muted" data-testid="codebook-filter-summary">
          {props.matches} {props.matches === 1 ? 'code matches' : 'codes match'}
          {q ? ` “${q}”` : ''}
          {filters.level ? ` · ${LEVEL_PLURAL[filters.level]}` : ''}
          {filters.usage ? ` · ${filters.usage === 'used' ? 'with codings' : 'unused'}` : ''} · <Link href={props.action}>Show all</Link>
        </span>
      )}
    </form>
  );
}
