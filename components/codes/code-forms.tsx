'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

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

export function EditCodeForm(props: { code: { name: string; color: string; definition: string }; update: Action; remove: Action; segmentCount: number }) {
  const [state, update] = useActionState(props.update, IDLE);
  const [removeState, remove] = useActionState(props.remove, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const n = props.segmentCount;
  return (
    <div className="stack">
      <form action={update} className="stack" aria-label={`Edit ${props.code.name}`}>
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
    </div>
  );
}
