'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import type { Variable } from '@/lib/datasets/types';
import type { Cell } from '@/lib/stats/frame';

import { datasetsApi, requestJson } from './api';
import styles from './data-grid.module.css';
import { cellText, count, isNumeric, TYPE_LABELS } from './format';

/** Rows fetched per request. */
const PAGE = 200;
/** Pages kept in memory (12,000 rows); the ones farthest from the view are dropped first. */
const MAX_PAGES = 60;
const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 36;
/** Wait this long after the view stops moving before fetching (a fast scroll fetches only where it lands). */
const FETCH_DELAY_MS = 90;

/** Display width of a text in average characters (CJK characters count double). */
const textWidth = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

/**
 * Width of a column from its name, type and (when shown) its value labels: fixed, so columns
 * can be virtualised.
 */
function columnWidth(v: Variable, showLabels: boolean): number {
  const min = v.type === 'text' ? 200 : v.type === 'categorical' || v.type === 'date' ? 120 : 84;
  const labels = showLabels ? Math.max(0, ...Object.values(v.valueLabels).map(textWidth)) : 0;
  return Math.min(240, Math.max(min, textWidth(v.name) * 8 + 32, labels * 7.5 + 24));
}

/**
 * Data View: every row of a dataset version in a grid virtualised in both directions (only the
 * cells in view exist in the page), with a sticky header and row numbers. Rows are fetched in
 * pages of {@link PAGE} as they come into view. Value labels show on hover, or instead of the
 * codes with the toggle.
 */
export function DataGrid(props: { projectId: string; datasetId: string; versionId: string; rowCount: number; variables: readonly Variable[] }) {
  const { variables, rowCount } = props;
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef(new Map<number, Cell[][]>());
  const pending = useRef(new Set<number>());
  const alive = useRef(true);
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by Retry after a failed fetch, to fetch the rows in view again. */
  const [attempt, setAttempt] = useState(0);
  const [showLabels, setShowLabels] = useState(false);
  const [goTo, setGoTo] = useState('');
  /** The row last jumped to (0-based), marked until the next jump. */
  const [target, setTarget] = useState<number | null>(null);

  const widths = useMemo(() => variables.map((v) => columnWidth(v, showLabels)), [variables, showLabels]);
  const rowNumberWidth = Math.max(56, String(rowCount).length * 9 + 24);
  /** Left edge of each column (after the row numbers). */
  const offsets = useMemo(() => {
    const out: number[] = [];
    let x = rowNumberWidth;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths, rowNumberWidth]);
  const hasLabels = variables.some((v) => Object.keys(v.valueLabels).length > 0);

  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    // Scrolling to a row puts it below the sticky header, not under it.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: variables.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i],
    overscan: 2,
    paddingStart: rowNumberWidth,
    scrollPaddingStart: rowNumberWidth,
  });

  // Widths change when value labels are turned on or off.
  useEffect(() => {
    columns.measure();
  }, [columns, widths]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const load = useCallback(
    async (page: number) => {
      pending.current.add(page);
      const q = new URLSearchParams({ offset: String(page * PAGE), limit: String(PAGE), versionId: props.versionId });
      const answer = await requestJson<{ offset: number; rows: Cell[][]; rowCount: number }>(`${datasetsApi(props.projectId)}/${props.datasetId}/rows?${q}`);
      pending.current.delete(page);
      if (!alive.current) return;
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setError(null);
      pages.current.set(page, answer.data.rows);
      setVersion((n) => n + 1);
    },
    [props.datasetId, props.projectId, props.versionId],
  );

  const virtualRows = rows.getVirtualItems();
  const virtualColumns = columns.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last < 0) return;
    const firstPage = Math.floor(first / PAGE);
    const lastPage = Math.floor(last / PAGE);
    const needed: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) if (!pages.current.has(p) && !pending.current.has(p)) needed.push(p);
    if (needed.length === 0) return;
    const timer = setTimeout(
      () => {
        // Drop the pages farthest from the view before adding more.
        const cache = pages.current;
        if (cache.size + needed.length > MAX_PAGES) {
          const far = [...cache.keys()].sort((a, b) => Math.abs(b - firstPage) - Math.abs(a - firstPage));
          for (const p of far.slice(0, cache.size + needed.length - MAX_PAGES)) cache.delete(p);
        }
        for (const p of needed) void load(p);
      },
      pages.current.size === 0 ? 0 : FETCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [first, last, load, attempt]);

  // The rows fully or partly visible below the sticky header (the virtual items include overscan).
  const offset = rows.scrollOffset ?? 0;
  const viewHeight = rows.scrollRect?.height ?? 0;
  const firstVisible = Math.max(0, Math.min(rowCount - 1, Math.floor(offset / ROW_HEIGHT)));
  const lastVisible = Math.max(firstVisible, Math.min(rowCount - 1, Math.ceil((offset + viewHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1));

  const totalWidth = columns.getTotalSize();
  const colFrom = virtualColumns[0]?.index ?? 0;
  const colTo = virtualColumns[virtualColumns.length - 1]?.index ?? -1;
  const totalHeight = rows.getTotalSize();

  const jump = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(goTo);
    if (!Number.isInteger(n) || n < 1) return;
    const index = Math.min(n, rowCount) - 1;
    setTarget(index);
    rows.scrollToIndex(index, { align: 'start' });
    scroller.current?.focus();
  };

  if (variables.length === 0 || rowCount === 0) {
    return <p className="card empty">This version has no {variables.length === 0 ? 'variables' : 'rows'}.</p>;
  }

  return (
    <section className={styles.wrap} aria-label="Data view">
      <div className={styles.toolbar}>
        <span className="muted">
          {count(rowCount)} rows × {variables.length} variables · rows {count(firstVisible + 1)}–{count(lastVisible + 1)} in view
        </span>
        <form className={styles.goto} onSubmit={jump}>
          <label htmlFor={`${id}-goto`}>Go to row</label>
          <input id={`${id}-goto`} inputMode="numeric" value={goTo} onChange={(e) => setGoTo(e.target.value.replace(/[^0-9]/g, ''))} placeholder={`1–${rowCount}`} />
          <button type="submit" className="btn btn-secondary btn-sm">
            Go
          </button>
        </form>
        {hasLabels && (
          <label className={styles.toggle}>
            <input type="checkbox" checked={showLabels} onChange={(e) => setShowLabels(e.target.checked)} /> Show value labels
          </label>
        )}
      </div>
      {error && (
        <p className="message message-error" data-testid="grid-error">
          {error}{' '}
          <button
            type="button"
            className="btn-link"
            onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Retry
          </button>
        </p>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        style={{ height: `min(70vh, ${Math.min(640, HEADER_HEIGHT + rowCount * ROW_HEIGHT + 18)}px)` }}
        role="grid"
        aria-label="Data"
        aria-rowcount={rowCount + 1}
        aria-colcount={variables.length + 1}
        tabIndex={0}
        data-testid="data-grid"
      >
        <div style={{ width: totalWidth, height: totalHeight, position: 'relative' }}>
          <div className={styles.header} role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
            <div className={styles.corner} role="columnheader" aria-colindex={1} style={{ width: rowNumberWidth }}>
              #
            </div>
            {virtualColumns.map((c) => {
              const v = variables[c.index];
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-colindex={c.index + 2}
                  className={`${styles.headCell}${isNumeric(v) ? ` ${styles.right}` : ''}`}
                  style={{ left: c.start, width: c.size }}
                  title={`${v.name}${v.label ? ` — ${v.label}` : ''} (${TYPE_LABELS[v.type]})`}
                >
                  {v.name}
                </div>
              );
            })}
          </div>
          {virtualRows.map((r) => (
            <GridRow
              key={r.key}
              index={r.index}
              top={r.start}
              row={pages.current.get(Math.floor(r.index / PAGE))?.[r.index % PAGE]}
              colFrom={colFrom}
              colTo={colTo}
              offsets={offsets}
              widths={widths}
              variables={variables}
              showLabels={showLabels}
              totalWidth={totalWidth}
              rowNumberWidth={rowNumberWidth}
              marked={r.index === target}
            />
          ))}
        </div>
      </div>
      <p className="muted">
        Empty cells are missing values.{hasLabels ? ' Codes with a value label are underlined dotted: hover for the label.' : ''}
      </p>
    </section>
  );
}

/**
 * One row of the grid. Memoised: while scrolling down, the rows still in view keep their props
 * (the row's cells are the same array until its page is dropped), so only the rows coming into
 * view render.
 */
const GridRow = memo(function GridRow(props: {
  index: number;
  top: number;
  row: Cell[] | undefined;
  colFrom: number;
  colTo: number;
  offsets: number[];
  widths: number[];
  variables: readonly Variable[];
  showLabels: boolean;
  totalWidth: number;
  rowNumberWidth: number;
  marked: boolean;
}) {
  const { row, variables, showLabels } = props;
  const cells: React.ReactNode[] = [];
  for (let j = props.colFrom; j <= props.colTo; j++) {
    const style = { left: props.offsets[j], width: props.widths[j] };
    if (!row) {
      cells.push(<div key={j} role="gridcell" aria-colindex={j + 2} className={`${styles.cell} ${styles.loading}`} style={style} />);
      continue;
    }
    const v = variables[j];
    const value = row[j];
    const label = value === null || value === undefined ? undefined : v.valueLabels[String(value)];
    const text = cellText(value, v, showLabels);
    const title = label === undefined ? (typeof value === 'number' && text !== String(value) ? String(value) : undefined) : showLabels ? `${value}` : `${value} = ${label}`;
    const right = typeof value === 'number' && !(showLabels && label !== undefined);
    cells.push(
      <div
        key={j}
        role="gridcell"
        aria-colindex={j + 2}
        className={`${styles.cell}${right ? ` ${styles.right}` : ''}${label !== undefined ? ` ${styles.labelled}` : ''}`}
        style={style}
        title={title}
      >
        {text}
      </div>,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className={`${styles.row}${props.index % 2 ? ` ${styles.odd}` : ''}${props.marked ? ` ${styles.marked}` : ''}`}
      style={{ top: props.top, height: ROW_HEIGHT, width: props.totalWidth }}
      data-row={props.index + 1}
    >
      <div role="rowheader" className={styles.rowNumber} style={{ width: props.rowNumberWidth }}>
        {props.index + 1}
      </div>
      {cells}
    </div>
  );
});
