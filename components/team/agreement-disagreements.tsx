'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import type { ActionResult } from '@/lib/coding/workbench-types';

import styles from './agreement.module.css';

export interface DisagreementItem {
  key: string;
  sourceId: string;
  sourceTitle: string;
  codeName: string;
  codeLabel: string;
  start: number;
  end: number;
  a: Array<{ codingId: string; start: number; end: number; text: string }>;
  b: Array<{ codingId: string; start: number; end: number; text: string }>;
}

type Decision = 'keep_a' | 'keep_b' | 'keep_both' | 'merge';

/**
 * Disagreeing segments of two coders side by side, with Keep one / Keep both / Merge for
 * owners and reviewers (each recorded; the page reloads the list after).
 */
export function AgreementDisagreements(props: {
  projectId: string;
  items: DisagreementItem[];
  coderA: string;
  coderB: string;
  canResolve: boolean;
  resolve: (input: { a: string[]; b: string[]; decision: Decision; note?: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  if (props.items.length === 0) return <p className="muted">No disagreements between {props.coderA} and {props.coderB} at this level: nothing to resolve.</p>;
  return (
    <ol className={styles.list} aria-label="Disagreements">
      {props.items.map((item) => (
        <Item key={item.key} item={item} {...props} />
      ))}
    </ol>
  );
}

function Side({ name, segments }: { name: string; segments: DisagreementItem['a'] }) {
  return (
    <div className={styles.side}>
      <h4>{name}</h4>
      {segments.length === 0 ? (
        <p className={styles.none}>Did not code this passage with this code.</p>
      ) : (
        segments.map((s) => (
          <p key={s.codingId} className={styles.segment}>
            <mark>{s.text}</mark> <span className={styles.loc}>(characters {s.start + 1}–{s.end})</span>
          </p>
        ))
      )}
    </div>
  );
}

function Item({ item, projectId, coderA, coderB, canResolve, resolve }: { item: DisagreementItem; projectId: string; coderA: string; coderB: string; canResolve: boolean; resolve: Parameters<typeof AgreementDisagreements>[0]['resolve'] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const code = item.codeLabel ? `${item.codeLabel} ${item.codeName}` : item.codeName;
  const act = (decision: Decision) =>
    start(async () => {
      setError(null);
      const result = await resolve({ a: item.a.map((s) => s.codingId), b: item.b.map((s) => s.codingId), decision, note: note.trim() || undefined });
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  const both = item.a.length > 0 && item.b.length > 0;
  const owner = item.a.length > 0 ? coderA : coderB;
  return (
    <li className={styles.item} data-testid="disagreement">
      <div className={styles.itemHead}>
        <h3>{code}</h3>
        <span className={styles.where}>
          <a href={`/projects/${projectId}/sources/${item.sourceId}`}>{item.sourceTitle}</a>, characters {item.start + 1}–{item.end}
        </span>
      </div>
      <div className={styles.sides}>
        <Side name={coderA} segments={item.a} />
        <Side name={coderB} segments={item.b} />
      </div>
      {canResolve && (
        <div className={styles.actions}>
          <input className={styles.note} aria-label="Note on this decision (optional)" placeholder="Note on this decision (optional)" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          {both ? (
            <>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => act('keep_a')} title={`Removes ${coderB}’s coding here`}>
                Keep {coderA}’s
              </button>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => act('keep_b')} title={`Removes ${coderA}’s coding here`}>
                Keep {coderB}’s
              </button>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => act('keep_both')} title="Both codings stay; the decision is recorded">
                Keep both
              </button>
              <button type="button" className="btn btn-sm" disabled={pending} onClick={() => act('merge')} title={`One coding by ${coderA} spanning both replaces them`}>
                Merge
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => act(item.a.length ? 'keep_a' : 'keep_b')} title="The coding stays; the decision is recorded">
                Keep {owner}’s coding
              </button>
              <button type="button" className="btn btn-secondary btn-sm" disabled={pending} onClick={() => act(item.a.length ? 'keep_b' : 'keep_a')} title="The coding is removed; the decision is recorded">
                Remove {owner}’s coding
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
