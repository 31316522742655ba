'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';

import styles from './saturation.module.css';

/**
 * Guest et al.'s three parameters as a small form; applying them reloads the page with
 * ?base=&run=&threshold= (threshold in percent), so the numbers are computed on the server
 * and the URL can be shared.
 */
export function GuestParams(props: { base: number; run: number; threshold: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const [base, setBase] = useState(String(props.base));
  const [run, setRun] = useState(String(props.run));
  const [threshold, setThreshold] = useState(String(props.threshold));
  const [pending, setPending] = useState(false);

  return (
    <form
      className={styles.params}
      aria-label="Saturation parameters"
      onSubmit={(e) => {
        e.preventDefault();
        setPending(true);
        const q = new URLSearchParams({ base, run, threshold });
        router.push(`${pathname}?${q}`);
        router.refresh();
        setTimeout(() => setPending(false), 300);
      }}
    >
      <div className="field">
        <label htmlFor="guest-base">Base size</label>
        <input id="guest-base" type="number" min={1} step={1} required value={base} onChange={(e) => setBase(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="guest-run">Run length</label>
        <input id="guest-run" type="number" min={1} step={1} required value={run} onChange={(e) => setRun(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="guest-threshold">New-information threshold (≤ %)</label>
        <input id="guest-threshold" type="number" min={0} max={100} step="any" required value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        Recalculate
      </button>
    </form>
  );
}
