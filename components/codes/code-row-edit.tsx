'use client';

import { useMemo, useState } from 'react';

import { deleteCodeAction, updateCodeAction } from '@/app/(app)/projects/[projectId]/codes/actions';

import { EditCodeForm } from './code-forms';

/**
 * The codebook row's "Edit" disclosure. The form is rendered only once the row is opened: a
 * codebook of 2,000 codes would otherwise carry 2,000 hidden forms (and their server-action
 * fields) in its HTML and its RSC payload.
 */
export function CodeRowEdit(props: { projectId: string; code: { id: string; name: string; color: string; definition: string }; segmentCount: number }) {
  const [open, setOpen] = useState(false);
  const { projectId, code } = props;
  const update = useMemo(() => updateCodeAction.bind(null, projectId, code.id), [projectId, code.id]);
  const remove = useMemo(() => deleteCodeAction.bind(null, projectId, code.id), [projectId, code.id]);
  return (
    <details className="row-edit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Edit</summary>
      {open && (
        <div className="row-edit-panel card">
          <EditCodeForm code={code} segmentCount={props.segmentCount} update={update} remove={remove} />
        </div>
      )}
    </details>
  );
}
