'use client';

import { useRouter } from 'next/navigation';
import { useId } from 'react';

import styles from './datasets.module.css';

/**
 * The version being viewed, with every version's history line and size ("v3 · Added log_income
 * · by Ana · 6 Dec 2026 · 12 variables"). Choosing one opens its address (?v=3), so the view can
 * be linked to.
 */
export function VersionPicker(props: { versions: Array<{ number: number; label: string; variableCount: number; href: string }>; current: number; latest: number }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className={styles.picker}>
      <label htmlFor={id}>Version</label>
      <select
        id={id}
        value={props.current}
        data-testid="version-picker"
        onChange={(e) => {
          const chosen = props.versions.find((v) => v.number === Number(e.target.value));
          if (chosen) router.push(chosen.href);
        }}
      >
        {props.versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.label} · {v.variableCount.toLocaleString('en-GB')} {v.variableCount === 1 ? 'variable' : 'variables'}
            {v.number === props.latest ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
