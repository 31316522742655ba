'use client';

import { useEffect, useId, useMemo, useState, useTransition, type FormEvent } from 'react';

import { listEvidenceCandidatesAction } from '@/app/(app)/projects/[projectId]/hierarchy/network/actions';
import { MemoEditor } from '@/components/memo/memo-editor';
import { orderCodes } from '@/lib/coding/hierarchy';
import { LEVEL_NAME, LEVEL_PLURAL, type CodeLevel } from '@/lib/coding/hierarchy-types';
import { type EvidenceExcerpt, MIN_RELATION_LEVEL, PARADIGM_TYPES, RELATION_TYPE_NAME, relationProblem, relationReading, type RelationType } from '@/lib/coding/relations';
import type { ActionResult } from '@/lib/coding/workbench-types';

import styles from './relation-panel.module.css';

/** A code as the relation views need it. */
export interface RelationCode {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
}

/** What the form sends (the shape of ZRelationSchema). */
export interface RelationInput {
  fromId: string;
  toId: string;
  type: RelationType;
  customType: string;
  /** A memo document (MemoEditor's output), or undefined for none. */
  memo: unknown;
  evidenceCodingIds: string[];
}

/** Props of {@link RelationForm}. */
export interface RelationFormProps {
  projectId: string;
  /** The project's codes (all levels: the selects offer levels ≥ 2; concepts label evidence). */
  codes: readonly RelationCode[];
  /** Editing: the relation as stored, with its memo (a document, or legacy plain text) and evidence. */
  initial?: {
    fromId: string;
    toId: string;
    type: RelationType;
    customType: string;
    memo: unknown;
    evidence: readonly EvidenceExcerpt[];
  };
  /** Text of the submit button: "Add relation" or "Save relation". */
  submitLabel: string;
  /** Stores the relation (a bound server action); a failure's message is shown in the form. */
  onSubmit(input: RelationInput): Promise<ActionResult<unknown>>;
  /** Called after a successful submit. */
  onDone(input: RelationInput): void;
  /** Shows a Cancel button (editing). */
  onCancel?(): void;
}

/** Most evidence segments one relation may cite (ZRelationSchema). */
const MAX_EVIDENCE = 200;
/** Levels offered in the selects, top down. */
const SELECT_LEVELS: readonly CodeLevel[] = [4, 3, 2, 1];

/** "B3 Platform dependence" (or the name alone when the code has no label). */
export const codeTitle = (c: Pick<RelationCode, 'label' | 'name'>) => (c.label.trim() ? `${c.label} ${c.name}` : c.name);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Candidates = { key: string; items: EvidenceExcerpt[] } | { key: string; error: string };

/**
 * The form that adds or edits an axial-coding relation: From, Relation type (the five paradigm
 * types or "custom…" with a Custom type name), To, a rich-text memo and evidence. Once both
 * ends are chosen it loads the segments coded with either code or any code below them and
 * lists them as checkboxes. The rules of lib/coding/relations.ts are checked before sending;
 * the server's answer (e.g. a duplicate relation) is shown the same way, in a role="alert".
 */
export function RelationForm({ projectId, codes, initial, submitLabel, onSubmit, onDone, onCancel }: RelationFormProps) {
  const id = useId();
  const [fromId, setFromId] = useState(initial?.fromId ?? '');
  const [toId, setToId] = useState(initial?.toId ?? '');
  const [type, setType] = useState<RelationType>(initial?.type ?? PARADIGM_TYPES[0]);
  const [customType, setCustomType] = useState(initial?.customType ?? '');
  const [memo, setMemo] = useState<unknown>(initial?.memo ?? null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(initial?.evidence.map((e) => e.codingId)));
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A change collected in the user's proposal (review is on): news, not a failure. */
  const [proposed, setProposed] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const titleOf = (id: string, fallback: string) => {
    const code = byId.get(id);
    return code ? codeTitle(code) : fallback;
  };
  const groups = useMemo(() => {
    const keep = new Set([initial?.fromId, initial?.toId]);
    const offered = codes.filter((c) => c.level >= MIN_RELATION_LEVEL || keep.has(c.id));
    return SELECT_LEVELS.map((level) => ({ level, codes: orderCodes(offered.filter((c) => c.level === level)) })).filter((g) => g.codes.length > 0);
  }, [codes, initial?.fromId, initial?.toId]);
  // A memo may mention any code, concepts too (only the ends of a relation must be categories):
  // offered by level, core categories first, each labelled with its level.
  const mentions = useMemo(
    () => ({ items: SELECT_LEVELS.flatMap((level) => orderCodes(codes.filter((c) => c.level === level))).map((c) => ({ id: c.id, label: c.name, hint: LEVEL_NAME[c.level] })) }),
    [codes],
  );

  // Candidates are loaded for one pair of ends; a reply for ends no longer chosen is dropped.
  const pairKey = fromId && toId && fromId !== toId ? `${fromId} ${toId}` : '';
  useEffect(() => {
    if (!pairKey) return;
    let current = true;
    const [a, b] = pairKey.split(' ');
    listEvidenceCandidatesAction(projectId, { codeIds: [a, b] }).then(
      (result) => {
        if (current) setCandidates(result.ok ? { key: pairKey, items: result.value } : { key: pairKey, error: result.message });
      },
      () => {
        if (current) setCandidates({ key: pairKey, error: 'The segments could not be loaded; please try again.' });
      },
    );
    return () => {
      current = false;
    };
  }, [projectId, pairKey]);

  const loaded = candidates && candidates.key === pairKey ? candidates : null;
  // The relation's current evidence stays listed (first) even when the ends change, so it can be unticked.
  const shown = useMemo(() => {
    const list = [...(initial?.evidence ?? [])];
    const seen = new Set(list.map((e) => e.codingId));
    if (loaded && 'items' in loaded) for (const e of loaded.items) if (!seen.has(e.codingId)) list.push(e);
    return list;
  }, [initial?.evidence, loaded]);
  const chosen = shown.filter((e) => selected.has(e.codingId)).map((e) => e.codingId);

  function toggle(codingId: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(codingId);
      else next.delete(codingId);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = relationProblem(byId.get(fromId), byId.get(toId), { type, customType });
    if (problem) return setError(problem);
    if (chosen.length > MAX_EVIDENCE) return setError(`Cite at most ${MAX_EVIDENCE} segments as evidence (${chosen.length} are ticked).`);
    const input: RelationInput = {
      fromId,
      toId,
      type,
      customType: type === 'custom' ? customType.trim() : '',
      memo: memo ?? undefined,
      evidenceCodingIds: chosen,
    };
    setError(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await onSubmit(input);
      } catch {
        result = { ok: false, message: 'The relation could not be saved; please try again.' };
      }
      if (!result.ok && result.proposed) setProposed(result.message);
      else if (!result.ok) setError(result.message);
      else onDone(input);
    });
  }

  const codeSelect = (which: 'from' | 'to') => {
    const value = which === 'from' ? fromId : toId;
    return (
      <div className="field">
        <label htmlFor={`${id}-${which}`}>{which === 'from' ? 'From' : 'To'}</label>
        <select
          id={`${id}-${which}`}
          value={value}
          onChange={(e) => {
            setError(null);
            (which === 'from' ? setFromId : setToId)(e.target.value);
          }}
        >
          <option value="">Choose a code…</option>
          {groups.map((g) => (
            <optgroup key={g.level} label={capitalize(LEVEL_PLURAL[g.level])}>
              {g.codes.map((c) => (
                <option key={c.id} value={c.id}>
                  {codeTitle(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <div className={styles.ends}>
        {codeSelect('from')}
        <div className="field">
          <label htmlFor={`${id}-type`}>Relation type</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => {
              setError(null);
              setType(e.target.value as RelationType);
            }}
          >
            {PARADIGM_TYPES.map((t) => (
              <option key={t} value={t}>
                {RELATION_TYPE_NAME[t]}
              </option>
            ))}
            <option value="custom">custom…</option>
          </select>
        </div>
        {codeSelect('to')}
      </div>
      {type !== 'custom' && (
        <p className="hint" data-testid="relation-reading">
          Reads: {titleOf(fromId, 'From')} is {relationReading(type)} {titleOf(toId, 'To')}.
        </p>
      )}
      {type === 'custom' && (
        <div className={`field ${styles.custom}`}>
          <label htmlFor={`${id}-custom`}>Custom type</label>
          <input
            id={`${id}-custom`}
            type="text"
            value={customType}
            maxLength={80}
            placeholder="e.g. reinforces"
            onChange={(e) => {
              setError(null);
              setCustomType(e.target.value);
            }}
          />
          <span className="hint">Read as “From … To”, e.g. “B3 reinforces A2”.</span>
        </div>
      )}
      <div className="field">
        <span className={styles.fieldLabel} aria-hidden="true">
          Memo
        </span>
        <MemoEditor ariaLabel="Relation memo" value={memo} onChange={setMemo} mentions={mentions} placeholder="Why do these codes relate this way? (type @ to mention a code)" />
      </div>
      <fieldset className={styles.evidence}>
        <legend>
          Evidence{chosen.length > 0 ? ` · ${chosen.length} ticked` : ''}
        </legend>
        <EvidenceChoices pairKey={pairKey} loaded={loaded} shown={shown} selected={selected} onToggle={toggle} />
      </fieldset>
      {proposed && !error && (
        <p className={`message message-success ${styles.alert}`} role="status">
          {proposed}
        </p>
      )}
      {error && (
        <p className={`message message-error ${styles.alert}`} role="alert">
          {error}
        </p>
      )}
      <div className={styles.formActions}>
        <button type="submit" className="btn btn-sm" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function EvidenceChoices(props: {
  pairKey: string;
  loaded: Candidates | null;
  shown: readonly EvidenceExcerpt[];
  selected: ReadonlySet<string>;
  onToggle(codingId: string, on: boolean): void;
}) {
  const { pairKey, loaded, shown, selected, onToggle } = props;
  let note: string | null = null;
  let failed = false;
  if (!pairKey) note = 'Choose From and To to list the segments coded with them or the codes below them.';
  else if (!loaded) note = 'Loading segments…';
  else if ('error' in loaded) {
    note = loaded.error;
    failed = true;
  } else if (loaded.items.length === 0) note = 'No coded segments under these two codes yet.';
  else if (loaded.items.length >= MAX_EVIDENCE) note = `The ${MAX_EVIDENCE} newest segments under these two codes.`;
  return (
    <>
      {note && (
        <p className={failed ? styles.errorText : styles.hint} role={failed ? 'alert' : 'status'}>
          {note}
        </p>
      )}
      {shown.length > 0 && (
        <ul className={styles.candidates} data-testid="evidence-candidates">
          {shown.map((e) => (
            <li key={e.codingId}>
              <label className={styles.candidate}>
                <input type="checkbox" checked={selected.has(e.codingId)} onChange={(ev) => onToggle(e.codingId, ev.target.checked)} />
                <span>
                  <span className={styles.excerptMeta}>
                    {e.sourceTitle} · {codeTitle({ label: e.codeLabel, name: e.codeName })}
                  </span>
                  <span className={styles.excerptText}>“{e.text}”</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
