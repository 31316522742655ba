'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { LEVEL_NAME, toCodeLevel } from '@/lib/coding/hierarchy-types';
import type { CodebookMergePreview } from '@/lib/server/data/refi/merge-codebook';

import { postFile } from './refi-upload';

type Mapping = 'nesting' | 'flat';

/**
 * "Import codebook (.qdc)" on the Codebook page: the codes of a REFI-QDA codebook are merged
 * into this project's codebook by name. Shows what will be created and what already exists
 * before anything is stored.
 */
export function ImportCodebookPanel({ projectId }: { projectId: string }) {
  const router = useRouter();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Mapping>('nesting');
  const [preview, setPreview] = useState<CodebookMergePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const url = (mode: 'preview' | 'merge', m: Mapping) => `/api/projects/${encodeURIComponent(projectId)}/refi/codebook?mode=${mode}&levelMapping=${m}`;

  async function read(f: File, m: Mapping) {
    setBusy(true);
    setError('');
    const result = await postFile<CodebookMergePreview>(url('preview', m), f);
    setBusy(false);
    if (result.ok) setPreview(result.data);
    else {
      setPreview(null);
      setError(result.error);
    }
  }

  async function merge() {
    if (!file) return;
    setBusy(true);
    setError('');
    const result = await postFile<{ created: number; merged: number }>(url('merge', mapping), file);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPreview(null);
    setFile(null);
    setDone(`Added ${result.data.created} code(s); ${result.data.merged} already existed and were kept.`);
    router.refresh();
  }

  if (!open) {
    return (
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen(true)}>
        Import codebook (.qdc)
      </button>
    );
  }
  return (
    <section className="card stack" aria-label="Import codebook" style={{ marginBottom: '1rem' }}>
      <h2 style={{ margin: 0 }}>Import a codebook (.qdc)</h2>
      <p className="muted">Codes from NVivo, ATLAS.ti, MAXQDA, QualCoder or another Groundwork project. Codes whose name already exists here are kept as they are.</p>
      <div>
        <label htmlFor={inputId} className="btn btn-secondary btn-sm">
          Choose a .qdc file…
        </label>
        <input
          id={inputId}
          type="file"
          accept=".qdc"
          className="visually-hidden"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            setDone('');
            if (f) void read(f, mapping);
          }}
        />{' '}
        {file && <span className="muted">{file.name}</span>}
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="message message-success" role="status">
          {done}
        </p>
      )}
      {preview && file && (
        <>
          <fieldset className="meta-fieldset">
            <legend>Place the new codes</legend>
            {(['nesting', 'flat'] as const).map((m) => (
              <label key={m} style={{ display: 'block' }}>
                <input
                  type="radio"
                  name="qdc-mapping"
                  checked={mapping === m}
                  disabled={busy}
                  onChange={() => {
                    setMapping(m);
                    void read(file, m);
                  }}
                />{' '}
                {m === 'nesting' ? 'By nesting (top-level codes with sub-codes become categories)' : 'All as concepts'}
              </label>
            ))}
          </fieldset>
          <p>
            <strong>{preview.create.length}</strong> new code(s), <strong>{preview.merge.length}</strong> already in this codebook.
          </p>
          {preview.warnings.map((w, i) => (
            <p key={i} className="muted">
              {w}
            </p>
          ))}
          {preview.create.length > 0 && (
            <table className="table" aria-label="Codes to add">
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">New code</th>
                  <th scope="col">Level</th>
                  <th scope="col">Under</th>
                </tr>
              </thead>
              <tbody>
                {preview.create.slice(0, 300).map((c, i) => (
                  <tr key={i}>
                    <td>{c.label}</td>
                    <td>{c.name}</td>
                    <td>{LEVEL_NAME[toCodeLevel(c.level)]}</td>
                    <td>{c.parent ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.merge.length > 0 && <p className="muted">Already here: {preview.merge.map((m) => m.name).join(', ')}</p>}
          <div className="row">
            <button type="button" className="btn btn-sm" disabled={busy || preview.create.length === 0} onClick={() => void merge()}>
              {busy ? 'Working…' : `Add ${preview.create.length} code(s)`}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" disabled={busy} onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </>
      )}
      {!preview && (
        <div>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}
