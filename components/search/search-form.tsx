import { SOURCE_KINDS, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';

import styles from './search.module.css';

/** Props of {@link SearchForm}. */
export interface SearchFormProps {
  action: string;
  query: string;
  kind: string;
  source: string;
  sources: ReadonlyArray<{ id: string; title: string }>;
}

/** The search box and its filters (a GET form: a search is a shareable URL). */
export function SearchForm({ action, query, kind, source, sources }: SearchFormProps) {
  return (
    <form className={styles.form} role="search" action={action}>
      <div className={styles.queryField}>
        <label htmlFor="search-q">Search for</label>
        <input id="search-q" type="text" name="q" defaultValue={query} placeholder="A word or phrase, e.g. 信任平台" maxLength={500} autoFocus={!query} />
      </div>
      <div className={styles.filterField}>
        <label htmlFor="search-kind">Kind</label>
        <select id="search-kind" name="kind" defaultValue={kind}>
          <option value="">All kinds</option>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {SOURCE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filterField}>
        <label htmlFor="search-source">Source</label>
        <select id="search-source" name="source" defaultValue={source}>
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        Search
      </button>
    </form>
  );
}
