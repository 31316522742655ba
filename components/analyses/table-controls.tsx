'use client';

import { useId, useState } from 'react';

import type { TableChoice } from '@/lib/stats/tables/analysis-table';
import styles from './analyses.module.css';

const FORMATS: Array<{ format: string; label: string }> = [
  { format: 'docx', label: 'Word (DOCX)' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'csv', label: 'CSV' },
  { format: 'tex', label: 'LaTeX' },
  { format: 'html', label: 'HTML' },
];

/** Style (APA 7 / econometrics) and decimals (2, 3 or custom) of a publication table. */
export function useTableChoice(initial: TableChoice = { style: 'apa' }) {
  const [choice, setChoice] = useState<TableChoice>(initial);
  return [choice, setChoice] as const;
}

export function TableControls(props: { choice: TableChoice; onChange: (c: TableChoice) => void; exportUrl: (format: string) => string }) {
  const decimalsId = useId();
  const customId = useId();
  const { choice } = props;
  const defaultDecimals = choice.style === 'apa' ? 2 : 3;
  const shown = choice.decimals ?? defaultDecimals;
  const [custom, setCustom] = useState(shown !== 2 && shown !== 3);
  return (
    <div className={styles.controls}>
      <div role="radiogroup" aria-label="Table style" className={styles.segmented}>
        {(
          [
            ['apa', 'APA 7'],
            ['econ', 'Econometrics'],
          ] as const
        ).map(([style, label]) => (
          <button key={style} type="button" role="radio" aria-checked={choice.style === style} className={choice.style === style ? styles.segOn : styles.seg} onClick={() => props.onChange({ ...choice, style })}>
            {label}
          </button>
        ))}
      </div>
      <div className={styles.inline}>
        <label htmlFor={decimalsId}>Decimals</label>
        <select
          id={decimalsId}
          value={custom ? 'custom' : String(shown)}
          onChange={(e) => {
            if (e.target.value === 'custom') setCustom(true);
            else {
              setCustom(false);
              props.onChange({ ...choice, decimals: Number(e.target.value) });
            }
          }}
        >
          <option value="2">2</option>
          <option value="3">3</option>
          <option value="custom">Custom…</option>
        </select>
        {custom ? (
          <input
            id={customId}
            aria-label="Custom decimals"
            className={styles.narrow}
            type="number"
            min={0}
            max={6}
            value={shown}
            onChange={(e) => {
              const d = Number(e.target.value);
              if (Number.isInteger(d) && d >= 0 && d <= 6) props.onChange({ ...choice, decimals: d });
            }}
          />
        ) : null}
      </div>
      <div className={styles.exports} role="group" aria-label="Export table">
        <span className="muted">Export:</span>
        {FORMATS.map((f) => (
          <a key={f.format} className="btn btn-secondary btn-sm" href={props.exportUrl(f.format)} download>
            {f.label}
          </a>
        ))}
      </div>
    </div>
  );
}

/** Query string of an export for the current choice. */
export function choiceQuery(choice: TableChoice): string {
  return `style=${choice.style}&decimals=${choice.decimals ?? (choice.style === 'apa' ? 2 : 3)}`;
}
