'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { type MetadataForm, metadataEdit, metadataForm, metadataNote } from '@/lib/datasets/metadata-edit';
import type { Variable } from '@/lib/datasets/types';

import { datasetsApi, requestJson } from './api';
import styles from './datasets.module.css';
import { TYPE_CHOICES, TYPE_LABELS } from './format';

/**
 * A Variable View row's "Edit": label, type (with the Likert range), value labels and missing
 * codes. Data are immutable, so saving adds the next version (a `setMetadata` recipe through
 * the versions API); the form is rendered only once the row is opened.
 */
export function VariableEdit(props: { projectId: string; datasetId: string; baseVersionId: string; latestNumber: number; variable: Variable }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="row-edit" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`Edit ${props.variable.name}`}>Edit</summary>
      {open && (
        <div className="row-edit-panel card">
          <EditForm {...props} onDone={() => setOpen(false)} />
        </div>
      )}
    </details>
  );
}

function EditForm(props: { projectId: string; datasetId: string; baseVersionId: string; latestNumber: number; variable: Variable; onDone: () => void }) {
  const { variable } = props;
  const router = useRouter();
  const id = useId();
  const [form, setForm] = useState<MetadataForm>(() => metadataForm(variable));
  const [errors, setErrors] = useState<Partial<Record<keyof MetadataForm, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<MetadataForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // A field's message goes once the field is edited; the check runs again on save.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const next = props.latestNumber + 1;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const edit = metadataEdit(variable, form);
    if (!edit.ok) {
      setErrors(edit.errors);
      return;
    }
    setErrors({});
    if (!edit.transform) {
      setError('Nothing changed.');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await requestJson<{ version: { number: number } }>(`${datasetsApi(props.projectId)}/${encodeURIComponent(props.datasetId)}/versions`, {
      method: 'POST',
      body: { baseVersionId: props.baseVersionId, transforms: [edit.transform], note: metadataNote(edit.transform) },
    });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    props.onDone();
    router.refresh();
  }

  const field = (name: keyof MetadataForm) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const fieldError = (name: keyof MetadataForm) =>
    errors[name] ? (
      <ul className="errors" id={`${id}-${name}-error`}>
        <li>{errors[name]}</li>
      </ul>
    ) : null;

  return (
    <form onSubmit={save} aria-label={`Edit variable ${variable.name}`} className="stack" data-testid="variable-edit-form" noValidate>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input {...field('label')} value={form.label} maxLength={256} onChange={(e) => set({ label: e.target.value })} />
        {fieldError('label')}
      </div>
      <div className={styles.editRow}>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select {...field('type')} value={form.type} onChange={(e) => set({ type: e.target.value as MetadataForm['type'] })}>
            {TYPE_CHOICES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        {form.type === 'likert' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-likertMin`}>Lowest response</label>
              <input {...field('likertMin')} inputMode="decimal" value={form.likertMin} onChange={(e) => set({ likertMin: e.target.value })} />
              {fieldError('likertMin')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-likertMax`}>Highest response</label>
              <input {...field('likertMax')} inputMode="decimal" value={form.likertMax} onChange={(e) => set({ likertMax: e.target.value })} />
              {fieldError('likertMax')}
            </div>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-valueLabels`}>Value labels</label>
        <textarea {...field('valueLabels')} rows={4} placeholder={'1 = Strongly disagree\n5 = Strongly agree'} value={form.valueLabels} onChange={(e) => set({ valueLabels: e.target.value })} />
        <p className="hint">One “code = label” a line.</p>
        {fieldError('valueLabels')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-missingCodes`}>Missing codes</label>
        <input {...field('missingCodes')} placeholder="e.g. 8, 9 or -99" value={form.missingCodes} onChange={(e) => set({ missingCodes: e.target.value })} />
        <p className="hint">Values equal to a missing code become missing in the new version.</p>
        {fieldError('missingCodes')}
      </div>
      {error && (
        <div className="message message-error" role="alert" data-testid="variable-edit-error">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
          {busy ? 'Saving…' : `Save as version ${next}`}
        </button>
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
