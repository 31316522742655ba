'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';

import { LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import type { CodeMatrix, CoOccurrenceMatrix } from '@/lib/queries/types';
import type { CellView } from '@/lib/server/data/queries/types';

import { MatrixHeatmap, type HeatmapAxisItem } from './matrix-heatmap';
import { cellUrl, exportUrl, type FilterState, type MatrixKind, type MatrixSettings, matrixUrl, NO_FILTER, QUERY_TABS, type QueryTab } from './query-urls';
import { QueryFilters, type QueryFilterOptions } from './query-filters';
import { RetrievalPanel } from './retrieval-panel';
import { SegmentList, UnitList } from './segment-list';

const UNIT_LABEL = { overlap: 'Overlapping spans', paragraph: 'Same paragraph', turn: 'Same speaker turn' } as const;
const UNIT_HELP = {
  overlap: 'One co-occurrence per pair of segments, one of each code, that share at least one character.',
  paragraph: 'One per paragraph (each line of the text) holding segments of both codes.',
  turn: 'One per speaker turn holding segments of both codes: turns stored with a transcript, or lines starting with a speaker label such as “P01:”.',
} as const;

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `Request failed (${res.status}).`);
  return body;
}

const codeText = (r: { label: string; name: string }) => (r.label ? `${r.label} ${r.name}` : r.name);

/** The Queries page: tabs for the two code matrices, co-occurrence and boolean retrieval, one filter bar for all. */
export function QueriesView({ projectId, tab, options }: { projectId: string; tab: QueryTab; options: QueryFilterOptions }) {
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  return (
    <>
      <nav className="tabs" aria-label="Query views">
        {QUERY_TABS.map((t) => (
          <Link key={t.tab} href={`/projects/${projectId}/queries?tab=${t.tab}`} aria-current={t.tab === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      <QueryFilters options={options} value={filter} onChange={setFilter} />
      {tab === 'retrieval' ? <RetrievalPanel projectId={projectId} codes={options.codes} filter={filter} /> : <MatrixPanel key={tab} projectId={projectId} kind={tab} filter={filter} hasCategories={options.codes.some((c) => c.level === 2)} />}
    </>
  );
}

function MatrixPanel({ projectId, kind, filter, hasCategories }: { projectId: string; kind: MatrixKind; filter: FilterState; hasCategories: boolean }) {
  const [unit, setUnit] = useState<MatrixSettings['unit']>('overlap');
  const [level, setLevel] = useState<string>(kind === 'cooccurrence' ? (hasCategories ? '2' : '1') : 'all');
  const [mode, setMode] = useState<'count' | 'presence'>('count');
  const settings: MatrixSettings = useMemo(() => ({ matrix: kind, unit, level: kind === 'cooccurrence' ? level : '' }), [kind, unit, level]);
  const [matrix, setMatrix] = useState<CodeMatrix | CoOccurrenceMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ row: HeatmapAxisItem; column: HeatmapAxisItem } | null>(null);
  const [cell, setCell] = useState<CellView | null>(null);
  const [cellError, setCellError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    setSelected(null);
    setCell(null);
    fetchJson<{ matrix: CodeMatrix | CoOccurrenceMatrix }>(matrixUrl(projectId, settings, filter), abort.signal)
      .then((r) => setMatrix(r.matrix))
      .catch((e: Error) => {
        if (!abort.signal.aborted) setError(e.message);
      });
    return () => abort.abort();
  }, [projectId, settings, filter]);

  useEffect(() => {
    if (!selected) return;
    const abort = new AbortController();
    setCell(null);
    setCellError(null);
    fetchJson<{ cell: CellView }>(cellUrl(projectId, settings, filter, selected.row.key, selected.column.key), abort.signal)
      .then((r) => setCell(r.cell))
      .catch((e: Error) => {
        if (!abort.signal.aborted) setCellError(e.message);
      });
    return () => abort.abort();
  }, [projectId, settings, filter, selected]);

  const isCo = kind === 'cooccurrence';
  const view = useMemo(() => {
    if (!matrix) return null;
    if ('columns' in matrix) {
      const keep = matrix.rows.map((r, i) => ({ r, i })).filter(({ r }) => level === 'all' || String(r.level) === level);
      const minDepth = Math.min(...keep.map(({ r }) => r.depth));
      return {
        rows: keep.map(({ r }) => ({ key: r.id, label: codeText(r), depth: level === 'all' ? r.depth - minDepth : 0 })),
        columns: matrix.columns.map((c) => ({ key: c.id ?? 'none', label: c.name })),
        counts: keep.map(({ i }) => matrix.counts[i]),
      };
    }
    const axis = matrix.rows.map((r) => ({ key: r.id, label: codeText(r) }));
    return { rows: axis, columns: axis, counts: matrix.counts };
  }, [matrix, level]);

  const noun = isCo ? 'co-occurrences' : 'segments';
  const title = kind === 'source' ? 'Codes by source' : kind === 'case' ? 'Codes by case' : `Code co-occurrence: ${UNIT_LABEL[unit].toLowerCase()}`;
  const columnWord = kind === 'source' ? 'source' : kind === 'case' ? 'case' : 'code';
  const without = matrix && 'sourcesWithoutUnits' in matrix ? matrix.sourcesWithoutUnits.length : 0;

  return (
    <section aria-label={title} className="stack">
      <div className="row">
        {isCo ? (
          <div className="field">
            <label htmlFor="q-unit">Co-occur when</label>
            <select id="q-unit" value={unit} onChange={(e) => setUnit(e.target.value as MatrixSettings['unit'])}>
              {(Object.keys(UNIT_LABEL) as Array<keyof typeof UNIT_LABEL>).map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABEL[u]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="q-level">{isCo ? 'Compare' : 'Rows'}</label>
          <select id="q-level" value={level} onChange={(e) => setLevel(e.target.value)}>
            {isCo ? null : <option value="all">All codes (counts roll up)</option>}
            {([1, 2, 3, 4] as CodeLevel[]).map((l) => (
              <option key={l} value={String(l)}>
                {LEVEL_PLURAL[l][0].toUpperCase() + LEVEL_PLURAL[l].slice(1)}
              </option>
            ))}
          </select>
        </div>
        {isCo ? null : (
          <div className="field">
            <label htmlFor="q-mode">Cells show</label>
            <select id="q-mode" value={mode} onChange={(e) => setMode(e.target.value as 'count' | 'presence')}>
              <option value="count">Number of coded segments</option>
              <option value="presence">Presence (✓)</option>
            </select>
          </div>
        )}
        <div className="row" style={{ gap: '0.5rem' }}>
          <a className="btn btn-secondary btn-sm" href={exportUrl(projectId, settings, filter, 'csv', mode)} download>
            Export CSV
          </a>
          <a className="btn btn-secondary btn-sm" href={exportUrl(projectId, settings, filter, 'xlsx', mode)} download>
            Export XLSX
          </a>
        </div>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {isCo
          ? `${UNIT_HELP[unit]} Codes below the compared level count for their ${level === '1' ? 'concept' : 'code at that level'}; a span coded by two coders counts once.`
          : `Each cell counts the distinct coded segments of the code, or of any code below it, in the ${columnWord}; a span coded by two coders counts once.`}{' '}
        Click a cell to read its segments.
      </p>
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : !view ? (
        <p className="muted">Computing…</p>
      ) : view.rows.length === 0 || view.columns.length === 0 ? (
        <p className="empty">
          {view.rows.length === 0 ? 'No codes at this level yet.' : kind === 'case' ? 'No cases yet: group sources into cases on the Cases page.' : 'No sources match the filters.'}
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <MatrixHeatmap
            title={title}
            description={isCo ? `Co-occurrence of ${view.rows.length} codes (${UNIT_LABEL[unit].toLowerCase()}).` : `Coded segments of ${view.rows.length} codes in ${view.columns.length} ${columnWord}s.`}
            rows={view.rows}
            columns={view.columns}
            counts={view.counts}
            mode={isCo ? 'count' : mode}
            isBlank={isCo ? (i, j) => i === j : undefined}
            unitNoun={noun}
            selected={selected ? { row: selected.row.key, column: selected.column.key } : null}
            onSelect={(row, column) => setSelected({ row, column })}
            filename={title}
            caption={without > 0 ? `${without} coded source${without === 1 ? ' has' : 's have'} no ${unit === 'turn' ? 'speaker turns' : 'paragraphs'} and ${without === 1 ? 'is' : 'are'} not counted.` : undefined}
          />
        </div>
      )}
      {selected ? (
        <section aria-label="Segments of the selected cell" className="card">
          <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
            <h2 style={{ margin: 0, fontSize: '1.1rem' }}>
              {selected.row.label} × {selected.column.label}
            </h2>
            <button type="button" className="btn btn-link btn-sm" onClick={() => setSelected(null)}>
              Close
            </button>
          </div>
          {cellError ? (
            <p role="alert" className="message message-error">
              {cellError}
            </p>
          ) : !cell ? (
            <p className="muted">Loading segments…</p>
          ) : cell.kind === 'segments' ? (
            <>
              <p className="muted">
                {cell.total} segment{cell.total === 1 ? '' : 's'}
                {cell.segments.length < cell.total ? ` (the first ${cell.segments.length} shown)` : ''}
              </p>
              <SegmentList projectId={projectId} segments={cell.segments} />
            </>
          ) : (
            <>
              <p className="muted">
                {cell.total} co-occurrence{cell.total === 1 ? '' : 's'}
                {cell.units.length < cell.total ? ` (the first ${cell.units.length} shown)` : ''}
              </p>
              <UnitList projectId={projectId} units={cell.units} />
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
