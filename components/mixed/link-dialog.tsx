'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';

import { datasetsApi, requestJson } from '@/components/datasets/api';

import { linksApi } from './link-badges';

/** The dialog's accessible name (a stable test hook). */
export const LINK_DIALOG_TITLE = 'Link to survey construct';

const backdropStyle: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(20, 24, 28, 0.35)',
  display: 'grid',
  placeItems: 'center',
  zIndex: 50,
  padding: '1rem',
};

const panelStyle: CSSProperties = {
  width: 'min(480px, 100%)',
  maxHeight: '90vh',
  overflowY: 'auto',
  background: 'var(--surface)',
  border: '1px solid var(--border-strong)',
  borderRadius: 'var(--radius)',
  boxShadow: '0 12px 40px rgba(0,0,0,0.2)',
  padding: '1.1rem 1.25rem',
  outline: 'none',
  display: 'grid',
  gap: '0.8rem',
};

export const controlStyle: CSSProperties = { font: 'inherit', padding: '0.4rem 0.5rem', border: '1px solid var(--border-strong)', borderRadius: 6, background: 'var(--surface)', width: '100%' };

/**
 * A small modal dialog: a heading names it, Escape and the backdrop close it, focus goes to its
 * first control and back to what opened it on close (Tab is kept inside).
 */
export function LinkDialogFrame({ title, subtitle, onClose, children }: { title: string; subtitle?: ReactNode; onClose: () => void; children: ReactNode }) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    // The first control may still be disabled (loading): then the dialog itself takes focus.
    const first = ref.current?.querySelector<HTMLElement>('select:not([disabled]), textarea, input:not([disabled])');
    (first ?? ref.current)?.focus();
    // Escape closes wherever focus is (a click on the backdrop may have taken it out).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);

  return (
    <div
      style={backdropStyle}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        style={panelStyle}
        onKeyDown={(e) => {
          if (e.key === 'Tab') {
            const focusable = [...(ref.current?.querySelectorAll<HTMLElement>('select, textarea, input, button:not([disabled])') ?? [])];
            if (focusable.length === 0) return;
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      >
        <div>
          <h2 id={headingId} style={{ fontSize: '1.05rem', margin: 0 }}>
            {title}
          </h2>
          {subtitle && (
            <p className="muted" style={{ margin: '0.25rem 0 0', fontSize: '0.88rem' }}>
              {subtitle}
            </p>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}

type DatasetOption = { id: string; name: string };
type ScaleOption = { id: string; name: string };
type VariableOption = { name: string; label: string };

/**
 * "Link <code> to survey": a button on a code's row that opens {@link LinkToSurveyDialog};
 * after a save the page data is refreshed.
 */
export function LinkToSurveyButton({ projectId, code, className, style }: { projectId: string; code: { id: string; label: string; name: string }; className?: string; style?: CSSProperties }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const title = `${code.label ? `${code.label} ` : ''}${code.name}`;
  return (
    <>
      <button type="button" className={className ?? 'btn-link'} style={style} onClick={() => setOpen(true)} aria-label={`Link ${code.label || code.name} to survey`} title={`Link ${title} to a scale or variable of a dataset`}>
        Link to survey…
      </button>
      {open && (
        <LinkToSurveyDialog
          projectId={projectId}
          code={code}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      )}
    </>
  );
}

/**
 * Links a code to a survey construct: choose a dataset, then one of its scales or variables,
 * give a rationale, Save (POST …/links). The API's error shows in the dialog.
 */
export function LinkToSurveyDialog({ projectId, code, onClose, onSaved }: { projectId: string; code: { id: string; label: string; name: string }; onClose: () => void; onSaved: () => void }) {
  const id = useId();
  const [datasets, setDatasets] = useState<DatasetOption[] | null>(null);
  const [datasetId, setDatasetId] = useState('');
  const [scales, setScales] = useState<ScaleOption[] | null>(null);
  const [variables, setVariables] = useState<VariableOption[] | null>(null);
  const [target, setTarget] = useState('');
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void requestJson<{ datasets: DatasetOption[] }>(datasetsApi(projectId)).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setError(answer.error);
      setDatasets(answer.data.datasets);
      if (answer.data.datasets.length === 1) setDatasetId(answer.data.datasets[0].id);
    });
    return () => {
      live = false;
    };
  }, [projectId]);

  useEffect(() => {
    setScales(null);
    setVariables(null);
    setTarget('');
    if (!datasetId) return;
    let live = true;
    const base = `${datasetsApi(projectId)}/${encodeURIComponent(datasetId)}`;
    void Promise.all([
      requestJson<{ scales: Array<{ scale: ScaleOption }> }>(`${base}/scales`),
      requestJson<{ dataset: { latest: { variables: VariableOption[] } } }>(base),
    ]).then(([s, d]) => {
      if (!live) return;
      if (!s.ok) return setError(s.error);
      if (!d.ok) return setError(d.error);
      setError(null);
      setScales(s.data.scales.map((x) => ({ id: x.scale.id, name: x.scale.name })));
      setVariables(d.data.dataset.latest.variables.map((v) => ({ name: v.name, label: v.label })));
    });
    return () => {
      live = false;
    };
  }, [projectId, datasetId]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!datasetId) return setError('Choose a dataset.');
    if (!target) return setError('Choose a scale or a variable.');
    setBusy(true);
    setError(null);
    const [kind, value] = [target.slice(0, 2), target.slice(2)];
    const answer = await requestJson(linksApi(projectId), {
      method: 'POST',
      body: { codeId: code.id, datasetId, target: kind === 's:' ? { kind: 'scale', scaleId: value } : { kind: 'variable', variable: value }, rationale },
    });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    onSaved();
  }

  const loadingTargets = Boolean(datasetId) && (scales === null || variables === null);
  return (
    <LinkDialogFrame title={LINK_DIALOG_TITLE} subtitle={<>Code: {code.label ? <strong>{code.label} </strong> : null}{code.name}</>} onClose={onClose}>
      <form onSubmit={save} style={{ display: 'grid', gap: '0.75rem' }} noValidate>
        <div className="field">
          <label htmlFor={`${id}-dataset`}>Dataset</label>
          <select id={`${id}-dataset`} style={controlStyle} value={datasetId} onChange={(e) => setDatasetId(e.target.value)} disabled={datasets === null}>
            <option value="">{datasets === null ? 'Loading datasets…' : datasets.length === 0 ? 'No datasets in this project' : 'Choose a dataset…'}</option>
            {datasets?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>Scale or variable</label>
          <select id={`${id}-target`} style={controlStyle} value={target} onChange={(e) => setTarget(e.target.value)} disabled={!datasetId || loadingTargets}>
            <option value="">{!datasetId ? 'Choose a dataset first' : loadingTargets ? 'Loading…' : 'Choose a scale or a variable…'}</option>
            {scales && scales.length > 0 && (
              <optgroup label="Scales">
                {scales.map((s) => (
                  <option key={s.id} value={`s:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            )}
            {variables && variables.length > 0 && (
              <optgroup label="Variables">
                {variables.map((v) => (
                  <option key={v.name} value={`v:${v.name}`}>
                    {v.label ? `${v.name} — ${v.label}` : v.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {scales?.length === 0 && <span className="hint">This dataset has no scales yet: define them in its Scales tab, or link a variable.</span>}
        </div>
        <LinkRationaleAndActions id={id} value={rationale} onChange={setRationale} placeholder="Why this category and this construct measure the same idea" error={error} busy={busy} onCancel={onClose} />
      </form>
    </LinkDialogFrame>
  );
}

/** The end of both link dialogs' forms: the rationale, the API's error, Cancel and Save. */
export function LinkRationaleAndActions(props: { id: string; value: string; onChange: (v: string) => void; placeholder: string; error: string | null; busy: boolean; onCancel: () => void }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.id}-rationale`}>Rationale</label>
        <textarea
          id={`${props.id}-rationale`}
          style={{ ...controlStyle, resize: 'vertical' }}
          rows={3}
          maxLength={2000}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder={props.placeholder}
        />
      </div>
      {props.error && (
        <p className="message message-error" role="alert" data-testid="link-error" style={{ margin: 0 }}>
          {props.error}
        </p>
      )}
      <div style={{ display: 'flex', gap: '0.5rem', justifyContent: 'flex-end' }}>
        <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn" disabled={props.busy}>
          {props.busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </>
  );
}
