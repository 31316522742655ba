'use client';

import { useActionState } from 'react';

import { signInAction } from '@/app/(auth)/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE, valueOf } from '@/lib/validation/form-state';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState(signInAction, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={valueOf(state, 'email')} errors={errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <FormMessage state={state} />
      <SubmitButton className="btn btn-block" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
