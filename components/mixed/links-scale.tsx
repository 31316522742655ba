'use client';

import { useCallback, useEffect, useId, useState, type CSSProperties } from 'react';

import { requestJson } from '@/components/datasets/api';
import { LEVEL_NAME, type CodeLevel } from '@/lib/coding/hierarchy-types';

import { linksApi } from './link-badges';
import { controlStyle, LinkDialogFrame, LinkRationaleAndActions } from './link-dialog';

/** A link as GET …/links answers (the fields the construct side shows). */
export interface ScaleSideLink {
  id: string;
  code: { id: string; label: string; name: string; level: number };
  target: { kind: 'scale'; datasetId: string; scaleId: string } | { kind: 'variable'; datasetId: string; variable: string };
  rationale: string;
}

type CodeOption = { id: string; label: string; name: string; level: number };

const codeTitle = (c: { label: string; name: string }) => `${c.label ? `${c.label} ` : ''}${c.name}`;
const levelName = (level: number) => LEVEL_NAME[level as CodeLevel] ?? 'code';

const chipStyle: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: '0.3rem',
  fontSize: '0.82rem',
  padding: '0.1rem 0.55rem',
  borderRadius: 999,
  border: '1px solid #b9cde0',
  background: '#eef4fa',
  color: '#1d3f5e',
};

/**
 * The links of one dataset (GET …/links?datasetId=), reloaded on demand: the Scales tab reads
 * them once for all its scales.
 */
export function useDatasetLinks(projectId: string, datasetId: string): { links: ScaleSideLink[] | null; error: string | null; reload: () => void } {
  const [links, setLinks] = useState<ScaleSideLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void requestJson<{ links: ScaleSideLink[] }>(`${linksApi(projectId)}?datasetId=${encodeURIComponent(datasetId)}`).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setLinks(answer.data.links);
        setError(null);
      } else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [projectId, datasetId, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { links, error, reload };
}

/**
 * A scale's linked codes (the construct side of the mixed-methods links): each code with its
 * level and rationale; owners and coders add a link ("Link to code…": a code and a rationale)
 * or remove one (after a confirmation).
 */
export function ScaleCodeLinks(props: { projectId: string; datasetId: string; scale: { id: string; name: string }; links: ScaleSideLink[] | null; canWrite: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const mine = (props.links ?? []).filter((l) => l.target.kind === 'scale' && l.target.scaleId === props.scale.id);

  async function remove(link: ScaleSideLink) {
    if (!window.confirm(`Remove the link of ${codeTitle(link.code)} to “${props.scale.name}”? Its rationale, meta-inference and exemplar quotes go with it.`)) return;
    setRemoving(link.id);
    setError(null);
    const answer = await requestJson(`${linksApi(props.projectId)}/${encodeURIComponent(link.id)}`, { method: 'DELETE' });
    setRemoving(null);
    if (!answer.ok) return setError(answer.error);
    props.onChanged();
  }

  return (
    <div data-testid="scale-links" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.4rem', margin: '0.75rem 0' }} role="group" aria-label={`Codes linked to ${props.scale.name}`}>
      <span style={{ fontWeight: 560, fontSize: '0.88rem' }}>Linked codes:</span>
      {props.links === null ? (
        <span className="muted" style={{ fontSize: '0.88rem' }}>
          Loading…
        </span>
      ) : mine.length === 0 ? (
        <span className="muted" style={{ fontSize: '0.88rem' }}>
          none yet
        </span>
      ) : (
        mine.map((l) => (
          <span key={l.id} style={chipStyle} data-testid="scale-link" title={l.rationale.trim() ? `Rationale: ${l.rationale.trim()}` : 'No rationale given'}>
            ↔ {codeTitle(l.code)} <span style={{ opacity: 0.75 }}>({levelName(l.code.level)})</span>
            {props.canWrite && (
              <button
                type="button"
                onClick={() => void remove(l)}
                disabled={removing === l.id}
                aria-label={`Remove link of ${codeTitle(l.code)} to ${props.scale.name}`}
                title="Remove this link"
                style={{ font: 'inherit', border: 'none', background: 'none', color: 'inherit', cursor: 'pointer', padding: '0 0.1rem', opacity: 0.7 }}
              >
                ×
              </button>
            )}
          </span>
        ))
      )}
      {props.canWrite && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOpen(true)} aria-label={`Link ${props.scale.name} to code`}>
          Link to code…
        </button>
      )}
      {error && (
        <span role="alert" className="message-error-text" style={{ fontSize: '0.85rem' }}>
          {error}
        </span>
      )}
      {open && (
        <LinkToCodeDialog
          projectId={props.projectId}
          datasetId={props.datasetId}
          scale={props.scale}
          linkedCodeIds={new Set(mine.map((l) => l.code.id))}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            props.onChanged();
          }}
        />
      )}
    </div>
  );
}

/** Links a scale to a code of the hierarchy: choose the code (by level), give a rationale, Save. */
function LinkToCodeDialog(props: { projectId: string; datasetId: string; scale: { id: string; name: string }; linkedCodeIds: ReadonlySet<string>; onClose: () => void; onSaved: () => void }) {
  const id = useId();
  const [codes, setCodes] = useState<CodeOption[] | null>(null);
  const [codeId, setCodeId] = useState('');
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void requestJson<{ codes: CodeOption[] }>(`/api/projects/${encodeURIComponent(props.projectId)}/codes`).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setError(answer.error);
      // Core categories first, then by label (C2 before C10) and name.
      const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
      setCodes([...answer.data.codes].sort((a, b) => b.level - a.level || collator.compare(a.label || '~', b.label || '~') || collator.compare(a.name, b.name)));
    });
    return () => {
      live = false;
    };
  }, [props.projectId]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!codeId) return setError('Choose a code.');
    setBusy(true);
    setError(null);
    const answer = await requestJson(linksApi(props.projectId), {
      method: 'POST',
      body: { codeId, datasetId: props.datasetId, target: { kind: 'scale', scaleId: props.scale.id }, rationale },
    });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    props.onSaved();
  }

  const byLevel = ([4, 3, 2, 1] as const).map((level) => ({ level, list: (codes ?? []).filter((c) => c.level === level) })).filter((g) => g.list.length > 0);
  return (
    <LinkDialogFrame title="Link to code" subtitle={<>Scale: {props.scale.name}</>} onClose={props.onClose}>
      <form onSubmit={save} style={{ display: 'grid', gap: '0.75rem' }} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`}>Code</label>
          <select id={`${id}-code`} style={controlStyle} value={codeId} onChange={(e) => setCodeId(e.target.value)} disabled={codes === null}>
            <option value="">{codes === null ? 'Loading codes…' : codes.length === 0 ? 'No codes in this project yet' : 'Choose a code…'}</option>
            {byLevel.map((g) => (
              <optgroup key={g.level} label={`${LEVEL_NAME[g.level].charAt(0).toUpperCase()}${LEVEL_NAME[g.level].slice(1)}`}>
                {g.list.map((c) => (
                  <option key={c.id} value={c.id} disabled={props.linkedCodeIds.has(c.id)}>
                    {codeTitle(c)}
                    {props.linkedCodeIds.has(c.id) ? ' (linked)' : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <LinkRationaleAndActions id={id} value={rationale} onChange={setRationale} placeholder="Why this code and this scale capture the same idea" error={error} busy={busy} onCancel={props.onClose} />
      </form>
    </LinkDialogFrame>
  );
}
