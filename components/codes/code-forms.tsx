'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ConflictDialog } from '@/components/team/conflict-dialog';
import type { ActionResult } from '@/lib/coding/workbench-types';
import type { AnyVersionConflict, CodeFields, VersionConflict } from '@/lib/team/conflict';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
/** The edit form's action: a refused save because of someone else's version carries `conflict`. */
type UpdateAction = (prev: FormState & { conflict?: AnyVersionConflict }, data: FormData) => Promise<FormState & { conflict?: AnyVersionConflict }>;

export function CreateCodeForm({ action, defaultColor }: { action: Action; defaultColor: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" aria-label="New code">
      <div className="row">
        <div className="grow">
          <Field label="Code name" name="name" required maxLength={200} defaultValue={valueOf(state, 'name')} errors={errors?.name} />
        </div>
        <div className="field">
          <label htmlFor="new-code-color">Colour</label>
          <input id="new-code-color" type="color" name="color" defaultValue={valueOf(state, 'color') ?? defaultColor} className="color-input" />
        </div>
      </div>
      <Field label="Definition" name="definition" multiline defaultValue={valueOf(state, 'definition')} errors={errors?.definition} hint="When does this code apply? Examples and counter-examples help other coders." />
      <FormMessage state={state} />
      <SubmitButton pendingText="Adding…">Add code</SubmitButton>
    </form>
  );
}

/**
 * The codebook's edit form. It sends the code version it was rendered with; when someone else
 * saved the code meanwhile the conflict dialog shows both versions (keep mine, keep theirs,
 * merge), and `saveFields` saves the chosen one over theirs.
 */
export function EditCodeForm(props: {
  code: { name: string; color: string; definition: string; version?: number };
  update: UpdateAction;
  remove: Action;
  segmentCount: number;
  saveFields?: (fields: CodeFields, baseVersion: number) => Promise<ActionResult<unknown>>;
}) {
  const [state, update] = useActionState<FormState & { conflict?: AnyVersionConflict }, FormData>(props.update, IDLE);
  const [removeState, remove] = useActionState(props.remove, IDLE);
  const [conflict, setConflict] = useState<VersionConflict<'code'> | null>(null);
  const router = useRouter();
  // After Keep theirs or a merged save the fields show the stored version: the form is
  // re-created once the refreshed code (a new version) arrives. Ordinary saves keep the form.
  const [resets, setResets] = useState(0);
  useEffect(() => {
    if (state.status === 'error' && state.conflict?.entity === 'code') setConflict(state.conflict as VersionConflict<'code'>);
  }, [state]);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const n = props.segmentCount;
  return (
    <div className="stack">
      <form key={resets ? `${resets}:${props.code.version}` : 'form'} action={update} className="stack" aria-label={`Edit ${props.code.name}`}>
        {props.code.version !== undefined && <input type="hidden" name="baseVersion" value={props.code.version} />}
        <div className="row">
          <div className="grow">
            <Field label="Name" name="name" required maxLength={200} defaultValue={valueOf(state, 'name') ?? props.code.name} errors={errors?.name} />
          </div>
          <div className="field">
            <label htmlFor={`color-${props.code.name}`}>Colour</label>
            <input id={`color-${props.code.name}`} type="color" name="color" defaultValue={valueOf(state, 'color') ?? props.code.color} className="color-input" />
          </div>
        </div>
        <Field label="Definition" name="definition" multiline defaultValue={valueOf(state, 'definition') ?? props.code.definition} errors={errors?.definition} />
        <FormMessage state={state} />
        <SubmitButton className="btn btn-secondary btn-sm" pendingText="Saving…">
          Save
        </SubmitButton>
      </form>
      <form
        action={remove}
        onSubmit={(e) => {
          const what = n === 0 ? 'It has no codings.' : `Its ${n} ${n === 1 ? 'coding goes' : 'codings go'} with it.`;
          if (!window.confirm(`Delete the code “${props.code.name}”? ${what} This cannot be undone.`)) e.preventDefault();
        }}
      >
        <FormMessage state={removeState} />
        <SubmitButton className="btn btn-danger btn-sm" pendingText="Deleting…">
          {n === 0 ? 'Delete code' : `Delete code and ${n} ${n === 1 ? 'coding' : 'codings'}`}
        </SubmitButton>
      </form>
      {conflict && props.saveFields && (
        <ConflictDialog
          conflict={conflict}
          save={(fields, baseVersion) => props.saveFields!({ name: fields.name, color: fields.color, definition: fields.definition }, baseVersion)}
          onSaved={() => {
            setConflict(null);
            setResets((n) => n + 1);
            router.refresh();
          }}
          onKeepTheirs={() => {
            setConflict(null);
            setResets((n) => n + 1);
            router.refresh(); // the form shows their version
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
