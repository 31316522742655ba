'use client';

import { memo, useId, useMemo, useState } from 'react';

import { isPendingId } from '@/lib/coding/workbench-state';
import type { WorkbenchCode } from '@/lib/coding/workbench-types';

import styles from './workbench.module.css';

/** Props of {@link CodebookPanel}. */
export interface CodebookPanelProps {
  codes: readonly WorkbenchCode[];
  /** Codings per code in this source (all coders, unfiltered). */
  hereCounts: ReadonlyMap<string, number>;
  /** Codes the view is filtered to (empty: all). */
  filterCodeIds: readonly string[];
  /** Whether the user may code (the empty state then says how to start). */
  canCode: boolean;
  onToggle(codeId: string): void;
  onClear(): void;
}

/**
 * The codebook beside the document: colour, name, segments in the project (and in this source).
 * Each code is a toggle button: pressed codes are the ones the document shows.
 */
export const CodebookPanel = memo(function CodebookPanel({ codes, hereCounts, filterCodeIds, canCode, onToggle, onClear }: CodebookPanelProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return q ? codes.filter((c) => c.name.toLocaleLowerCase().includes(q)) : codes;
  }, [codes, query]);
  const filtering = filterCodeIds.length > 0;

  return (
    <aside className={styles.codebook} aria-label="Codebook">
      <div className={styles.codebookHead}>
        <h2 className={styles.codebookTitle}>
          Codebook <span className={styles.countBadge}>{codes.length}</span>
        </h2>
        {filtering && (
          <button type="button" className="btn-link btn-sm" onClick={onClear}>
            Show all
          </button>
        )}
      </div>
      {codes.length > 8 && (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            Find a code
          </label>
          <input
            id={searchId}
            type="text"
            className={styles.codebookSearch}
            placeholder="Find a code…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </>
      )}
      <p className={styles.codebookHint}>{filtering ? 'Showing the pressed codes only.' : 'Click a code to show only its codings.'}</p>
      {codes.length === 0 ? (
        <p className={styles.codebookEmpty}>{canCode ? 'No codes yet. Select text and press C to create the first one.' : 'No codes yet.'}</p>
      ) : (
        <ul className={styles.codeList}>
          {shown.map((code) => {
            const pressed = filterCodeIds.includes(code.id);
            const here = hereCounts.get(code.id) ?? 0;
            return (
              <li key={code.id}>
                <button
                  type="button"
                  className={`${styles.codeRow} ${pressed ? styles.codeRowPressed : ''} ${filtering && !pressed ? styles.codeRowDim : ''}`}
                  aria-pressed={pressed}
                  title={code.definition || undefined}
                  onClick={() => onToggle(code.id)}
                  data-testid="codebook-code"
                >
                  <span className={styles.swatch} style={{ background: code.color }} aria-hidden="true" />
                  <span className={styles.codeName}>
                    {code.label && <span className={styles.codeLabel}>{code.label} </span>}
                    {code.name}
                  </span>
                  <span className={styles.codeCounts}>
                    {isPendingId(code.id) ? (
                      'saving…'
                    ) : (
                      <>
                        <span aria-hidden="true">
                          {here > 0 && <span className={styles.hereCount}>{here} here · </span>}
                          {code.segmentCount}
                        </span>
                        <span className="visually-hidden">
                          {`: ${code.segmentCount} ${code.segmentCount === 1 ? 'segment' : 'segments'} in ${code.sourceCount} ${code.sourceCount === 1 ? 'source' : 'sources'}, ${here} in this source`}
                        </span>
                      </>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
});
