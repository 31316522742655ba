'use client';

import { useActionState } from 'react';

import { FormMessage } from '@/components/ui/form-message';
import { RoleBadge } from '@/components/ui/role-badge';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import { type FormState, IDLE } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

export function MemberRow(props: {
  member: { userId: string; name: string; email: string; role: Role };
  isSelf: boolean;
  canManage: boolean;
  changeRole: Action;
  remove: Action;
}) {
  const { member, isSelf, canManage } = props;
  const [roleState, roleAction] = useActionState(props.changeRole, IDLE);
  const [removeState, removeAction] = useActionState(props.remove, IDLE);
  const state = removeState.status !== 'idle' ? removeState : roleState;
  return (
    <tr data-testid={`member-${member.email}`}>
      <td>
        <strong>{member.name}</strong>
        {isSelf && <span className="muted"> (you)</span>}
        <div className="muted" style={{ fontSize: '0.85rem' }}>
          {member.email}
        </div>
        <FormMessage state={state} />
      </td>
      <td>
        {canManage ? (
          <form action={roleAction} className="inline-form">
            <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
              Role of {member.name}
            </label>
            <select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-secondary btn-sm">
              Save
            </button>
          </form>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      <td style={{ textAlign: 'right' }}>
        {(canManage || isSelf) && (
          <form
            action={removeAction}
            className="inline-form"
            onSubmit={(e) => {
              const question = isSelf ? 'Leave this project? You will lose access to it.' : `Remove ${member.name} from this project?`;
              if (!window.confirm(question)) e.preventDefault();
            }}
          >
            <button type="submit" className="btn btn-secondary btn-sm">
              {isSelf ? 'Leave project' : 'Remove'}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
