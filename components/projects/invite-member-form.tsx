'use client';

import { useActionState } from 'react';

import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

export function InviteMemberForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" aria-label="Invite a member">
      <div className="row">
        <div className="grow">
          <Field label="Email of a registered user" name="email" type="email" required defaultValue={valueOf(state, 'email')} errors={errors?.email} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue={valueOf(state, 'role') ?? 'coder'}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingText="Inviting…">Invite</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
