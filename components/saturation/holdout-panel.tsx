'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { requestJson } from '@/components/datasets/api';
import { LEVEL_NAME } from '@/lib/coding/hierarchy-types';
import { relationLabelOf } from '@/lib/coding/relations';
import type { HoldOutReport } from '@/lib/saturation/holdout';

import styles from './saturation.module.css';

export interface HoldOutSourceOption {
  id: string;
  title: string;
  kind: string;
  saturationTest: boolean;
  /** Has codings already (a poor choice for a test source unless they came after the snapshot). */
  coded: boolean;
}

const KIND: Record<string, string> = { literature: 'article', interview: 'interview', fieldnote: 'field note', document: 'document', other: 'other' };
const codeText = (c: { label: string; name: string }) => (c.label ? `${c.label} ${c.name}` : c.name);

/**
 * The hold-out saturation test: choose the test sources (marking the first ones snapshots the
 * hierarchy), then, once they are coded, the verdict and every new concept, category, main
 * category and relation per test source, linked to the codes and sources.
 */
export function HoldOutPanel(props: { projectId: string; sources: HoldOutSourceOption[]; report: HoldOutReport | null; canEdit: boolean; exportQuery: string }) {
  const router = useRouter();
  const base = `/projects/${props.projectId}`;
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(props.sources.filter((s) => s.saturationTest).map((s) => s.id)));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const current = new Set(props.sources.filter((s) => s.saturationTest).map((s) => s.id));
  const toAdd = [...chosen].filter((id) => !current.has(id));
  const toRemove = [...current].filter((id) => !chosen.has(id));

  const save = async (newSnapshot = false) => {
    if (newSnapshot && !window.confirm('Take a new snapshot of today’s hierarchy? What the test sources added so far will then no longer count as new.')) return;
    setPending(true);
    setError(null);
    const url = `/api/projects/${encodeURIComponent(props.projectId)}/saturation/test-set`;
    for (const [ids, test] of [
      [toRemove, false],
      [newSnapshot && toAdd.length === 0 ? [...chosen] : toAdd, true],
    ] as const) {
      if (ids.length === 0) continue;
      const r = await requestJson(url, { method: 'POST', body: { sourceIds: ids, test, newSnapshot } });
      if (!r.ok) {
        setError(r.error);
        break;
      }
    }
    setPending(false);
    router.refresh();
  };

  return (
    <>
      {props.canEdit ? (
        <fieldset className="card" style={{ padding: '0.9rem 1rem' }}>
          <legend style={{ fontWeight: 600 }}>Test set</legend>
          <p className={styles.intro}>
            Choose sources you have <strong>not coded yet</strong>. Saving the first test sources takes a snapshot of the hierarchy; code them afterwards and this report lists
            what they added.
          </p>
          <ul className={styles.chooser} aria-label="Sources for the test set">
            {props.sources.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(s.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(s.id);
                      else next.delete(s.id);
                      setChosen(next);
                    }}
                  />
                  <span>
                    {s.title} <span className="muted">({KIND[s.kind] ?? s.kind}{s.coded && !s.saturationTest ? ', already coded' : ''})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <button type="button" className="btn" disabled={pending || (toAdd.length === 0 && toRemove.length === 0)} onClick={() => save()}>
              {current.size === 0 ? 'Mark as test set and take snapshot' : 'Save test set'}
            </button>
            {props.report ? (
              <button type="button" className="btn btn-secondary" disabled={pending || chosen.size === 0} onClick={() => save(true)}>
                Take a new snapshot
              </button>
            ) : null}
            {error ? (
              <span role="alert" className={styles.error}>
                {error}
              </span>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      {props.report ? (
        <div data-testid="holdout-report" style={{ marginTop: '0.9rem' }}>
          <p className="muted" style={{ fontSize: '0.85rem', margin: 0 }}>
            Snapshot of the hierarchy taken <time dateTime={props.report.snapshotAt}>{props.report.snapshotAt.slice(0, 16).replace('T', ' ')} UTC</time>.
          </p>
          <p className={styles.verdict} data-testid="holdout-verdict">
            {props.report.verdict}
          </p>
          <div className={styles.actions}>
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${props.projectId}/saturation/export?format=docx${props.exportQuery}`} download>
              Export report (Word)
            </a>
            <a className="btn btn-secondary btn-sm" href={`/api/projects/${props.projectId}/saturation/export?format=csv${props.exportQuery}`} download>
              Export report (CSV)
            </a>
          </div>
          <ul className={styles.perSource} aria-label="New in each test source">
            {props.report.sources.map((s) => (
              <li key={s.sourceId}>
                <h3>
                  <Link href={`${base}/sources/${s.sourceId}`}>{s.title}</Link> <span className="muted">({KIND[s.kind] ?? s.kind})</span>
                </h3>
                {!s.coded ? <p className={styles.nothing}>Not coded yet.</p> : s.newCodes.length === 0 && s.newRelations.length === 0 ? <p className={styles.nothing}>Nothing new.</p> : null}
                {s.newCodes.length || s.newRelations.length ? (
                  <ul className={styles.items}>
                    {s.newCodes.map((c) => (
                      <li key={c.id}>
                        New {LEVEL_NAME[c.level]} <Link href={`${base}/codes/${c.id}`}>{codeText(c)}</Link>
                        {c.parent ? (
                          <span className="muted">
                            {' '}
                            — {c.parentExisted ? 'absorbed into' : 'under'} <Link href={`${base}/codes/${c.parent.id}`}>{codeText(c.parent)}</Link>
                          </span>
                        ) : null}
                      </li>
                    ))}
                    {s.newRelations.map((r) => (
                      <li key={r.id}>
                        New relation <Link href={`${base}/codes/${r.from.id}`}>{codeText(r.from)}</Link> → <Link href={`${base}/codes/${r.to.id}`}>{codeText(r.to)}</Link>{' '}
                        <span className="muted">({relationLabelOf(r)})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {s.codedBeforeSnapshot ? <p className={styles.warn}>Some codings of this source are older than the snapshot: it was not fully held out.</p> : null}
              </li>
            ))}
          </ul>
          {props.report.elsewhere.codes.length || props.report.elsewhere.relations.length ? (
            <p className="muted" style={{ fontSize: '0.88rem' }}>
              Also new since the snapshot, but not from a test source (regrouping, or other sources):{' '}
              {[...props.report.elsewhere.codes.map((c) => `${LEVEL_NAME[c.level]} ${codeText(c)}`), ...props.report.elsewhere.relations.map((r) => `${codeText(r.from)} → ${codeText(r.to)}`)].join('; ')}.
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">No test set yet: there is no snapshot to compare with.</p>
      )}
    </>
  );
}
