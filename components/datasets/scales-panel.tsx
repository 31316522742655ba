'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { ScaleCodeLinks, type ScaleSideLink, useDatasetLinks } from '@/components/mixed/links-scale';
import type { Scale } from '@/lib/datasets/scales/scale';
import type { ScaleReliability } from '@/lib/datasets/scales/scale-reliability';
import { nameFragment, nameProblem } from '@/lib/datasets/transform/names';
import type { Variable } from '@/lib/datasets/types';

import { datasetsApi, requestJson } from './api';
import styles from './datasets.module.css';
import { apa, count, isNumeric, likertRange, stat } from './format';

/** A scale with its reliability on the latest version, as GET …/scales answers. */
export type ScaleWithReliability = { scale: Scale; reliability: ScaleReliability | null; error?: string };

type Draft = { name: string; items: string[]; reversed: string[]; score: 'mean' | 'sum' };
const emptyDraft: Draft = { name: '', items: [], reversed: [], score: 'mean' };

/** A score variable's name from the scale's name ("Trust in shops" → trust_in_shops). */
function scoreName(scale: Scale, taken: Set<string>): string {
  let base = nameFragment(scale.name).toLowerCase().slice(0, 56);
  if (!/^[a-z]/.test(base)) base = `scale_${base}`.replace(/_$/, '');
  if (nameProblem(base)) base = 'scale_score';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

/**
 * Scales: define a construct from its items (some reverse-keyed), see its reliability (α,
 * standardised α, ω, item–total correlations, α if deleted, in APA format), and add its score
 * as a variable (a new version). Each scale lists the codes of the grounded-theory hierarchy
 * linked to it; owners and coders link it to a code (with a rationale) or remove a link.
 */
export function ScalesPanel(props: {
  projectId: string;
  datasetId: string;
  baseVersionId: string;
  latestNumber: number;
  variables: readonly Variable[];
  scales: ScaleWithReliability[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<Scale | null>(null);
  const api = `${datasetsApi(props.projectId)}/${props.datasetId}/scales`;
  const links = useDatasetLinks(props.projectId, props.datasetId);

  return (
    <div className="stack">
      {props.scales.length === 0 ? (
        <p className={props.canWrite ? 'muted' : 'card empty'} data-testid="no-scales">
          No scales yet.{props.canWrite ? ' Define one below: a name, its items, and which of them are reverse-keyed.' : ''}
        </p>
      ) : (
        props.scales.map((s) => (
          <ScaleCard
            key={s.scale.id}
            {...s}
            projectId={props.projectId}
            datasetId={props.datasetId}
            baseVersionId={props.baseVersionId}
            latestNumber={props.latestNumber}
            variables={props.variables}
            canWrite={props.canWrite}
            links={links.links}
            onLinksChanged={() => {
              links.reload();
              router.refresh();
            }}
            onEdit={() => setEditing(s.scale)}
            onDelete={async () => {
              if (!window.confirm(`Delete the scale “${s.scale.name}”? Score variables already added stay in the dataset.`)) return;
              const answer = await requestJson(`${api}/${s.scale.id}`, { method: 'DELETE' });
              if (!answer.ok) window.alert(answer.error);
              router.refresh();
            }}
          />
        ))
      )}
      {links.error && props.scales.length > 0 && (
        <p className="message message-error" role="alert">
          The linked codes could not be loaded: {links.error}
        </p>
      )}
      {props.canWrite && (
        <ScaleForm
          key={editing?.id ?? 'new'}
          api={api}
          variables={props.variables}
          editing={editing}
          onDone={() => {
            setEditing(null);
            router.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function ScaleCard(props: ScaleWithReliability & {
  projectId: string;
  datasetId: string;
  baseVersionId: string;
  latestNumber: number;
  variables: readonly Variable[];
  canWrite: boolean;
  links: ScaleSideLink[] | null;
  onLinksChanged: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { scale, reliability: r } = props;
  const router = useRouter();
  const id = useId();
  const taken = new Set(props.variables.map((v) => v.name.toLowerCase()));
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState(() => scoreName(scale, taken));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const k = scale.items.length;
  const issue = nameProblem(name) ?? (taken.has(name.toLowerCase()) ? `'${name}' already exists in this dataset` : null);

  async function addScore(e: React.FormEvent) {
    e.preventDefault();
    if (issue) {
      setMessage({ kind: 'error', text: issue });
      return;
    }
    setBusy(true);
    setMessage(null);
    const transform = {
      op: 'scaleScore',
      name,
      items: scale.items,
      ...(scale.reversed.length ? { reversed: scale.reversed } : {}),
      score: scale.score,
      scaleId: scale.id,
      label: `${scale.name} (${scale.score} of ${k} items)`,
    };
    const answer = await requestJson<{ version: { number: number } }>(`${datasetsApi(props.projectId)}/${props.datasetId}/versions`, {
      method: 'POST',
      body: { baseVersionId: props.baseVersionId, transforms: [transform], note: `Added ${name} (${scale.score} score of ${scale.name})` },
    });
    setBusy(false);
    if (!answer.ok) {
      setMessage({ kind: 'error', text: answer.error });
      return;
    }
    setMessage({ kind: 'success', text: `Added ${name} as version ${answer.data.version.number}.` });
    setAdding(false);
    router.refresh();
  }

  return (
    <section className="card" aria-labelledby={`${id}-name`} data-testid="scale-card" data-scale={scale.name}>
      <div className={styles.scaleHead}>
        <div>
          <h2 id={`${id}-name`}>{scale.name}</h2>
          <p className="muted">
            {scale.score === 'mean' ? 'Mean' : 'Sum'} of {k} items: {scale.items.map((i) => (scale.reversed.includes(i) ? `${i} (reversed)` : i)).join(', ')}
          </p>
        </div>
        {props.canWrite && (
          <div className={styles.scaleActions}>
            <button type="button" className="btn btn-secondary btn-sm" onClick={props.onEdit}>
              Edit
            </button>
            <button type="button" className="btn btn-secondary btn-sm" onClick={props.onDelete}>
              Delete
            </button>
          </div>
        )}
      </div>
      <ScaleCodeLinks projectId={props.projectId} datasetId={props.datasetId} scale={scale} links={props.links} canWrite={props.canWrite} onChanged={props.onLinksChanged} />
      {r ? (
        <>
          <dl className={styles.coefficients} data-testid="scale-coefficients">
            <div>
              <dt>Cronbach’s α</dt>
              <dd data-testid="alpha">{apa(r.alpha)}</dd>
            </div>
            <div>
              <dt>Standardised α</dt>
              <dd data-testid="std-alpha">{apa(r.standardizedAlpha)}</dd>
            </div>
            <div>
              <dt>McDonald’s ω</dt>
              <dd data-testid="omega">{apa(r.omegaTotal)}</dd>
            </div>
            <div>
              <dt>n</dt>
              <dd data-testid="scale-n">{count(r.n)}</dd>
            </div>
          </dl>
          {r.nDropped > 0 && (
            <p className="muted">
              {count(r.nDropped)} {r.nDropped === 1 ? 'row was' : 'rows were'} left out for a missing item (listwise).
            </p>
          )}
          <div className={styles.scrollX}>
            <table className={`table ${styles.compact} ${styles.statTable}`} aria-label={`Items of ${scale.name}`}>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className={styles.numHead}>
                    <i>M</i>
                  </th>
                  <th scope="col" className={styles.numHead}>
                    <i>SD</i>
                  </th>
                  <th scope="col" className={styles.numHead}>
                    Item–total <i>r</i>
                  </th>
                  <th scope="col" className={styles.numHead}>
                    α if deleted
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.items.map((it) => (
                  <tr key={it.name}>
                    <td>
                      {it.name}
                      {it.reversed && <span className={styles.reversedBadge}>reversed</span>}
                    </td>
                    <td className={styles.num}>{stat(it.mean)}</td>
                    <td className={styles.num}>{stat(it.sd)}</td>
                    <td className={`${styles.num}${it.itemTotalCorrelation < 0.3 ? ` ${styles.weak}` : ''}`}>{apa(it.itemTotalCorrelation)}</td>
                    <td className={`${styles.num}${it.alphaIfDeleted !== null && it.alphaIfDeleted > r.alpha ? ` ${styles.weak}` : ''}`}>{apa(it.alphaIfDeleted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint muted">
            Reversed items are scored as min + max − x before everything else. Amber: an item–total <i>r</i> below .30, or an α that would rise without the item. Computed on
            the {count(r.n)} rows with every item answered.
          </p>
          {r.warnings.length > 0 && (
            <ul className={styles.warnings}>
              {r.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="message message-error" data-testid="scale-error">
          Reliability cannot be computed: {props.error ?? 'unknown problem'}.
        </p>
      )}
      {props.canWrite &&
        (adding ? (
          <form className={styles.inlineForm} onSubmit={addScore}>
            <div className="field">
              <label htmlFor={`${id}-score`}>Score variable name</label>
              <input id={`${id}-score`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={issue ? true : undefined} />
            </div>
            <button type="submit" className="btn" disabled={busy}>
              {busy ? 'Adding…' : `Add as version ${props.latestNumber + 1}`}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <div className={styles.formActions}>
            <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>
              Add score variable
            </button>
          </div>
        ))}
      {message && (
        <p className={`message message-${message.kind}`} data-testid={message.kind === 'error' ? 'scale-score-error' : 'scale-score-saved'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function ScaleForm(props: { api: string; variables: readonly Variable[]; editing: Scale | null; onDone: () => void; onCancel: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => (props.editing ? { name: props.editing.name, items: [...props.editing.items], reversed: [...props.editing.reversed], score: props.editing.score } : emptyDraft));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = props.variables.filter(isNumeric);

  const toggleItem = (name: string, on: boolean) =>
    setDraft((d) => ({ ...d, items: on ? [...d.items, name] : d.items.filter((n) => n !== name), reversed: on ? d.reversed : d.reversed.filter((n) => n !== name) }));
  const toggleReversed = (name: string, on: boolean) => setDraft((d) => ({ ...d, reversed: on ? [...d.reversed, name] : d.reversed.filter((n) => n !== name) }));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!draft.name.trim()) return setError('Name the scale.');
    if (draft.items.length < 2) return setError('Choose at least two items.');
    setBusy(true);
    setError(null);
    const body = { name: draft.name.trim(), items: draft.items, reversed: draft.reversed.filter((r) => draft.items.includes(r)), score: draft.score };
    const answer = await requestJson(props.editing ? `${props.api}/${props.editing.id}` : props.api, { method: props.editing ? 'PUT' : 'POST', body });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setDraft(emptyDraft);
    props.onDone();
  }

  return (
    <form className="card stack" onSubmit={save} aria-labelledby={`${id}-title`} data-testid="scale-form">
      <div>
        <h2 id={`${id}-title`}>{props.editing ? `Edit “${props.editing.name}”` : 'Define a scale'}</h2>
        <p className="muted">Choose the items (numeric or Likert variables) and mark the reverse-keyed ones. α and ω are computed on the latest version.</p>
      </div>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Scale name</label>
          <input id={`${id}-name`} value={draft.name} maxLength={120} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} placeholder="e.g. Trust in online shops" />
        </div>
        <div className={styles.inlineChoice}>
          <span>Score:</span>
          <label>
            <input type="radio" name={`${id}-score`} checked={draft.score === 'mean'} onChange={() => setDraft((d) => ({ ...d, score: 'mean' }))} /> mean
          </label>
          <label>
            <input type="radio" name={`${id}-score`} checked={draft.score === 'sum'} onChange={() => setDraft((d) => ({ ...d, score: 'sum' }))} /> sum
          </label>
        </div>
      </div>
      {candidates.length < 2 ? (
        <p className="muted">A scale needs at least two numeric or Likert variables; this dataset has {candidates.length}.</p>
      ) : (
        <fieldset className={styles.itemsPicker}>
          <legend>
            Items <span className="muted">({draft.items.length} chosen{draft.reversed.length ? `, ${draft.reversed.length} reversed` : ''})</span>
          </legend>
          <table className={`table ${styles.compact}`}>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Reverse-keyed</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((v) => {
                const chosen = draft.items.includes(v.name);
                return (
                  <tr key={v.name} data-testid="scale-item" data-name={v.name}>
                    <td>
                      <label className={styles.check}>
                        <input type="checkbox" aria-label={`Item ${v.name}`} checked={chosen} onChange={(e) => toggleItem(v.name, e.target.checked)} /> <span className={styles.varName}>{v.name}</span>
                        {v.label && <span className="muted"> — {v.label}</span>}
                      </label>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Reverse ${v.name}`}
                        disabled={!chosen || v.type !== 'likert'}
                        title={v.type !== 'likert' ? 'Only Likert items can be reversed: their range says what min + max is.' : undefined}
                        checked={draft.reversed.includes(v.name)}
                        onChange={(e) => toggleReversed(v.name, e.target.checked)}
                      />
                    </td>
                    <td className="muted">{v.type === 'likert' ? `Likert ${likertRange(v)}` : 'Numeric'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      )}
      <div className={styles.formActions}>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Saving…' : props.editing ? 'Save changes' : 'Save scale'}
        </button>
        {props.editing && (
          <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <div className="message message-error" role="alert" data-testid="scale-form-error">
          {error}
        </div>
      )}
    </form>
  );
}
