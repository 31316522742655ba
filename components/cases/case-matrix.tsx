'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import { type CaseMatrix as Matrix, columnHeading, MATRIX_CELL_LABELS, MATRIX_CELL_MODES, type MatrixCellMode, matrixNote } from '@/lib/cases/matrix';

import styles from './cases.module.css';

interface CellSegments {
  caseName: string;
  code: { label: string; name: string };
  total: number;
  segments: Array<{ codingId: string; sourceId: string; sourceTitle: string; sourceKind: string; start: number; end: number; text: string; codes: string[]; coders: string[] }>;
}

const heat = (n: number, max: number) => {
  if (n === 0 || max === 0) return '';
  const share = n / max;
  return share > 0.66 ? styles.heat3 : share > 0.33 ? styles.heat2 : styles.heat1;
};

/**
 * The case comparison matrix: cases (with key attributes) × codes of one level. Cells show
 * presence, the count of coded segments, or the team's summary (editable by owners and coders);
 * clicking a count opens its segments, each linking to its place in the source.
 */
export function CaseMatrix(props: {
  projectId: string;
  matrix: Matrix;
  mode: MatrixCellMode;
  attributes: Array<{ id: string; name: string }>;
  selectedAttributes: string[];
  canSummarize: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const api = `/api/projects/${encodeURIComponent(props.projectId)}/cases/matrix`;
  const { matrix, mode } = props;
  const [open, setOpen] = useState<{ caseId: string; codeId: string } | null>(null);

  const query = (patch: { level?: number; mode?: string; attributes?: string[] }) => {
    const q = new URLSearchParams({ level: String(patch.level ?? matrix.level), mode: patch.mode ?? mode });
    const attrs = patch.attributes ?? props.selectedAttributes;
    q.set('attributes', attrs.join(','));
    return q.toString();
  };
  const go = (patch: Parameters<typeof query>[0]) => router.push(`${pathname}?${query(patch)}`);
  const max = Math.max(0, ...matrix.rows.flatMap((r) => r.counts));
  const exportHref = (format: string) => `${api}/export?format=${format}&${query({})}`;

  return (
    <>
      <div className={styles.toolbar}>
        <div className={styles.controls}>
          <div className="field">
            <label htmlFor={`${id}-level`}>Codes at level</label>
            <select id={`${id}-level`} value={matrix.level} onChange={(e) => go({ level: Number(e.target.value) })}>
              {([1, 2, 3, 4] as CodeLevel[]).map((l) => (
                <option key={l} value={l}>
                  {LEVEL_PLURAL[l][0].toUpperCase() + LEVEL_PLURAL[l].slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-mode`}>Cells show</label>
            <select id={`${id}-mode`} value={mode} onChange={(e) => go({ mode: e.target.value })}>
              {MATRIX_CELL_MODES.map((m) => (
                <option key={m} value={m}>
                  {MATRIX_CELL_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
          {props.attributes.length ? (
            <fieldset className={styles.keyAttrs}>
              <legend>Key attributes</legend>
              {props.attributes.map((a) => (
                <label key={a.id}>
                  <input
                    type="checkbox"
                    checked={props.selectedAttributes.includes(a.id)}
                    onChange={(e) => go({ attributes: e.target.checked ? [...props.selectedAttributes, a.id] : props.selectedAttributes.filter((x) => x !== a.id) })}
                  />{' '}
                  {a.name}
                </label>
              ))}
            </fieldset>
          ) : null}
        </div>
        <div className={styles.exports} role="group" aria-label="Export the matrix">
          <a className="btn btn-secondary btn-sm" href={exportHref('csv')} download>
            Export CSV
          </a>
          <a className="btn btn-secondary btn-sm" href={exportHref('xlsx')} download>
            Export XLSX
          </a>
          <a className="btn btn-secondary btn-sm" href={exportHref('docx')} download>
            Export DOCX
          </a>
        </div>
      </div>

      {matrix.rows.length === 0 ? (
        <p className="empty">No cases yet. Create cases on the Cases page and put their sources in them.</p>
      ) : matrix.columns.length === 0 ? (
        <p className="empty">No {LEVEL_PLURAL[matrix.level]} yet. Choose another level.</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.grid} aria-label="Case comparison matrix">
            <thead>
              <tr>
                <th scope="col">Case</th>
                {matrix.attributes.map((a) => (
                  <th key={a.id} scope="col">
                    {a.name}
                  </th>
                ))}
                {matrix.columns.map((c) => (
                  <th key={c.id} scope="col" className={styles.matrixCell} title={c.name}>
                    {columnHeading(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row">
                    {r.caseName}
                    <span className={styles.typeTag}>
                      {r.sources} source{r.sources === 1 ? '' : 's'}
                    </span>
                  </th>
                  {r.attributes.map((v, k) => (
                    <td key={matrix.attributes[k].id} className={styles.attrCell}>
                      {v}
                    </td>
                  ))}
                  {matrix.columns.map((c, j) => {
                    const n = r.counts[j];
                    const pressed = open?.caseId === r.caseId && open.codeId === c.id;
                    const label = `${r.caseName} × ${columnHeading(c)}: ${n} segment${n === 1 ? '' : 's'}`;
                    if (mode === 'summary') {
                      return (
                        <td key={c.id} className={styles.matrixCell}>
                          <SummaryCell api={api} caseId={r.caseId} codeId={c.id} label={`Summary of ${columnHeading(c)} for ${r.caseName}`} text={r.summaries[j]} canEdit={props.canSummarize} />
                          {n > 0 ? (
                            <button type="button" className={`${styles.cellButton} ${styles.meta}`} style={{ display: 'block', margin: '0.15rem auto 0' }} aria-pressed={pressed} aria-label={label} onClick={() => setOpen(pressed ? null : { caseId: r.caseId, codeId: c.id })}>
                              {n} seg.
                            </button>
                          ) : null}
                        </td>
                      );
                    }
                    return (
                      <td key={c.id} className={`${styles.matrixCell} ${mode === 'count' ? heat(n, max) : ''}`}>
                        {n > 0 ? (
                          <button type="button" className={styles.cellButton} aria-pressed={pressed} aria-label={label} onClick={() => setOpen(pressed ? null : { caseId: r.caseId, codeId: c.id })}>
                            {mode === 'presence' ? '✓' : n}
                          </button>
                        ) : (
                          <span className={styles.zero} aria-label={label}>
                            {mode === 'presence' ? '' : '0'}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className={styles.note}>
        {matrixNote(mode)}
        {matrix.sourcesWithoutCase > 0 ? ` ${matrix.sourcesWithoutCase} source${matrix.sourcesWithoutCase === 1 ? ' is' : 's are'} in no case and left out.` : ''}
      </p>
      {open ? <CellDrill api={api} projectId={props.projectId} cell={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function SummaryCell(props: { api: string; caseId: string; codeId: string; label: string; text: string; canEdit: boolean }) {
  const [text, setText] = useState(props.text);
  const [saved, setSaved] = useState(props.text);
  const [status, setStatus] = useState<string | null>(null);
  if (!props.canEdit) return <div className={styles.summaryRead}>{props.text || <span className={styles.zero}>—</span>}</div>;
  return (
    <>
      <textarea
        aria-label={props.label}
        className={styles.summaryText}
        value={text}
        maxLength={2000}
        placeholder="Summary…"
        onChange={(e) => setText(e.target.value)}
        onBlur={async () => {
          if (text === saved) return;
          const answer = await requestJson<{ text: string }>(`${props.api}/summary`, { method: 'PUT', body: { caseId: props.caseId, codeId: props.codeId, text } });
          if (answer.ok) {
            setSaved(answer.data.text);
            setStatus('Saved');
          } else setStatus(answer.error);
        }}
      />
      {status ? (
        <span className={styles.saved} role="status" style={{ display: 'block' }}>
          {status}
        </span>
      ) : null}
    </>
  );
}

function CellDrill(props: { api: string; projectId: string; cell: { caseId: string; codeId: string }; onClose: () => void }) {
  const [data, setData] = useState<CellSegments | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setData(null);
    setError(null);
    requestJson<CellSegments>(`${props.api}/cell?caseId=${encodeURIComponent(props.cell.caseId)}&codeId=${encodeURIComponent(props.cell.codeId)}`, { signal: controller.signal })
      .then((answer) => (answer.ok ? setData(answer.data) : setError(answer.error)))
      .catch(() => {});
    return () => controller.abort();
  }, [props.api, props.cell.caseId, props.cell.codeId]);
  const heading = data ? `${data.caseName} × ${columnHeading(data.code)}` : 'Segments';
  return (
    <section className={`card ${styles.drill}`} aria-label="Segments of the cell">
      <div className={styles.toolbar} style={{ marginBottom: 0 }}>
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>{heading}</h2>
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onClose}>
          Close
        </button>
      </div>
      {error ? (
        <p className="message message-error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <p className={styles.meta}>
            {data.total} coded segment{data.total === 1 ? '' : 's'}
            {data.total > data.segments.length ? ` (first ${data.segments.length} shown)` : ''}
          </p>
          <ol>
            {data.segments.map((s) => (
              <li key={s.codingId}>
                <blockquote>{s.text}</blockquote>
                <div className={styles.meta}>
                  <Link href={`/projects/${encodeURIComponent(props.projectId)}/sources/${encodeURIComponent(s.sourceId)}?coding=${encodeURIComponent(s.codingId)}`}>{s.sourceTitle}</Link> · {s.codes.join(', ')} · coded by {s.coders.join(', ')}
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
