import type { AgreementReport } from '@/lib/agreement/report';

import styles from './agreement.module.css';

/** The agreement table: one row per code and a pooled row; undefined statistics "—" with a tooltip and a numbered note. */
export function AgreementTableView({ report }: { report: AgreementReport }) {
  return (
    <>
      <div className={styles.tableWrap}>
        <table className={`table ${styles.agreementTable}`} aria-label={`Agreement: ${report.level}`} data-testid="agreement-table">
          <thead>
            <tr>
              {report.headers.map((h, i) => (
                <th key={h} scope="col" className={i > 0 ? styles.num : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.code} className={row.pooled ? styles.pooled : undefined}>
                <th scope="row" className={styles.codeCell} style={{ fontWeight: row.pooled ? 650 : 500, textAlign: 'left' }}>
                  {row.code}
                </th>
                {row.cells.map((cell, i) =>
                  cell.note ? (
                    <td key={i} className={styles.num}>
                      <span className={styles.undefined} title={`Undefined: ${report.notes[cell.note - 1]}`}>
                        —<sup>{cell.note}</sup>
                      </span>
                    </td>
                  ) : (
                    <td key={i} className={styles.num}>
                      {cell.text}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.notes.length > 0 && (
        <ol className={styles.notes} aria-label="Notes">
          {report.notes.map((n) => (
            <li key={n}>Undefined: {n}.</li>
          ))}
        </ol>
      )}
    </>
  );
}
