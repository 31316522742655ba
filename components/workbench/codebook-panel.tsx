'use client';

import { memo, useId, useMemo, useState } from 'react';

import { codebookTree, filterCodebookTree, type CodebookNode } from '@/lib/coding/codebook-tree';
import { isPendingId } from '@/lib/coding/workbench-state';
import type { WorkbenchCode } from '@/lib/coding/workbench-types';
import { nameCollator } from '@/lib/text/collation';

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
  /** The project's language for sorting names ('' = the browser's). */
  language?: string;
  onToggle(codeId: string): void;
  onClear(): void;
}

const LEVEL_NAMES: Record<number, string> = { 1: 'concept', 2: 'category', 3: 'main category', 4: 'core category' };

/**
 * The codebook beside the document, as the hierarchy: core → main categories → categories →
 * concepts, each level collapsible, siblings sorted case-insensitively in the project's language.
 * Each code is a toggle button: pressed codes are the ones the document shows.
 */
export const CodebookPanel = memo(function CodebookPanel({ codes, hereCounts, filterCodeIds, canCode, language = '', onToggle, onClear }: CodebookPanelProps) {
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const searchId = useId();
  const collator = useMemo(() => nameCollator(language), [language]);
  const tree = useMemo(() => codebookTree(codes, collator), [codes, collator]);
  const searching = query.trim() !== '';
  const shown = useMemo(() => filterCodebookTree(tree, query), [tree, query]);
  const filtering = filterCodeIds.length > 0;
  const toggleCollapsed = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNode = (node: CodebookNode, depth: number) => {
    const { code } = node;
    const pressed = filterCodeIds.includes(code.id);
    const here = hereCounts.get(code.id) ?? 0;
    const hasChildren = node.children.length > 0;
    const open = searching || !collapsed.has(code.id);
    return (
      <li key={code.id}>
        <div className={styles.codeTreeRow} style={{ paddingLeft: `${depth * 0.9}rem` }}>
          {hasChildren ? (
            <button
              type="button"
              className={styles.disclosure}
              aria-expanded={open}
              aria-label={`${open ? 'Collapse' : 'Expand'} ${code.label ? `${code.label} ` : ''}${code.name}`}
              onClick={() => toggleCollapsed(code.id)}
              disabled={searching}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className={styles.disclosureSpacer} aria-hidden="true" />
          )}
          <button
            type="button"
            className={`${styles.codeRow} ${pressed ? styles.codeRowPressed : ''} ${filtering && !pressed ? styles.codeRowDim : ''}`}
            aria-pressed={pressed}
            title={[code.level ? LEVEL_NAMES[code.level] : '', code.definition].filter(Boolean).join(' — ') || undefined}
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
        </div>
        {hasChildren && open && (
          <ul className={styles.codeList}>
            {node.children.map((child) => renderNode(child, depth + 1))}
          </ul>
        )}
      </li>
    );
  };

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
      ) : shown.length === 0 ? (
        <p className={styles.codebookEmpty}>No code matches “{query.trim()}”.</p>
      ) : (
        <ul className={styles.codeList} aria-label="Codes by hierarchy">
          {shown.map((node) => renderNode(node, 0))}
        </ul>
      )}
    </aside>
  );
});
