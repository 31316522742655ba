'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

import type { DatasetPreview } from '@/lib/datasets/import/import-dataset';
import { DATASET_LIMITS } from '@/lib/datasets/import/limits';
import type { Variable, VariableType } from '@/lib/datasets/types';

import { datasetsApi, postFile, uploadWithProgress } from './api';
import styles from './datasets.module.css';
import { cellText, count, isNumeric, TYPE_CHOICES, TYPE_LABELS } from './format';

/** How the file is read; only what the user changed is sent (the rest is detected again). */
type ReadChoice = { encoding?: string; delimiter?: string; decimalComma?: boolean; sheet?: string };
/** The user's type choice for one variable. */
type TypeChoice = { type: VariableType; likert?: { min: number; max: number } };
/** The preview as the route sends it (its worker-only fields are not used here). */
type Preview = Pick<DatasetPreview, 'format' | 'encoding' | 'delimiter' | 'decimalComma' | 'sheets' | 'sheet' | 'variables' | 'sampleRows' | 'rowCount' | 'warnings'>;

const ENCODINGS: Array<[string, string]> = [
  ['utf-8', 'UTF-8'],
  ['gb18030', 'GB18030 / GBK (Chinese)'],
  ['windows-1252', 'Windows-1252 (Western European)'],
];
const DELIMITERS: Array<[string, string]> = [
  [',', 'Comma ( , )'],
  [';', 'Semicolon ( ; )'],
  ['\t', 'Tab'],
  ['|', 'Pipe ( | )'],
];
const FORMAT_TEXT: Record<string, string> = { csv: 'CSV', xlsx: 'Excel workbook', sav: 'SPSS data file' };
const STAGE_TEXT: Record<string, string> = {
  received: 'Waiting for a free worker…',
  started: 'Reading the file…',
  reading: 'Reading and checking every row…',
  storing: 'Saving version 1…',
};
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.sav,.zsav';

const delimiterName = (d?: string) => DELIMITERS.find(([v]) => v === d)?.[1].replace(/ \(.*\)$/, '').toLowerCase() ?? d ?? '';
const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '').trim().slice(0, 120) || 'Dataset';

function queryOf(choice: ReadChoice): URLSearchParams {
  const q = new URLSearchParams();
  if (choice.sheet) q.set('sheet', choice.sheet);
  if (choice.encoding) q.set('encoding', choice.encoding);
  if (choice.delimiter) q.set('delimiter', choice.delimiter);
  if (choice.decimalComma !== undefined) q.set('decimalComma', String(choice.decimalComma));
  return q;
}

/** A sensible Likert range to offer when the user turns a numeric column into a Likert item. */
function guessRange(preview: Preview, j: number): { min: number; max: number } {
  const nums = preview.sampleRows.map((r) => r[j]).filter((c): c is number => typeof c === 'number');
  const lo = nums.length ? Math.min(...nums) : 1;
  const hi = nums.length ? Math.max(...nums) : 5;
  return { min: lo <= 0 ? 0 : 1, max: Math.max(hi, 5) };
}

/** The type choices that differ from what was inferred: the `types` the import route expects. */
function changedTypes(variables: readonly Variable[], choices: Record<string, TypeChoice>): Record<string, TypeChoice> {
  const out: Record<string, TypeChoice> = {};
  for (const v of variables) {
    const c = choices[v.name];
    if (!c) continue;
    const sameRange = c.type !== 'likert' || (c.likert?.min === v.likert?.min && c.likert?.max === v.likert?.max);
    if (c.type !== v.type || !sameRange) out[v.name] = c.type === 'likert' ? { type: 'likert', likert: c.likert } : { type: c.type };
  }
  return out;
}

/**
 * Import a CSV, Excel or SPSS file: choose it, check the preview (how it was read, the variable
 * types, the first rows, warnings), correct what was guessed wrong, name it, import. The server
 * reads the whole file again on import and names the row and column of any value that does not
 * fit a chosen type.
 */
export function DatasetImport({ projectId }: { projectId: string }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const previewRequest = useRef(0);
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<ReadChoice>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const [choices, setChoices] = useState<Record<string, TypeChoice>>({});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The last preview request failed: the options stay (to change them back), the old preview is hidden. */
  const [previewFailed, setPreviewFailed] = useState(false);
  const [importing, setImporting] = useState<{ progress: number; stage: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  async function loadPreview(f: File, choice: ReadChoice) {
    const ticket = ++previewRequest.current;
    setLoading(true);
    setError(null);
    const answer = await postFile<{ preview: Preview }>(`${datasetsApi(projectId)}/preview?${queryOf(choice)}`, f);
    if (ticket !== previewRequest.current) return;
    setLoading(false);
    if (!answer.ok) {
      setError(answer.error);
      setPreviewFailed(true);
      return;
    }
    const p = answer.data.preview;
    setPreviewFailed(false);
    setPreview(p);
    // Keep the user's type choices for variables that are still there.
    setChoices((old) => Object.fromEntries(Object.entries(old).filter(([n]) => p.variables.some((v) => v.name === n))));
  }

  function chooseFile(files: FileList | null) {
    const f = files?.[0];
    if (!f) return;
    setPreview(null);
    setPreviewFailed(false);
    setChoices({});
    setRead({});
    setError(null);
    if (f.size === 0) {
      setFile(null);
      setError(`${f.name} is empty.`);
      return;
    }
    if (f.size > DATASET_LIMITS.maxBytes) {
      setFile(null);
      setError(`${f.name} is larger than the ${Math.round(DATASET_LIMITS.maxBytes / 1024 / 1024)} MB limit for datasets.`);
      return;
    }
    setFile(f);
    setName(baseName(f.name));
    void loadPreview(f, {});
  }

  function changeRead(patch: ReadChoice) {
    if (!file) return;
    const next = { ...read, ...patch };
    setRead(next);
    void loadPreview(file, next);
  }

  function reset() {
    previewRequest.current++;
    setPreviewFailed(false);
    setFile(null);
    setPreview(null);
    setChoices({});
    setRead({});
    setError(null);
    setLoading(false);
  }

  async function startImport() {
    if (!file || !preview) return;
    if (!name.trim()) {
      setError('Name the dataset.');
      return;
    }
    setError(null);
    setImporting({ progress: 0, stage: 'Uploading…' });
    // Read exactly as previewed (and recorded so on the dataset): the detected settings are sent
    // too, where the route accepts them.
    const csv = preview.format === 'csv';
    const q = queryOf({
      encoding: read.encoding ?? (csv && ENCODINGS.some(([v]) => v === preview.encoding) ? preview.encoding : undefined),
      delimiter: read.delimiter ?? (csv && DELIMITERS.some(([v]) => v === preview.delimiter) ? preview.delimiter : undefined),
      decimalComma: read.decimalComma ?? (csv ? preview.decimalComma : undefined),
      sheet: read.sheet ?? (preview.format === 'xlsx' ? preview.sheet : undefined),
    });
    q.set('name', name.trim());
    const types = changedTypes(preview.variables, choices);
    if (Object.keys(types).length) q.set('types', JSON.stringify(types));
    const answer = await uploadWithProgress(`${datasetsApi(projectId)}?${q}`, file, {
      progress: (fraction) => setImporting((s) => (s && s.stage === 'Uploading…' ? { ...s, progress: fraction } : s)),
      stage: (stage) => setImporting({ progress: 1, stage: STAGE_TEXT[stage] ?? 'Importing…' }),
    });
    if (answer.status === 201 && answer.dataset) {
      setImporting({ progress: 1, stage: 'Imported. Opening the dataset…' });
      router.push(`/projects/${projectId}/data/${answer.dataset.id}`);
      return;
    }
    setImporting(null);
    setError(answer.error ?? `The import failed (${answer.status}).`);
  }

  const typeOf = (v: Variable): TypeChoice => choices[v.name] ?? { type: v.type, likert: v.likert };
  const setType = (v: Variable, j: number, type: VariableType) => {
    // An import error was about the earlier choices.
    setError(null);
    setChoices((c) => ({ ...c, [v.name]: type === 'likert' ? { type, likert: typeOf(v).likert ?? v.likert ?? guessRange(preview!, j) } : { type } }));
  };
  const setRange = (v: Variable, end: 'min' | 'max', value: string) => {
    setError(null);
    setChoices((c) => {
      const current = c[v.name] ?? { type: v.type, likert: v.likert };
      const likert = { ...(current.likert ?? { min: 1, max: 5 }), [end]: Number(value) };
      return { ...c, [v.name]: { type: 'likert', likert } };
    });
  };
  const busy = loading || importing !== null;
  const changed = preview ? Object.keys(changedTypes(preview.variables, choices)).length : 0;

  if (!file) {
    return (
      <div className="stack">
        <div
          className={`dropzone${dragging ? ' dropzone-active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            chooseFile(e.dataTransfer.files);
          }}
        >
          <p>
            <strong>Drop a data file here</strong> or{' '}
            <button type="button" className="btn-link" onClick={() => input.current?.click()}>
              choose a file
            </button>
          </p>
          <p className="muted">CSV (any delimiter, UTF-8 or GBK), Excel .xlsx, SPSS .sav — up to {Math.round(DATASET_LIMITS.maxBytes / 1024 / 1024)} MB. You check the variable types before anything is imported.</p>
          <label className="visually-hidden" htmlFor={`${id}-file`}>
            Data file to import
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            hidden
            accept={ACCEPT}
            onChange={(e) => {
              chooseFile(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
        {error && (
          <p className="message message-error" data-testid="import-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="stack" data-testid="import-preview" aria-busy={busy}>
      <div className={styles.fileBar}>
        <div>
          <strong>{file.name}</strong>
          {preview && previewFailed && <span className="muted"> · could not be read with these settings</span>}
          {preview && !previewFailed && (
            <span className="muted" data-testid="preview-summary">
              {' '}
              · {FORMAT_TEXT[preview.format] ?? preview.format}
              {preview.format === 'csv' && ` · ${preview.encoding?.toUpperCase()} · ${delimiterName(preview.delimiter)}-separated · decimal ${preview.decimalComma ? 'comma' : 'point'}`}
              {preview.format === 'xlsx' && preview.sheet && ` · sheet “${preview.sheet}”`} · {count(preview.rowCount)} rows × {preview.variables.length} variables
            </span>
          )}
        </div>
        <button type="button" className="btn btn-secondary btn-sm" onClick={reset} disabled={importing !== null}>
          Choose another file
        </button>
      </div>

      {preview && preview.format === 'csv' && (
        <fieldset className={styles.readOptions} disabled={busy}>
          <legend>How the file is read</legend>
          <div className="field">
            <label htmlFor={`${id}-enc`}>Encoding</label>
            <select id={`${id}-enc`} value={read.encoding ?? preview.encoding ?? 'utf-8'} onChange={(e) => changeRead({ encoding: e.target.value })}>
              {!ENCODINGS.some(([v]) => v === preview.encoding) && preview.encoding && <option value={preview.encoding}>{preview.encoding.toUpperCase()} (detected)</option>}
              {ENCODINGS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                  {v === preview.encoding && !read.encoding ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-delim`}>Delimiter</label>
            <select id={`${id}-delim`} value={read.delimiter ?? preview.delimiter ?? ','} onChange={(e) => changeRead({ delimiter: e.target.value })}>
              {DELIMITERS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                  {v === preview.delimiter && !read.delimiter ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-dec`}>Decimal mark</label>
            <select id={`${id}-dec`} value={String(read.decimalComma ?? preview.decimalComma ?? false)} onChange={(e) => changeRead({ decimalComma: e.target.value === 'true' })}>
              <option value="false">Point (3.5){read.decimalComma === undefined && !preview.decimalComma ? ' (detected)' : ''}</option>
              <option value="true">Comma (3,5){read.decimalComma === undefined && preview.decimalComma ? ' (detected)' : ''}</option>
            </select>
          </div>
        </fieldset>
      )}
      {preview && preview.format === 'xlsx' && (preview.sheets?.length ?? 0) > 1 && (
        <fieldset className={styles.readOptions} disabled={busy}>
          <legend>How the file is read</legend>
          <div className="field">
            <label htmlFor={`${id}-sheet`}>Sheet</label>
            <select id={`${id}-sheet`} value={read.sheet ?? preview.sheet ?? ''} onChange={(e) => changeRead({ sheet: e.target.value })}>
              {preview.sheets!.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
      {preview && preview.format === 'sav' && <p className="muted">Variable labels, value labels and missing-value codes are taken from the SPSS file.</p>}

      {previewFailed && error && (
        <div className="message message-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}

      {loading && (
        <p className="muted" role="status">
          Reading {file.name}…
        </p>
      )}

      {preview && !previewFailed && preview.warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Warnings" data-testid="preview-warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}

      {preview && !previewFailed && (
        <>
          <section aria-labelledby={`${id}-vars`}>
            <h3 id={`${id}-vars`} className={styles.subhead}>
              Variables <span className="muted">— check the types; change any that were guessed wrong</span>
            </h3>
            <div className={styles.scrollX}>
              <table className={`table ${styles.compact}`} aria-label="Variables to import" data-testid="preview-variables">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Label</th>
                    <th scope="col">Type</th>
                    <th scope="col">Likert range</th>
                    <th scope="col">First values</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.variables.map((v, j) => {
                    const t = typeOf(v);
                    const isChanged = Boolean(changedTypes([v], choices)[v.name]);
                    const examples = preview.sampleRows
                      .map((r) => r[j])
                      .filter((c) => c !== null)
                      .slice(0, 4)
                      .map((c) => cellText(c, v, false));
                    return (
                      <tr key={v.name} data-testid="preview-variable" data-name={v.name}>
                        <td className={styles.varName}>{v.name}</td>
                        <td className={styles.label}>{v.label || <span className="muted">—</span>}</td>
                        <td>
                          <select
                            aria-label={`Type of ${v.name}`}
                            value={t.type}
                            className={`${styles.typeSelect}${isChanged ? ` ${styles.changed}` : ''}`}
                            onChange={(e) => setType(v, j, e.target.value as VariableType)}
                            disabled={importing !== null}
                          >
                            {TYPE_CHOICES.map((type) => (
                              <option key={type} value={type}>
                                {TYPE_LABELS[type]}
                                {type === v.type ? ' (detected)' : ''}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          {t.type === 'likert' ? (
                            <span className={styles.range}>
                              <input
                                type="number"
                                step={1}
                                aria-label={`Likert minimum of ${v.name}`}
                                value={t.likert?.min ?? ''}
                                onChange={(e) => setRange(v, 'min', e.target.value)}
                                disabled={importing !== null}
                              />
                              <span aria-hidden>–</span>
                              <input
                                type="number"
                                step={1}
                                aria-label={`Likert maximum of ${v.name}`}
                                value={t.likert?.max ?? ''}
                                onChange={(e) => setRange(v, 'max', e.target.value)}
                                disabled={importing !== null}
                              />
                            </span>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td className={styles.examples}>{examples.join(', ')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby={`${id}-rows`}>
            <h3 id={`${id}-rows`} className={styles.subhead}>
              First {preview.sampleRows.length} of {count(preview.rowCount)} rows
            </h3>
            <div className={`${styles.scrollX} ${styles.sample}`}>
              <table className={`table ${styles.compact} ${styles.sampleTable}`} aria-label="First rows" data-testid="preview-rows">
                <thead>
                  <tr>
                    <th scope="col" className={styles.rowNo}>
                      #
                    </th>
                    {preview.variables.map((v) => (
                      <th key={v.name} scope="col" title={v.label || undefined} className={isNumeric(v) ? styles.num : undefined}>
                        {v.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sampleRows.map((row, i) => (
                    <tr key={i}>
                      <td className={styles.rowNo}>{i + 1}</td>
                      {row.map((c, j) => (
                        <td key={j} className={typeof c === 'number' ? styles.num : undefined}>
                          {cellText(c, preview.variables[j], false)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <div className={styles.importBar}>
            <div className="field grow">
              <label htmlFor={`${id}-name`}>Dataset name</label>
              <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} disabled={importing !== null} />
            </div>
            <button type="button" className="btn" onClick={startImport} disabled={busy || !name.trim()}>
              {importing ? 'Importing…' : `Import ${count(preview.rowCount)} rows`}
            </button>
          </div>
          {changed > 0 && !importing && (
            <p className="muted">
              {changed} type {changed === 1 ? 'change' : 'changes'}: every row is checked against {changed === 1 ? 'it' : 'them'} on import.
            </p>
          )}
        </>
      )}

      {importing && (
        <div className={styles.progress} data-testid="import-progress" aria-live="polite">
          <span>{importing.stage}</span>
          <progress max={1} value={importing.progress} aria-label="Import progress" />
        </div>
      )}
      {error && !previewFailed && (
        <div className="message message-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
    </div>
  );
}
