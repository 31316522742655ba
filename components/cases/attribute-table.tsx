'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES, type AttributeType } from '@/lib/cases/attributes';
import type { ImportPlan } from '@/lib/cases/attribute-csv';

import styles from './cases.module.css';

export interface AttributeColumn {
  id: string;
  name: string;
  type: AttributeType;
  choices: string[];
}
export interface AttributeRow {
  id: string;
  name: string;
  values: Record<string, string>;
}

type Message = { kind: 'error' | 'success'; text: string } | null;

/**
 * The attribute table: cases × typed attributes, edited in place (number, date, choice and text
 * inputs; a value is saved when the field is left, and shown as stored — "34.0" becomes 34),
 * attributes added and removed, imported from CSV after a preview, exported as CSV. Owners and
 * coders edit; everyone else reads.
 */
export function AttributeTable(props: { projectId: string; attributes: AttributeColumn[]; cases: AttributeRow[]; canWrite: boolean }) {
  const router = useRouter();
  const api = `/api/projects/${encodeURIComponent(props.projectId)}/cases`;
  const [message, setMessage] = useState<Message>(null);

  async function removeAttribute(a: AttributeColumn) {
    if (!window.confirm(`Remove the attribute “${a.name}” and its values for every case?`)) return;
    const answer = await requestJson(`${api}/attributes/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
    setMessage(answer.ok ? { kind: 'success', text: `Removed “${a.name}”.` } : { kind: 'error', text: answer.error });
    if (answer.ok) router.refresh();
  }

  return (
    <section className="card" aria-labelledby="attributes-heading">
      <div className={styles.toolbar}>
        <div>
          <h2 id="attributes-heading" style={{ margin: 0 }}>
            Attributes
          </h2>
          <p className="muted" style={{ margin: '0.2rem 0 0' }}>
            Typed facts about each case (age, region, interview date…), used as key columns in the case matrix.
          </p>
        </div>
        <div className={styles.exports}>
          <a className="btn btn-secondary btn-sm" href={`${api}/table/export`} download>
            Export CSV
          </a>
        </div>
      </div>
      {message ? (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {props.cases.length === 0 && props.attributes.length === 0 ? (
        <p className="empty">No cases or attributes yet.{props.canWrite ? ' Create cases above, add an attribute below, or import a table.' : ''}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.grid} aria-label="Case attributes">
            <thead>
              <tr>
                <th scope="col">Case</th>
                {props.attributes.map((a) => (
                  <th key={a.id} scope="col">
                    <div className={styles.colHead}>
                      <span>
                        {a.name}
                        <span className={styles.typeTag}>{a.type === 'choice' ? `Choice: ${a.choices.join(' · ')}` : ATTRIBUTE_TYPE_LABELS[a.type]}</span>
                      </span>
                      {props.canWrite ? (
                        <button type="button" className={styles.remove} aria-label={`Remove attribute ${a.name}`} title="Remove attribute" onClick={() => void removeAttribute(a)}>
                          ×
                        </button>
                      ) : null}
                    </div>
                  </th>
                ))}
                {props.attributes.length === 0 ? <th scope="col" className="muted">No attributes yet</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  {props.attributes.map((a) => (
                    <td key={a.id} className={a.type === 'number' ? styles.numeric : undefined}>
                      {props.canWrite ? <ValueCell key={c.values[a.id] ?? ''} api={api} caseRow={c} attribute={a} /> : <span>{c.values[a.id] ?? ''}</span>}
                    </td>
                  ))}
                  {props.attributes.length === 0 ? <td /> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canWrite ? <AddAttribute api={api} onDone={(text) => setMessage({ kind: 'success', text })} /> : null}
      {props.canWrite ? <ImportAttributes api={api} /> : null}
    </section>
  );
}

/** One editable cell: saved on change (choice, date) or when the field is left (text, number). */
function ValueCell({ api, caseRow, attribute }: { api: string; caseRow: AttributeRow; attribute: AttributeColumn }) {
  const stored = caseRow.values[attribute.id] ?? '';
  const [value, setValue] = useState(stored);
  const [saved, setSaved] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const label = `${attribute.name} of ${caseRow.name}`;

  async function save(next: string) {
    if (next === saved) return;
    setBusy(true);
    const answer = await requestJson<{ value: string }>(`${api}/table`, { method: 'PUT', body: { caseId: caseRow.id, attributeId: attribute.id, value: next } });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.fieldErrors?.value?.[0] ?? answer.error);
      return;
    }
    setError(null);
    setSaved(answer.data.value);
    setValue(answer.data.value);
  }

  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: styles.cellInput,
    disabled: busy,
  } as const;
  let input;
  if (attribute.type === 'choice') {
    input = (
      <select {...common} value={value} onChange={(e) => { setValue(e.target.value); void save(e.target.value); }}>
        <option value="">—</option>
        {attribute.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  } else if (attribute.type === 'date') {
    input = <input {...common} type="date" value={value} onChange={(e) => setValue(e.target.value)} onBlur={() => void save(value)} />;
  } else {
    input = (
      <input
        {...common}
        type="text"
        inputMode={attribute.type === 'number' ? 'decimal' : undefined}
        style={attribute.type === 'number' ? { textAlign: 'right' } : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save(value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') {
            setValue(saved);
            setError(null);
          }
        }}
      />
    );
  }
  return (
    <>
      {input}
      {error ? (
        <p id={errorId} className={styles.cellError} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function AddAttribute({ api, onDone }: { api: string; onDone: (text: string) => void }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [choices, setChoices] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const list = choices.split(/[,;\n]/).map((c) => c.trim()).filter(Boolean);
    const answer = await requestJson(`${api}/attributes`, { method: 'POST', body: { name, type, ...(type === 'choice' ? { choices: list } : {}) } });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(null);
    onDone(`Added the attribute “${name.trim()}”.`);
    setName('');
    setChoices('');
    router.refresh();
  }

  return (
    <form className={styles.addForm} onSubmit={(e) => void submit(e)} aria-label="Add attribute">
      <div className="field">
        <label htmlFor={`${id}-name`}>Attribute name</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
          {ATTRIBUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {ATTRIBUTE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {type === 'choice' ? (
        <div className={`field ${styles.wide}`}>
          <label htmlFor={`${id}-choices`}>Choices (comma-separated)</label>
          <input id={`${id}-choices`} type="text" value={choices} onChange={(e) => setChoices(e.target.value)} placeholder="North, South, East" required />
        </div>
      ) : null}
      <button type="submit" className="btn btn-sm" disabled={busy || !name.trim()}>
        Add attribute
      </button>
      {error ? (
        <p className="message message-error" role="alert" style={{ flexBasis: '100%', margin: 0 }}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

type Preview = { text: string; encoding: string; warnings: string[]; plan: ImportPlan };

/** Import a CSV: preview (types of new columns can be changed, problems listed), then import all or nothing. */
function ImportAttributes({ api }: { api: string }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [types, setTypes] = useState<Record<string, AttributeType>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(file: File, chosen: Record<string, AttributeType>) {
    setBusy(true);
    setError(null);
    setDone(null);
    const query = Object.keys(chosen).length ? `?types=${encodeURIComponent(JSON.stringify(chosen))}` : '';
    try {
      const response = await fetch(`${api}/table/import/preview${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv', Accept: 'application/json' }, body: file });
      const body = (await response.json()) as Preview & { error?: string };
      if (!response.ok) setError(body.error ?? `The server answered ${response.status}.`);
      else setPreview(body);
    } catch {
      setError('Network error: the file did not reach the server.');
    }
    setBusy(false);
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const answer = await requestJson<{ createdCases: number; createdAttributes: number; values: number }>(`${api}/table/import`, { method: 'POST', body: { text: preview.text, types } });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const d = answer.data;
    setDone(`Imported: ${d.values} values, ${d.createdAttributes} new attribute${d.createdAttributes === 1 ? '' : 's'}, ${d.createdCases} new case${d.createdCases === 1 ? '' : 's'}.`);
    setPreview(null);
    setTypes({});
    router.refresh();
  }

  const plan = preview?.plan;
  return (
    <div className={styles.preview} style={preview ? undefined : { background: 'none', borderStyle: 'none', padding: '0.4rem 0 0' }}>
      <div className="field" style={{ maxWidth: '26rem' }}>
        <label htmlFor={`${id}-file`}>Import attributes from CSV</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            fileRef.current = file ?? null;
            setTypes({});
            if (file) void load(file, {});
          }}
        />
        <span className="hint">First column “case”, then one column per attribute. Unknown cases are created; empty cells clear a value.</span>
      </div>
      {error ? (
        <p className="message message-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="message message-success" role="status">
          {done}
        </p>
      ) : null}
      {plan ? (
        <div aria-label="Import preview" role="region">
          <h3>Preview</h3>
          <p className="muted" style={{ margin: '0 0 0.5rem' }}>
            {plan.rows.length} rows · {plan.columns.length} columns · read as {preview.encoding}
            {plan.newCases.length ? ` · ${plan.newCases.length} new case${plan.newCases.length === 1 ? '' : 's'} will be created: ${plan.newCases.slice(0, 8).join(', ')}${plan.newCases.length > 8 ? '…' : ''}` : ''}
          </p>
          {preview.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
          {plan.errors.length ? (
            <>
              <p className="message message-error" role="alert" style={{ marginBottom: 0 }}>
                {plan.errors.length} problem{plan.errors.length === 1 ? '' : 's'}: fix the file (or a column’s type) and choose it again. Nothing is imported while any remain.
              </p>
              <ul className={styles.problems}>
                {plan.errors.slice(0, 20).map((e) => (
                  <li key={`${e.line}-${e.column ?? ''}`}>{e.message}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className={styles.scroll}>
            <table className={styles.grid}>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  {plan.columns.map((c) => (
                    <th key={c.name} scope="col">
                      {c.name}
                      {c.existing ? (
                        <span className={styles.typeTag}>{ATTRIBUTE_TYPE_LABELS[c.type]} (existing)</span>
                      ) : (
                        <select
                          aria-label={`Type of new column ${c.name}`}
                          className={styles.typeSelect}
                          value={c.type}
                          disabled={busy}
                          onChange={(e) => {
                            const next = { ...types, [c.name]: e.target.value as AttributeType };
                            setTypes(next);
                            if (fileRef.current) void load(fileRef.current, next);
                          }}
                        >
                          {ATTRIBUTE_TYPES.map((t) => (
                            <option key={t} value={t}>
                              New · {ATTRIBUTE_TYPE_LABELS[t]}
                            </option>
                          ))}
                        </select>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.rows.slice(0, 8).map((r) => (
                  <tr key={r.line}>
                    <th scope="row">
                      {r.caseName}
                      {r.isNew ? <span className={styles.newTag}>new</span> : null}
                    </th>
                    {plan.columns.map((c) => (
                      <td key={c.name}>{r.values[c.name]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.rows.length > 8 ? <p className={styles.note}>…and {plan.rows.length - 8} more rows.</p> : null}
          <div className="row" style={{ marginTop: '0.75rem' }}>
            <button type="button" className="btn btn-sm" disabled={busy || plan.errors.length > 0 || plan.rows.length === 0} onClick={() => void commit()}>
              Import {plan.rows.length} rows
            </button>
            <button type="button" className="btn btn-secondary btn-sm" disabled={busy} onClick={() => { setPreview(null); setTypes({}); }}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
