import Link from 'next/link';

import type { SavedAnalysis } from '@/lib/server/data/dataset/analyses';
import { isAnalysisKind, KIND_LABELS } from '@/lib/stats/analysis-spec';

import styles from './datasets.module.css';
import { ANALYSIS_CHOICES, shortDate } from './format';

/** The dataset's saved analyses (kind, title, the version each ran on, stale or not) and links to start a new one. */
export function AnalysesPanel(props: { projectId: string; datasetId: string; analyses: SavedAnalysis[]; latestNumber: number; canWrite: boolean }) {
  const base = `/projects/${props.projectId}/data/${props.datasetId}/analyses`;
  return (
    <div className="stack">
      {props.canWrite && (
        <section className="card" aria-labelledby="new-analysis">
          <h2 id="new-analysis">New analysis</h2>
          <p className="muted">Runs on the latest version (v{props.latestNumber}) and is saved with it, so you can always see which data a result came from.</p>
          <ul className={styles.kindGrid}>
            {ANALYSIS_CHOICES.map((k) => (
              <li key={k.kind}>
                <Link className={styles.kindLink} href={`${base}/new?kind=${k.kind}`} data-testid={`new-analysis-${k.kind}`}>
                  <strong>{k.label}</strong>
                  <span>{k.hint}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="saved-analyses">
        <div className="row">
          <h2 id="saved-analyses" className="grow">
            Saved analyses
          </h2>
          {props.analyses.length > 0 && (
            <Link className="btn btn-secondary btn-sm" href={base}>
              All analyses and model comparison
            </Link>
          )}
        </div>
        {props.analyses.length === 0 ? (
          <p className="empty">No analyses yet.{props.canWrite ? ' Start one above.' : ''}</p>
        ) : (
          <table className="table" aria-label="Saved analyses">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Data</th>
                <th scope="col">Run</th>
              </tr>
            </thead>
            <tbody>
              {props.analyses.map((a) => (
                <tr key={a.id} data-testid="analysis-row">
                  <td>
                    <Link href={`${base}/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{isAnalysisKind(a.kind) ? KIND_LABELS[a.kind] : a.kind}</td>
                  <td>
                    v{a.versionNumber}{' '}
                    {a.stale && (
                      <span className={`badge ${styles.staleBadge}`} title={`Version ${props.latestNumber} is newer: open the analysis and run it again to update it.`}>
                        stale
                      </span>
                    )}
                  </td>
                  <td className="muted">
                    {shortDate(a.createdAt)}
                    {a.createdBy ? ` · ${a.createdBy}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
