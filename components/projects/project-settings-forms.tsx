'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PROJECT_LANGUAGES } from '@/lib/text/collation';
import { type FormState, IDLE } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function ProjectSettingsForms(props: { name: string; description: string; corePrefix: string; language: string; update: Action; remove: Action }) {
  const [updateState, update] = useActionState(props.update, IDLE);
  const [removeState, remove] = useActionState(props.remove, IDLE);
  const updateErrors = updateState.status === 'error' ? updateState.fieldErrors : undefined;
  const removeErrors = removeState.status === 'error' ? removeState.fieldErrors : undefined;
  return (
    <>
      <section className="card">
        <h2>Details</h2>
        <form action={update} className="stack">
          <Field label="Project name" name="name" defaultValue={props.name} required maxLength={120} errors={updateErrors?.name} />
          <Field label="Description" name="description" multiline defaultValue={props.description} maxLength={2000} errors={updateErrors?.description} />
          <Field
            label="Label prefix for core categories"
            name="corePrefix"
            defaultValue={props.corePrefix}
            required
            maxLength={8}
            hint="Concepts are numbered C1…, categories B1…, main categories A1…; core categories take this prefix. Changing it relabels core categories that use the old one."
            errors={updateErrors?.corePrefix}
          />
          <div className="field">
            <label htmlFor="project-language">Language of the codebook</label>
            <select id="project-language" name="language" defaultValue={props.language} aria-describedby="project-language-hint">
              {PROJECT_LANGUAGES.map((l) => (
                <option key={l.tag} value={l.tag}>
                  {l.label}
                </option>
              ))}
            </select>
            <span id="project-language-hint" className="hint">
              The workbench&apos;s codebook sorts code names in this language, ignoring case (Chinese by pinyin or by stroke count).
            </span>
            {updateErrors?.language?.length ? (
              <ul className="errors">
                {updateErrors.language.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <FormMessage state={updateState} />
          <SubmitButton pendingText="Saving…">Save</SubmitButton>
        </form>
      </section>
      <section className="card danger-zone">
        <h2>Delete project</h2>
        <p className="muted">Deletes the project and everything in it for every member. This cannot be undone.</p>
        <form action={remove} className="stack">
          <Field label='Type "delete" to confirm' name="confirm" autoComplete="off" errors={removeErrors?.confirm} />
          <FormMessage state={removeState} />
          <SubmitButton className="btn btn-danger" pendingText="Deleting…">
            Delete project
          </SubmitButton>
        </form>
      </section>
    </>
  );
}
