import type { Variable } from '@/lib/datasets/types';

import styles from './datasets.module.css';
import { likertRange, TYPE_LABELS, valueLabelEntries } from './format';
import { VariableEdit } from './variable-edit';

/** Value labels shown in a row before the rest fold into "n more". */
const SHOWN_LABELS = 5;

/**
 * SPSS's Variable View: one row per variable with its name, label, type, range, value labels and
 * missing codes. With `edit` (writers, on the latest version) each row has an "Edit" that saves
 * the change as the next version.
 */
export function VariableView({ variables, edit }: { variables: readonly Variable[]; edit?: { projectId: string; datasetId: string; baseVersionId: string; latestNumber: number } }) {
  return (
    <section className="card" aria-label="Variable view">
      <div className={styles.scrollX}>
        <table className={`table ${styles.compact}`} aria-label="Variables" data-testid="variable-view">
          <thead>
            <tr>
              <th scope="col" className={styles.rowNo}>
                #
              </th>
              <th scope="col">Name</th>
              <th scope="col">Label</th>
              <th scope="col">Type</th>
              <th scope="col">Likert range</th>
              <th scope="col">Value labels</th>
              <th scope="col">Missing codes</th>
              {edit && (
                <th scope="col">
                  <span className="visually-hidden">Edit</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {variables.map((v, i) => {
              const labels = valueLabelEntries(v);
              const item = ([code, label]: [string, string]) => (
                <li key={code}>
                  <span className={styles.code}>{code}</span> {label}
                </li>
              );
              return (
                <tr key={v.name} data-testid="variable-row" data-name={v.name}>
                  <td className={styles.rowNo}>{i + 1}</td>
                  <td className={styles.varName}>{v.name}</td>
                  <td className={styles.label}>{v.label || <span className="muted">—</span>}</td>
                  <td>
                    <span className={`${styles.type} ${styles[`type_${v.type}`] ?? ''}`}>{TYPE_LABELS[v.type]}</span>
                  </td>
                  <td className={styles.num}>{likertRange(v) || <span className="muted">—</span>}</td>
                  <td>
                    {labels.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <>
                        <ul className={styles.valueLabels}>{labels.slice(0, SHOWN_LABELS).map(item)}</ul>
                        {labels.length > SHOWN_LABELS && (
                          <details className={styles.more}>
                            <summary>{labels.length - SHOWN_LABELS} more</summary>
                            <ul className={styles.valueLabels}>{labels.slice(SHOWN_LABELS).map(item)}</ul>
                          </details>
                        )}
                      </>
                    )}
                  </td>
                  <td>{v.missingCodes.length ? v.missingCodes.join(', ') : <span className="muted">—</span>}</td>
                  {edit && (
                    <td style={{ width: '1%' }}>
                      <VariableEdit {...edit} variable={v} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
