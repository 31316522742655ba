'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '@/lib/sources/kinds';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

export function PasteSourceForm(props: { action: (prev: FormState, data: FormData) => Promise<FormState>; folders: Array<{ id: string; name: string }> }) {
  const [state, action] = useActionState(props.action, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" aria-label="Paste text">
      <div className="row">
        <div className="grow">
          <Field label="Title" name="title" required defaultValue={valueOf(state, 'title')} errors={errors?.title} />
        </div>
        <div className="field">
          <label htmlFor="paste-kind">Kind</label>
          <select id="paste-kind" name="kind" defaultValue={valueOf(state, 'kind') ?? 'fieldnote'}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="paste-folder">Folder</label>
          <select id="paste-folder" name="folderId" defaultValue={valueOf(state, 'folderId') ?? ''}>
            <option value="">No folder</option>
            {props.folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="paste-text">Text</label>
        <textarea id="paste-text" name="text" rows={8} defaultValue={valueOf(state, 'text')} aria-invalid={errors?.text ? true : undefined} />
        {errors?.text && <ul className="errors">{errors.text.map((e) => <li key={e}>{e}</li>)}</ul>}
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingText="Adding…">Add source</SubmitButton>
    </form>
  );
}
