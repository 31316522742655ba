'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

import { FolderSelect, KindSelect } from './source-selects';
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
        <KindSelect label="Kind" id="paste-kind" name="kind" defaultValue={valueOf(state, 'kind') ?? 'fieldnote'} />
        <FolderSelect label="Folder" id="paste-folder" name="folderId" defaultValue={valueOf(state, 'folderId') ?? ''} folders={props.folders} />
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
