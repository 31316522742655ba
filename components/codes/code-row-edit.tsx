'use client';

import { useMemo, useState } from 'react';

import { deleteCodeAction, updateCodeAction } from '@/app/(app)/projects/[projectId]/codes/actions';
import type { ActionResult } from '@/lib/coding/workbench-types';
import type { CodeFields } from '@/lib/team/conflict';
import { IDLE } from '@/lib/validation/form-state';

import { EditCodeForm } from './code-forms';

/**
 * The codebook row's "Edit" disclosure. The form is rendered only once the row is opened: a
 * codebook of 2,000 codes would otherwise carry 2,000 hidden forms (and their server-action
 * fields) in its HTML and its RSC payload.
 */
export function CodeRowEdit(props: { projectId: string; code: { id: string; name: string; color: string; definition: string; version?: number }; segmentCount: number }) {
  const [open, setOpen] = useState(false);
  const { projectId, code } = props;
  const update = useMemo(() => updateCodeAction.bind(null, projectId, code.id), [projectId, code.id]);
  const remove = useMemo(() => deleteCodeAction.bind(null, projectId, code.id), [projectId, code.id]);
  // The conflict dialog's save: the chosen fields over the version that won, through the form's action.
  const saveFields = useMemo(
    () =>
      async (fields: CodeFields, baseVersion: number): Promise<ActionResult<unknown>> => {
        const data = new FormData();
        data.set('name', fields.name);
        data.set('color', fields.color);
        data.set('definition', fields.definition);
        data.set('baseVersion', String(baseVersion));
        const state = await update(IDLE, data);
        if (state.status === 'success') return { ok: true, value: null };
        if (state.status === 'error') return { ok: false, message: state.message, conflict: state.conflict };
        return { ok: false, message: 'Nothing was saved.' };
      },
    [update],
  );
  return (
    <details className="row-edit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Edit</summary>
      {open && (
        <div className="row-edit-panel card">
          <EditCodeForm code={code} segmentCount={props.segmentCount} update={update} remove={remove} saveFields={saveFields} />
        </div>
      )}
    </details>
  );
}
