'use client';

import type { RunProgress } from './run-analysis';
import styles from './analyses.module.css';

const STAGES: Record<string, string> = { started: 'Estimating…', bootstrap: 'Bootstrap' };

/** Progress of a run: a bar with "1,200 of 5,000 bootstrap draws" when the run reports draws. */
export function RunProgressView(props: { progress: RunProgress | null; onCancel: () => void }) {
  const p = props.progress;
  const counted = p?.total !== undefined && p.done !== undefined;
  const text = counted ? `${(p.done ?? 0).toLocaleString('en-US')} of ${(p.total ?? 0).toLocaleString('en-US')} bootstrap draws` : (STAGES[p?.stage ?? ''] ?? (p ? `${p.stage}…` : 'Starting…'));
  return (
    <div className={styles.progress} role="status" aria-live="polite" data-testid="run-progress">
      <div className={styles.progressHead}>
        <span data-testid="run-progress-text">{text}</span>
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {counted ? <progress max={p!.total} value={p!.done} aria-label="Bootstrap draws" /> : <progress aria-label="Running" />}
    </div>
  );
}
