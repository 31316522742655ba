'use client';

import { useActionState, useState } from 'react';

import { signUpAction } from '@/app/(auth)/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { IDLE, valueOf } from '@/lib/validation/form-state';

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  // React resets a form after its action runs; the server never sends a password back
  // (lib/validation/form-state.ts), so the typed password is kept here, in the browser, as a
  // controlled value: a "too short" or "email taken" error does not make the user retype it.
  const [password, setPassword] = useState('');
  return (
    <form action={action} className="stack" noValidate>
      <Field label="Name" name="name" autoComplete="name" required defaultValue={valueOf(state, 'name')} errors={errors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={valueOf(state, 'email')} errors={errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
        errors={errors?.password}
      />
      <FormMessage state={state} />
      <SubmitButton className="btn btn-block" pendingText="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
