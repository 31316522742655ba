'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';

import { KIND_LABELS, isAnalysisKind } from '@/lib/stats/analysis-spec';
import { comparisonOf, type AnalysisForTable, type TableChoice } from '@/lib/stats/tables/analysis-table';
import { PubTableView } from './pub-table-view';
import { choiceQuery, TableControls } from './table-controls';
import styles from './analyses.module.css';

export interface ComparableItem {
  id: string;
  kind: string;
  title: string;
  versionNumber: number;
  stale: boolean;
  createdAt: string;
}

/**
 * Picks 2+ saved regression models, in the order they become columns (1), (2), (3)….
 * Navigates to ?ids=a,b,c, where the page loads their results.
 */
export function ComparisonPicker(props: { base: string; items: ComparableItem[]; selected: string[] }) {
  const router = useRouter();
  const [ids, setIds] = useState<string[]>(props.selected);
  const toggle = (id: string) => setIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));
  if (props.items.length < 2) {
    return <p className="muted">Save at least two regression analyses (OLS, panel, difference-in-differences or quantile regression) of this dataset to compare them.</p>;
  }
  return (
    <form
      className={styles.picker}
      onSubmit={(e) => {
        e.preventDefault();
        router.push(`${props.base}?ids=${ids.map(encodeURIComponent).join(',')}`);
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>Models, in column order</legend>
        <ul className={styles.pickList}>
          {props.items.map((it) => {
            const col = ids.indexOf(it.id);
            return (
              <li key={it.id}>
                <label className={styles.check}>
                  <input type="checkbox" checked={col >= 0} onChange={() => toggle(it.id)} />
                  <span className={styles.colNo} aria-hidden="true">
                    {col >= 0 ? `(${col + 1})` : ''}
                  </span>
                  {it.title}
                  <span className="muted">
                    {' '}
                    · {isAnalysisKind(it.kind) ? KIND_LABELS[it.kind] : it.kind} · v{it.versionNumber}
                    {it.stale ? ' (stale)' : ''}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="submit" className="btn" disabled={ids.length < 2}>
        Compare {ids.length >= 2 ? `${ids.length} models` : ''}
      </button>
    </form>
  );
}

/** The comparison table with style, decimals and exports. */
export function ComparisonView(props: { projectId: string; analyses: AnalysisForTable[]; ids: string[] }) {
  const [choice, setChoice] = useState<TableChoice>({ style: 'econ' });
  const built = useMemo(() => {
    try {
      return { table: comparisonOf(props.analyses, choice), error: null };
    } catch (e) {
      return { table: null, error: `These models cannot be compared: ${(e as Error).message}` };
    }
  }, [props.analyses, choice]);
  const exportUrl = (format: string) => `/api/projects/${props.projectId}/analyses/compare/export?ids=${props.ids.map(encodeURIComponent).join(',')}&format=${format}&${choiceQuery(choice)}`;
  return (
    <div className="stack">
      <TableControls choice={choice} onChange={setChoice} exportUrl={exportUrl} />
      <PubTableView table={built.table} error={built.error} testId="comparison-table" />
    </div>
  );
}
