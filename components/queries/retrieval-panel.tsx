'use client';

import { useState } from 'react';

import { orderCodes } from '@/lib/coding/hierarchy';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import type { SegmentView } from '@/lib/server/data/queries/types';

import type { QueryFilterOptions } from './query-filters';
import { type FilterState, retrievalUrl } from './query-urls';
import { SegmentList } from './segment-list';

const OPERATORS = [
  { value: 'and', label: 'AND (overlapping)', help: 'Segments of A that overlap a segment of B (A’s segments are listed whole).' },
  { value: 'or', label: 'OR', help: 'Segments of A and of B; a span coded with both is listed once.' },
  { value: 'not', label: 'NOT', help: 'Segments of A that overlap no segment of B.' },
] as const;

/** Boolean coded retrieval: A AND/OR/NOT B, with the page's filters; codes include their subtrees. */
export function RetrievalPanel({ projectId, codes, filter }: { projectId: string; codes: QueryFilterOptions['codes']; filter: FilterState }) {
  const ordered = ([4, 3, 2, 1] as const).flatMap((l) => orderCodes(codes.filter((c) => c.level === l)));
  const [a, setA] = useState(ordered[0]?.id ?? '');
  const [b, setB] = useState(ordered[1]?.id ?? ordered[0]?.id ?? '');
  const [operator, setOperator] = useState<(typeof OPERATORS)[number]['value']>('and');
  const [result, setResult] = useState<{ total: number; segments: SegmentView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(retrievalUrl(projectId, filter, operator, a, b));
      const body = (await res.json()) as { retrieval?: { total: number; segments: SegmentView[] }; error?: string };
      if (!res.ok || !body.retrieval) throw new Error(body.error ?? 'The query failed.');
      setResult(body.retrieval);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const option = (c: (typeof ordered)[number]) => (
    <option key={c.id} value={c.id}>
      {c.label ? `${c.label} ` : ''}
      {c.name} ({LEVEL_NAME[c.level]})
    </option>
  );
  if (ordered.length === 0) return <p className="empty">No codes yet.</p>;
  return (
    <section aria-label="Coded retrieval" className="stack">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="field grow">
          <label htmlFor="r-a">Code A</label>
          <select id="r-a" value={a} onChange={(e) => setA(e.target.value)}>
            {ordered.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-op">Operator</label>
          <select id="r-op" value={operator} onChange={(e) => setOperator(e.target.value as typeof operator)}>
            {OPERATORS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="r-b">Code B</label>
          <select id="r-b" value={b} onChange={(e) => setB(e.target.value)}>
            {ordered.map(option)}
          </select>
        </div>
        <button type="submit" className="btn" disabled={busy || !a || !b}>
          {busy ? 'Retrieving…' : 'Retrieve'}
        </button>
      </form>
      <p className="muted" style={{ margin: 0 }}>
        {OPERATORS.find((o) => o.value === operator)!.help} A code includes the codes below it. The filters above apply to A and B.
      </p>
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : null}
      {result ? (
        <>
          <p aria-live="polite">
            {result.total} segment{result.total === 1 ? '' : 's'}
            {result.segments.length < result.total ? ` (the first ${result.segments.length} shown)` : ''}
          </p>
          <SegmentList projectId={projectId} segments={result.segments} />
        </>
      ) : null}
    </section>
  );
}
