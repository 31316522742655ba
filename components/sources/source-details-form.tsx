'use client';

import { useActionState, useState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

import { FolderSelect, KindSelect } from './source-selects';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export interface EditableSource {
  title: string;
  kind: string;
  folderId: string | null;
  authors: string;
  year: number | null;
  venue: string;
  interviewee: string;
  interviewDate: string;
  interviewer: string;
}

/** Title, kind, folder and the kind's metadata: authors/year/venue or interviewee/date/interviewer. */
export function SourceDetailsForm(props: { source: EditableSource; folders: Array<{ id: string; name: string }>; update: Action; remove: Action }) {
  const [state, update] = useActionState(props.update, IDLE);
  const [removeState, remove] = useActionState(props.remove, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const v = (name: keyof EditableSource) => valueOf(state, name) ?? String(props.source[name] ?? '');
  // Only the fields of the chosen kind show; the others stay in the form (hidden) so saving
  // never clears them.
  const [kind, setKind] = useState(v('kind'));
  const showLiterature = kind === 'literature' || kind === 'document' || kind === 'other';
  const showInterview = kind === 'interview' || kind === 'fieldnote';
  return (
    <>
      <form action={update} className="stack" aria-label="Source details">
        <Field label="Title" name="title" required defaultValue={v('title')} errors={errors?.title} />
        <div className="row">
          <KindSelect label="Kind" id="source-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} />
          <FolderSelect label="Folder" id="source-folder" name="folderId" defaultValue={v('folderId')} folders={props.folders} className="grow" />
        </div>
        <fieldset className="meta-fieldset" hidden={!showLiterature}>
          <legend>Publication</legend>
          <Field label="Authors" name="authors" defaultValue={v('authors')} errors={errors?.authors} placeholder="e.g. Strauss, A.; Corbin, J." />
          <div className="row">
            <div className="field">
              <Field label="Year" name="year" inputMode="numeric" defaultValue={v('year')} errors={errors?.year} style={{ width: '7rem' }} />
            </div>
            <div className="grow">
              <Field label="Venue" name="venue" defaultValue={v('venue')} errors={errors?.venue} placeholder="Journal, book or conference" />
            </div>
          </div>
        </fieldset>
        <fieldset className="meta-fieldset" hidden={!showInterview}>
          <legend>{kind === 'fieldnote' ? 'Observation' : 'Interview'}</legend>
          <div className="row">
            <div className="grow">
              <Field label="Interviewee" name="interviewee" defaultValue={v('interviewee')} errors={errors?.interviewee} />
            </div>
            <div className="field">
              <Field label="Date" name="interviewDate" type="date" defaultValue={v('interviewDate')} errors={errors?.interviewDate} />
            </div>
            <div className="grow">
              <Field label="Interviewer" name="interviewer" defaultValue={v('interviewer')} errors={errors?.interviewer} />
            </div>
          </div>
        </fieldset>
        <FormMessage state={state} />
        <SubmitButton pendingText="Saving…">Save details</SubmitButton>
      </form>
      <form
        action={remove}
        className="stack"
        style={{ marginTop: '1.25rem' }}
        onSubmit={(e) => {
          if (!window.confirm(`Delete “${props.source.title}”? This cannot be undone.`)) e.preventDefault();
        }}
      >
        <FormMessage state={removeState} />
        <SubmitButton className="btn btn-danger btn-sm" pendingText="Deleting…">
          Delete source
        </SubmitButton>
      </form>
    </>
  );
}
