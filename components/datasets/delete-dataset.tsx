'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

import { datasetsApi, requestJson } from './api';
import styles from './datasets.module.css';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * "Delete dataset" (owners): a modal dialog says what goes with it — every version, the scales,
 * the saved analyses and the links to codes — before the DELETE is sent.
 */
export function DeleteDataset(props: { projectId: string; datasetId: string; name: string; versions: number; scales: number; analyses: number; links: number }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    const res = await requestJson<void>(`${datasetsApi(props.projectId)}/${encodeURIComponent(props.datasetId)}`, { method: 'DELETE' });
    if (!res.ok) {
      setBusy(false);
      setError(res.error);
      return;
    }
    router.push(`/projects/${props.projectId}/data`);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => ref.current?.showModal()}>
        Delete dataset
      </button>
      <dialog ref={ref} className={styles.dialog} aria-labelledby={`${id}-title`} data-testid="delete-dataset-dialog">
        <div className={styles.dialogInner}>
          <h2 id={`${id}-title`}>Delete “{props.name}”?</h2>
          <p>This cannot be undone. Deleted with it:</p>
          <ul data-testid="delete-dataset-counts">
            <li>{plural(props.versions, 'version', 'versions')}</li>
            <li>{plural(props.scales, 'scale', 'scales')}</li>
            <li>{plural(props.analyses, 'saved analysis', 'saved analyses')}</li>
            <li>{plural(props.links, 'link to a code', 'links to codes')}</li>
          </ul>
          <p className="muted">The codes themselves and their codings stay.</p>
          {error && (
            <div className="message message-error" role="alert">
              {error}
            </div>
          )}
          <div className={styles.dialogFoot}>
            <button type="button" className="btn btn-secondary" autoFocus onClick={() => ref.current?.close()} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
              {busy ? 'Deleting…' : 'Delete dataset and all its versions'}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
