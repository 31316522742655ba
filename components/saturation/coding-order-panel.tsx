'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { requestJson } from '@/components/datasets/api';

import styles from './saturation.module.css';

/**
 * The coding order: by first coding (default), or an order the team sets with the arrows
 * (e.g. the order interviews were conducted in). Saving stores positions on the sources;
 * "By first coding" clears them.
 */
export function CodingOrderPanel(props: { projectId: string; sources: Array<{ id: string; title: string }>; mode: 'first-coded' | 'user' }) {
  const router = useRouter();
  const [list, setList] = useState(props.sources);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const move = (i: number, d: -1 | 1) => {
    const next = [...list];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    setList(next);
  };
  const save = async (ids: string[]) => {
    setPending(true);
    setError(null);
    const r = await requestJson(`/api/projects/${encodeURIComponent(props.projectId)}/saturation/order`, { method: 'PUT', body: { sourceIds: ids } });
    setPending(false);
    if (!r.ok) setError(r.error);
    router.refresh();
  };
  return (
    <details>
      <summary>Change the coding order</summary>
      <ol className={styles.order} style={{ marginTop: '0.6rem' }}>
        {list.map((s, i) => (
          <li key={s.id}>
            <span className="title">
              {i + 1}. {s.title}
            </span>
            <button type="button" className="btn btn-secondary btn-sm" aria-label={`Move ${s.title} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="btn btn-secondary btn-sm" aria-label={`Move ${s.title} down`} disabled={i === list.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => save(list.map((s) => s.id))}>
          Save this order
        </button>
        {props.mode === 'user' ? (
          <button type="button" className="btn btn-link btn-sm" disabled={pending} onClick={() => save([])}>
            Back to order of first coding
          </button>
        ) : null}
        {error ? <span role="alert" className={styles.error}>{error}</span> : null}
      </div>
    </details>
  );
}
