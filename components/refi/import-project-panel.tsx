'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { LEVEL_NAME, LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import type { ImportPreview, LevelMapping, CoderTarget } from '@/lib/io/refi/to-groundwork';

import { postFile } from './refi-upload';

const MAPPING_TEXT: Record<LevelMapping, { title: string; hint: string }> = {
  groundwork: { title: 'As recorded by Groundwork', hint: 'Levels, labels and relation types exactly as exported.' },
  nesting: { title: 'By nesting', hint: 'A top-level code with sub-codes becomes a category and its sub-codes concepts; deeper trees become main and core categories.' },
  flat: { title: 'All concepts', hint: 'Every code becomes a concept with no parent; group them into categories later.' },
};

const COUNT_LABELS: Array<[keyof ImportPreview['counts'], string]> = [
  ['sources', 'Sources'],
  ['codes', 'Codes'],
  ['codings', 'Codings'],
  ['memos', 'Memos'],
  ['notes', 'Notes in the file'],
  ['users', 'Coders'],
  ['cases', 'Cases'],
  ['variables', 'Variables'],
  ['relations', 'Relations'],
];

/**
 * "Import REFI-QDA project (.qdpx)": choose a file, see what it holds (counts, warnings, the
 * coder and level mapping), adjust the mapping, then import it as a new project.
 */
export function ImportProjectPanel() {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [levelMapping, setLevelMapping] = useState<LevelMapping | undefined>(undefined);
  const [coders, setCoders] = useState<Record<string, CoderTarget>>({});
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'' | 'reading' | 'importing'>('');
  const [error, setError] = useState('');

  const query = (mapping: LevelMapping | undefined, coderMap: Record<string, CoderTarget>, projectName?: string) =>
    `options=${encodeURIComponent(JSON.stringify({ levelMapping: mapping, coders: coderMap, ...(projectName ? { name: projectName } : {}) }))}`;

  async function read(f: File, mapping: LevelMapping | undefined, coderMap: Record<string, CoderTarget>) {
    setBusy('reading');
    setError('');
    const result = await postFile<ImportPreview>(`/api/refi/preview?${query(mapping, coderMap)}`, f);
    setBusy('');
    if (!result.ok) {
      setPreview(null);
      setError(result.error);
      return;
    }
    setPreview(result.data);
    setLevelMapping(result.data.levelMapping);
    setCoders(Object.fromEntries(result.data.users.map((u) => [u.guid, u.target])));
    setName((n) => n || result.data.name);
  }

  async function confirm() {
    if (!file || !preview) return;
    setBusy('importing');
    setError('');
    const result = await postFile<{ projectId: string }>(`/api/refi/import?${query(levelMapping, coders, name.trim())}`, file);
    if (!result.ok) {
      setBusy('');
      setError(result.error);
      return;
    }
    router.push(`/projects/${result.data.projectId}?imported=1`);
  }

  return (
    <div className="stack" aria-label="Import REFI-QDA project">
      <p className="muted">
        A project exported from NVivo, ATLAS.ti, MAXQDA, QualCoder or Groundwork in the REFI-QDA exchange format. You will see what it holds before anything is
        stored.
      </p>
      <div>
        <label htmlFor={inputId} className="btn btn-secondary">
          Choose a .qdpx file…
        </label>
        <input
          id={inputId}
          type="file"
          accept=".qdpx"
          className="visually-hidden"
          data-testid="refi-file"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            setPreview(null);
            setName('');
            setCoders({});
            setLevelMapping(undefined);
            if (f) void read(f, undefined, {});
          }}
        />{' '}
        {file && <span className="muted">{file.name}</span>}
      </div>
      {busy === 'reading' && <p role="status">Reading the file…</p>}
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {preview && file && (
        <section className="stack" aria-label="Import preview" data-testid="refi-preview">
          <h3 style={{ margin: 0 }}>
            “{preview.name}”{preview.origin ? <span className="muted"> · written by {preview.origin}</span> : null}
          </h3>
          <table className="table" aria-label="What the file holds">
            <tbody>
              {COUNT_LABELS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td data-testid={`refi-count-${key}`}>{preview.counts[key]}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {preview.errors.length > 0 && (
            <div className="message message-error" role="alert">
              <strong>This file cannot be imported:</strong>
              <ul>
                {preview.errors.slice(0, 20).map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
              {preview.errors.length > 20 && <p>…and {preview.errors.length - 20} more.</p>}
            </div>
          )}
          {preview.warnings.length > 0 && (
            <div className="card" aria-label="Warnings">
              <strong>Good to know</strong>
              <ul>
                {preview.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          )}

          <fieldset className="meta-fieldset">
            <legend>Place the codes in the hierarchy</legend>
            {preview.availableMappings.map((m) => (
              <label key={m} style={{ display: 'block', marginBottom: '0.4rem' }}>
                <input
                  type="radio"
                  name="levelMapping"
                  value={m}
                  checked={levelMapping === m}
                  disabled={busy !== ''}
                  onChange={() => {
                    setLevelMapping(m);
                    void read(file, m, coders);
                  }}
                />{' '}
                <strong>{MAPPING_TEXT[m].title}</strong> <span className="muted">— {MAPPING_TEXT[m].hint}</span>
              </label>
            ))}
            <p className="muted" data-testid="refi-levels">
              {([4, 3, 2, 1] as CodeLevel[])
                .map((l) => `${preview.levels[l]} ${preview.levels[l] === 1 ? LEVEL_NAME[l] : LEVEL_PLURAL[l]}`)
                .join(' · ')}
            </p>
            {preview.codes.length > 0 && (
              <details>
                <summary>See where the codes go</summary>
                <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
                  {preview.codes.map((c, i) => (
                    <li key={i} style={{ paddingLeft: `${c.depth * 1.2}rem` }}>
                      {c.name} <span className="muted">— {LEVEL_NAME[c.level]}</span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </fieldset>

          {preview.users.length > 0 && (
            <fieldset className="meta-fieldset">
              <legend>Coders</legend>
              <p className="muted">
                Codings keep their coder. A coder who is not you becomes an imported coder without an account; as the owner you can later give their codings to a
                team member (Team page).
              </p>
              <table className="table" aria-label="Coder mapping">
                <thead>
                  <tr>
                    <th scope="col">Coder in the file</th>
                    <th scope="col">Codings</th>
                    <th scope="col">Becomes</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.users.map((u) => (
                    <tr key={u.guid}>
                      <td>{u.name}</td>
                      <td>{u.codings}</td>
                      <td>
                        <select
                          aria-label={`${u.name} becomes`}
                          value={coders[u.guid] ?? u.target}
                          disabled={busy !== ''}
                          onChange={(e) => setCoders((c) => ({ ...c, [u.guid]: e.target.value as CoderTarget }))}
                        >
                          <option value="me">Me</option>
                          <option value="placeholder">Imported coder “{u.name}”</option>
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          )}

          <label className="field">
            <span>Name of the new project</span>
            <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} disabled={busy !== ''} />
          </label>
          <div className="row">
            <button type="button" className="btn" onClick={() => void confirm()} disabled={busy !== '' || preview.errors.length > 0 || !name.trim()} data-testid="refi-confirm">
              {busy === 'importing' ? 'Importing…' : 'Import as a new project'}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy !== ''}
              onClick={() => {
                setFile(null);
                setPreview(null);
                setError('');
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
