'use client';

import Link from 'next/link';
import { useActionState } from 'react';

import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, IDLE, valueOf } from '@/lib/validation/form-state';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** Folder filter (links) and, for writers, folder creation and deletion. */
export function FolderPanel(props: {
  base: string;
  total: number;
  current?: string;
  folders: Array<{ id: string; name: string; sourceCount: number }>;
  canWrite: boolean;
  create: Action;
  remove: Record<string, Action>;
}) {
  const [state, create] = useActionState(props.create, IDLE);
  return (
    <nav aria-label="Folders" className="folder-panel">
      <ul>
        <li>
          <Link href={props.base} aria-current={!props.current ? 'page' : undefined}>
            All sources <span className="count">{props.total}</span>
          </Link>
        </li>
        {props.folders.map((f) => (
          <li key={f.id} className="folder-row">
            <Link href={`${props.base}?folder=${f.id}`} aria-current={props.current === f.id ? 'page' : undefined}>
              {f.name} <span className="count">{f.sourceCount}</span>
            </Link>
            {props.canWrite && <DeleteFolder name={f.name} action={props.remove[f.id]} />}
          </li>
        ))}
      </ul>
      {props.canWrite && (
        <form action={create} className="folder-form" aria-label="New folder">
          <label className="visually-hidden" htmlFor="new-folder">
            New folder name
          </label>
          <input id="new-folder" name="name" placeholder="New folder" maxLength={100} defaultValue={valueOf(state, 'name')} />
          <SubmitButton className="btn btn-secondary btn-sm" pendingText="…">
            Add
          </SubmitButton>
          <FormMessage state={state} />
        </form>
      )}
    </nav>
  );
}

function DeleteFolder({ name, action }: { name: string; action: Action }) {
  const [, remove] = useActionState(action, IDLE);
  return (
    <form
      action={remove}
      onSubmit={(e) => {
        if (!window.confirm(`Delete the folder “${name}”? Its sources stay in the project, unfiled.`)) e.preventDefault();
      }}
    >
      <button type="submit" className="icon-btn" aria-label={`Delete folder ${name}`} title="Delete folder">
        ×
      </button>
    </form>
  );
}
