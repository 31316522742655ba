'use client';

import { useActionState } from 'react';

import { createProjectAction } from '@/app/(app)/projects/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE, valueOf } from '@/lib/validation/form-state';

export function CreateProjectForm() {
  const [state, action] = useActionState(createProjectAction, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" aria-label="New project">
      <Field label="Project name" name="name" required defaultValue={valueOf(state, 'name')} maxLength={120} errors={errors?.name} placeholder="e.g. Nurses' experience of night shifts" />
      <Field label="Description" name="description" multiline defaultValue={valueOf(state, 'description')} maxLength={2000} errors={errors?.description} hint="Research question, field site, anything your team should know." />
      <FormMessage state={state} />
      <SubmitButton pendingText="Creating…">Create project</SubmitButton>
    </form>
  );
}
