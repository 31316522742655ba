'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import type { HitUnit } from '@/lib/search/expand';
import type { TSearchFilters } from '@/lib/search/schemas';

import styles from './search.module.css';

/** Props of {@link CodeHitsPanel}. */
export interface CodeHitsPanelProps {
  projectId: string;
  query: string;
  filters: TSearchFilters;
  codes: ReadonlyArray<{ id: string; name: string; label?: string }>;
  /** Hits in all searched sources (for the heading). */
  totalHits: number;
}

type Plan = { hits: number; codings: number; sources: number; duplicates: number };

const UNIT_LABEL: Record<HitUnit, string> = { hit: 'the hits', paragraph: "each hit's paragraph", turn: "each hit's speaker turn" };

async function post(projectId: string, body: unknown): Promise<Plan> {
  const res = await fetch(`/api/projects/${projectId}/search/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as Plan & { error?: string };
  if (!res.ok) throw new Error(json.error ?? 'Could not code the hits.');
  return json;
}

/**
 * "Code all hits": choose a code and what to code (the hits, or each hit's paragraph or speaker
 * turn); a confirmation states how many codings will be created in how many sources (ranges
 * already coded with that code by this user are skipped) before anything is stored.
 */
export function CodeHitsPanel({ projectId, query, filters, codes, totalHits }: CodeHitsPanelProps) {
  const router = useRouter();
  const codeSelect = useId();
  const [codeId, setCodeId] = useState('');
  const [unit, setUnit] = useState<HitUnit>('hit');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const code = codes.find((c) => c.id === codeId);

  async function review() {
    if (!codeId) return setMessage({ kind: 'error', text: 'Choose a code first.' });
    setBusy(true);
    setMessage(null);
    try {
      setPlan(await post(projectId, { query, filters, codeId, unit, dryRun: true }));
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      const done = await post(projectId, { query, filters, codeId, unit, dryRun: false });
      setPlan(null);
      setMessage({
        kind: 'success',
        text: `Created ${done.codings} ${done.codings === 1 ? 'coding' : 'codings'} of “${code?.name ?? 'the code'}” in ${done.sources} ${done.sources === 1 ? 'source' : 'sources'}${done.duplicates ? ` (${done.duplicates} already coded, skipped)` : ''}.`,
      });
      router.refresh();
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  if (codes.length === 0) {
    return <p className="muted">Create a code in the Codebook to code these hits.</p>;
  }
  return (
    <div className={styles.codePanel} data-testid="code-hits">
      <h2>Code the {totalHits === 1 ? 'hit' : `${totalHits} hits`}</h2>
      <div className={styles.codeRow}>
        <div className={styles.filterField}>
          <label htmlFor={codeSelect}>Code to apply</label>
          <select id={codeSelect} value={codeId} onChange={(e) => (setCodeId(e.target.value), setPlan(null))} disabled={busy}>
            <option value="">Choose a code…</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label ? `${c.label} ${c.name}` : c.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={styles.units} disabled={busy}>
          <legend>What to code</legend>
          <div className={styles.unitChoices}>
            {(['hit', 'paragraph', 'turn'] as const).map((u) => (
              <label key={u}>
                <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => (setUnit(u), setPlan(null))} />
                {u === 'hit' ? 'Each hit (the matched words)' : u === 'paragraph' ? "Each hit's paragraph" : "Each hit's speaker turn"}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="button" className="btn" onClick={review} disabled={busy || !!plan}>
          Code all hits…
        </button>
      </div>
      {unit === 'turn' && <p className={styles.hint}>Sources without speaker turns (pasted text, documents) get the hit&apos;s paragraph instead.</p>}
      {plan && (
        <div className={styles.confirm} role="alertdialog" aria-labelledby="code-hits-heading" aria-describedby="code-hits-desc">
          <h3 id="code-hits-heading">Code {UNIT_LABEL[unit]} with “{code?.name}”?</h3>
          <p id="code-hits-desc" data-testid="code-hits-plan">
            {plan.codings === 0
              ? `All ${plan.duplicates} ${plan.duplicates === 1 ? 'range is' : 'ranges are'} already coded with this code by you: nothing to add.`
              : `This will create ${plan.codings} ${plan.codings === 1 ? 'coding' : 'codings'} in ${plan.sources} ${plan.sources === 1 ? 'source' : 'sources'}${plan.duplicates ? `; ${plan.duplicates} already coded by you ${plan.duplicates === 1 ? 'is' : 'are'} skipped` : ''}.`}
          </p>
          <div className="row">
            {plan.codings > 0 && (
              <button type="button" className="btn" onClick={confirm} disabled={busy}>
                Create {plan.codings} {plan.codings === 1 ? 'coding' : 'codings'}
              </button>
            )}
            <button type="button" className="btn btn-secondary" onClick={() => setPlan(null)} disabled={busy} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
