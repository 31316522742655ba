'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

import { nameFragment, nameProblem } from '@/lib/datasets/transform/names';
import type { Variable } from '@/lib/datasets/types';

import { datasetsApi, requestJson } from './api';
import styles from './datasets.module.css';
import { isNumeric, likertRange, TYPE_LABELS, valueLabelEntries } from './format';

type Op = 'log' | 'standardize' | 'center' | 'reverse' | 'recode' | 'dummy' | 'interaction' | 'lag' | 'lead' | 'diff' | 'scaleScore';

const OPS: Array<{ group: string; ops: Array<{ op: Op; label: string; hint: string }> }> = [
  {
    group: 'Transform',
    ops: [
      { op: 'log', label: 'Logarithm', hint: 'ln(x), log10 or log2, with an optional offset' },
      { op: 'standardize', label: 'Standardise (z)', hint: '(x − M) / SD, as SPSS DESCRIPTIVES /SAVE' },
      { op: 'center', label: 'Centre', hint: 'x − M, on the grand mean or within groups' },
      { op: 'reverse', label: 'Reverse-code', hint: 'min + max − x (Likert range)' },
    ],
  },
  {
    group: 'Recode',
    ops: [
      { op: 'recode', label: 'Recode values', hint: 'Old values or ranges → new values' },
      { op: 'dummy', label: 'Dummy variables', hint: 'One 0/1 variable per category but the reference' },
    ],
  },
  {
    group: 'Combine',
    ops: [
      { op: 'interaction', label: 'Interaction', hint: 'x × w, optionally mean-centred first' },
      { op: 'scaleScore', label: 'Scale score', hint: 'Mean or sum of items, some reversed' },
    ],
  },
  {
    group: 'Panel',
    ops: [
      { op: 'lag', label: 'Lag', hint: 'x at t − k of the same entity' },
      { op: 'lead', label: 'Lead', hint: 'x at t + k of the same entity' },
      { op: 'diff', label: 'Difference', hint: 'x(t) − x(t − k) within entity' },
    ],
  },
];
const OP_LABELS = Object.fromEntries(OPS.flatMap((g) => g.ops.map((o) => [o.op, o.label]))) as Record<Op, string>;

type Rule = { kind: 'value' | 'range'; value: string; min: string; max: string; to: string };
const emptyRule = (numeric: boolean): Rule => ({ kind: numeric ? 'range' : 'value', value: '', min: '', max: '', to: '' });

type Form = {
  variable: string;
  second: string;
  group: string;
  base: 'e' | '10' | '2';
  offset: string;
  min: string;
  max: string;
  centerFirst: boolean;
  entity: string;
  time: string;
  k: string;
  reference: string;
  prefix: string;
  otherwise: 'copy' | 'missing';
  rules: Rule[];
  items: string[];
  reversed: string[];
  score: 'mean' | 'sum';
  minValid: string;
  name: string;
  label: string;
  note: string;
};

const initialForm = (): Form => ({
  variable: '',
  second: '',
  group: '',
  base: 'e',
  offset: '',
  min: '',
  max: '',
  centerFirst: true,
  entity: '',
  time: '',
  k: '1',
  reference: '',
  prefix: '',
  otherwise: 'copy',
  rules: [emptyRule(true)],
  items: [],
  reversed: [],
  score: 'mean',
  minValid: '',
  name: '',
  label: '',
  note: '',
});

/** A variable's name as a piece of a new name: letters, digits and '_' only ("收入" has none: "var"). */
function piece(name: string): string {
  const f = nameFragment(name);
  return f || 'var';
}

/** The name a new variable gets unless the user types one (short, R/SPSS/Stata-safe, not taken). */
function suggestName(op: Op, f: Form, taken: Set<string>): string {
  const v = f.variable ? piece(f.variable) : '';
  const k = f.k && f.k !== '1' ? f.k : '';
  let base = '';
  switch (op) {
    case 'log':
      base = v && `${f.base === 'e' ? 'ln' : `log${f.base}`}_${v}`;
      break;
    case 'standardize':
      base = v && `z_${v}`;
      break;
    case 'center':
      base = v && `c_${v}`;
      break;
    case 'reverse':
      base = v && `${/^[A-Za-z]/.test(v) ? '' : 'r_'}${v}${/^[A-Za-z]/.test(v) ? '_r' : ''}`;
      break;
    case 'recode':
      base = v && `${/^[A-Za-z]/.test(v) ? '' : 'rec_'}${v}${/^[A-Za-z]/.test(v) ? '_rec' : ''}`;
      break;
    case 'interaction':
      base = v && f.second ? `${/^[A-Za-z]/.test(v) ? '' : 'x_'}${v}_x_${piece(f.second)}` : '';
      break;
    case 'lag':
      base = v && `lag${k}_${v}`;
      break;
    case 'lead':
      base = v && `lead${k}_${v}`;
      break;
    case 'diff':
      base = v && `d${k}_${v}`;
      break;
    case 'scaleScore': {
      const stem = f.items.length ? piece(f.items[0]).replace(/\d+$/, '').replace(/_$/, '') : '';
      base = f.items.length ? `${/^[A-Za-z]/.test(stem) ? stem : 'scale'}_${f.score}` : '';
      break;
    }
    case 'dummy':
      return '';
  }
  if (!base) return '';
  base = base.slice(0, 60);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** "3" → 3 for numeric variables, text otherwise; '' → missing (for "to"). */
function parseValue(text: string, numeric: boolean): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  if (numeric || /^-?\d+([.,]\d+)?$/.test(t)) {
    const n = Number(t.replace(',', '.'));
    if (Number.isFinite(n)) return n;
  }
  return t;
}

/**
 * Compute: one computed variable (or a set of dummies) at a time, each saved as the next
 * version with a note for the history. The server applies the recipe to every row and explains
 * any problem (a log of a non-positive value, a reference level that does not exist…); that
 * message is shown here as it comes.
 */
export function ComputePanel(props: { projectId: string; datasetId: string; baseVersionId: string; latestNumber: number; variables: readonly Variable[] }) {
  const router = useRouter();
  const id = useId();
  const [op, setOp] = useState<Op>('log');
  const [f, setF] = useState<Form>(initialForm);
  const [nameEdited, setNameEdited] = useState(false);
  const [noteEdited, setNoteEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ number: number; note: string } | null>(null);

  const { variables } = props;
  const byName = new Map(variables.map((v) => [v.name, v]));
  const numeric = variables.filter(isNumeric);
  const variable = byName.get(f.variable);
  const set = (patch: Partial<Form>) => setF((old) => ({ ...old, ...patch }));
  const taken = new Set(variables.map((v) => v.name.toLowerCase()));
  const name = nameEdited ? f.name : suggestName(op, f, taken);
  const defaultNote = op === 'dummy' ? (f.variable ? `Added dummy variables of ${f.variable}` : '') : name ? `Added ${name}` : '';
  const note = noteEdited ? f.note : defaultNote;

  const nameIssue = op === 'dummy' || !name ? null : nameProblem(name) ?? (taken.has(name.toLowerCase()) ? `'${name}' already exists in this dataset; choose another name` : null);

  function chooseOp(next: Op) {
    setOp(next);
    setError(null);
    setSaved(null);
    setNameEdited(false);
    setNoteEdited(false);
    // Keep the chosen variable when it suits the new computation.
    setF((old) => ({ ...initialForm(), variable: old.variable && (next === 'recode' || next === 'dummy' || isNumeric(byName.get(old.variable) ?? { type: 'text' })) ? old.variable : '' }));
  }

  /** The recipe for the server, or the reason it cannot be sent yet. */
  function recipe(): { transform: Record<string, unknown> } | { problem: string } {
    const need = (cond: boolean, problem: string) => (cond ? null : problem);
    const label = f.label.trim() ? { label: f.label.trim() } : {};
    const common = () => need(Boolean(f.variable), 'Choose a variable.') ?? (nameIssue ? `Name: ${nameIssue}.` : null) ?? need(Boolean(name), 'Name the new variable.');
    let problem: string | null = null;
    switch (op) {
      case 'log': {
        problem = common() ?? need(f.offset === '' || Number.isFinite(num(f.offset)), 'The offset must be a number.');
        if (problem) return { problem };
        return { transform: { op, name, variable: f.variable, ...(f.base !== 'e' ? { base: Number(f.base) } : {}), ...(f.offset !== '' ? { offset: num(f.offset) } : {}), ...label } };
      }
      case 'standardize':
        problem = common();
        return problem ? { problem } : { transform: { op, name, variable: f.variable, ...label } };
      case 'center':
        problem = common();
        return problem ? { problem } : { transform: { op, name, variable: f.variable, ...(f.group ? { group: f.group } : {}), ...label } };
      case 'reverse': {
        const hasRange = variable?.type === 'likert' && variable.likert;
        const range = f.min !== '' || f.max !== '' ? { min: num(f.min), max: num(f.max) } : undefined;
        problem =
          common() ??
          need(Boolean(hasRange || range), `'${f.variable}' is not a Likert item: give the lowest and highest possible answer.`) ??
          need(!range || (Number.isFinite(range.min) && Number.isFinite(range.max) && range.max! > range.min!), 'Give both the lowest and the highest answer, the lowest smaller.');
        return problem ? { problem } : { transform: { op, name, variable: f.variable, ...(range ?? {}), ...label } };
      }
      case 'recode': {
        const isNum = variable ? isNumeric(variable) : false;
        const rules = f.rules.filter((r) => (r.kind === 'value' ? r.value.trim() !== '' : r.min.trim() !== '' || r.max.trim() !== ''));
        problem = common() ?? need(rules.length > 0, 'Add at least one rule: an old value (or range) and its new value.');
        if (problem) return { problem };
        const built = rules.map((r) => ({
          from: r.kind === 'range' ? { ...(r.min.trim() ? { min: num(r.min) } : {}), ...(r.max.trim() ? { max: num(r.max) } : {}) } : isNum ? num(r.value) : r.value.trim(),
          to: parseValue(r.to, false),
        }));
        return { transform: { op, name, variable: f.variable, rules: built, otherwise: f.otherwise, ...label } };
      }
      case 'dummy': {
        problem = need(Boolean(f.variable), 'Choose a variable.') ?? need(f.reference.trim() !== '', 'Choose the reference category (the one without a dummy).');
        if (problem) return { problem };
        const reference = variable && isNumeric(variable) ? parseValue(f.reference, true) : f.reference.trim();
        return { transform: { op, variable: f.variable, reference, ...(f.prefix.trim() ? { prefix: f.prefix.trim() } : {}) } };
      }
      case 'interaction':
        problem = need(Boolean(f.variable && f.second), 'Choose both variables.') ?? need(f.variable !== f.second, 'Choose two different variables.') ?? common();
        return problem ? { problem } : { transform: { op, name, variables: [f.variable, f.second], center: f.centerFirst, ...label } };
      case 'lag':
      case 'lead':
      case 'diff': {
        const k = Number(f.k || '1');
        problem = common() ?? need(Boolean(f.entity), 'Choose the entity (person, firm, country).') ?? need(Boolean(f.time), 'Choose the time variable (year, wave).') ?? need(Number.isInteger(k) && k >= 1, 'k is a whole number, 1 or more.');
        return problem ? { problem } : { transform: { op, name, variable: f.variable, entity: f.entity, time: f.time, ...(k !== 1 ? { k } : {}), ...label } };
      }
      case 'scaleScore': {
        const minValid = f.minValid.trim() ? Number(f.minValid) : undefined;
        problem =
          need(f.items.length >= 2, 'Choose at least two items.') ??
          (nameIssue ? `Name: ${nameIssue}.` : null) ??
          need(Boolean(name), 'Name the new variable.') ??
          need(minValid === undefined || (Number.isInteger(minValid) && minValid >= 1 && minValid <= f.items.length), `Minimum answered items is a whole number from 1 to ${f.items.length}.`);
        if (problem) return { problem };
        const reversed = f.reversed.filter((r) => f.items.includes(r));
        return { transform: { op, name, items: f.items, ...(reversed.length ? { reversed } : {}), score: f.score, ...(minValid !== undefined ? { minValid } : {}), ...label } };
      }
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(null);
    const built = recipe();
    if ('problem' in built) {
      setError(built.problem);
      return;
    }
    if (!note.trim()) {
      setError('Write a note for the version history.');
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await requestJson<{ version: { number: number; note: string } }>(`${datasetsApi(props.projectId)}/${props.datasetId}/versions`, {
      method: 'POST',
      body: { baseVersionId: props.baseVersionId, transforms: [built.transform], note: note.trim() },
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setSaved(answer.data.version);
    setF((old) => ({ ...initialForm(), variable: old.variable }));
    setNameEdited(false);
    setNoteEdited(false);
    router.refresh();
  }

  const options = (list: readonly Variable[], placeholder = 'Choose…') => (
    <>
      <option value="">{placeholder}</option>
      {list.map((v) => (
        <option key={v.name} value={v.name}>
          {v.name}
          {v.label ? ` — ${v.label.length > 40 ? `${v.label.slice(0, 40)}…` : v.label}` : ''} ({v.type === 'likert' ? `Likert ${likertRange(v)}` : TYPE_LABELS[v.type].toLowerCase()})
        </option>
      ))}
    </>
  );
  const select = (key: keyof Form, label: string, list: readonly Variable[], placeholder?: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={f[key] as string} onChange={(e) => set({ [key]: e.target.value } as Partial<Form>)}>
        {options(list, placeholder)}
      </select>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
  const text = (key: keyof Form, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={f[key] as string} onChange={(e) => set({ [key]: e.target.value } as Partial<Form>)} {...extra} />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );

  const rulesEditor = () => {
    const isNum = variable ? isNumeric(variable) : true;
    const labels = variable ? valueLabelEntries(variable) : [];
    const setRule = (i: number, patch: Partial<Rule>) => set({ rules: f.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
    return (
      <fieldset className={styles.rules}>
        <legend>Rules (the first that matches wins)</legend>
        {labels.length > 0 && (
          <p className="hint muted">
            Codes: {labels.slice(0, 8).map(([c, l]) => `${c} = ${l}`).join(' · ')}
            {labels.length > 8 ? ' …' : ''}
          </p>
        )}
        <ol className={styles.ruleList}>
          {f.rules.map((r, i) => (
            <li key={i} className={styles.rule}>
              {isNum && (
                <select aria-label={`Rule ${i + 1}: match`} value={r.kind} onChange={(e) => setRule(i, { kind: e.target.value as Rule['kind'] })}>
                  <option value="value">Value</option>
                  <option value="range">Range</option>
                </select>
              )}
              {r.kind === 'value' || !isNum ? (
                <input aria-label={`Rule ${i + 1}: old value`} placeholder="old value" value={r.value} onChange={(e) => setRule(i, { value: e.target.value })} />
              ) : (
                <>
                  <input aria-label={`Rule ${i + 1}: from`} placeholder="lowest" value={r.min} onChange={(e) => setRule(i, { min: e.target.value })} />
                  <span aria-hidden>to</span>
                  <input aria-label={`Rule ${i + 1}: to`} placeholder="highest" value={r.max} onChange={(e) => setRule(i, { max: e.target.value })} />
                </>
              )}
              <span aria-hidden>→</span>
              <input aria-label={`Rule ${i + 1}: new value`} placeholder="new value (empty = missing)" value={r.to} onChange={(e) => setRule(i, { to: e.target.value })} />
              {f.rules.length > 1 && (
                <button type="button" className="icon-btn" aria-label={`Remove rule ${i + 1}`} onClick={() => set({ rules: f.rules.filter((_, j) => j !== i) })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => set({ rules: [...f.rules, emptyRule(isNum)] })}>
          Add rule
        </button>
        <div className={styles.inlineChoice}>
          <span>Other values:</span>
          <label>
            <input type="radio" name={`${id}-otherwise`} checked={f.otherwise === 'copy'} onChange={() => set({ otherwise: 'copy' })} /> copy unchanged
          </label>
          <label>
            <input type="radio" name={`${id}-otherwise`} checked={f.otherwise === 'missing'} onChange={() => set({ otherwise: 'missing' })} /> set missing
          </label>
        </div>
        <p className="hint muted">A range with one end empty is open (lowest thru 2). Leave the new value empty to make matching values missing.</p>
      </fieldset>
    );
  };

  const itemsPicker = () => (
    <fieldset className={styles.itemsPicker}>
      <legend>Items</legend>
      <table className={`table ${styles.compact}`}>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Reverse</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {numeric.map((v) => {
            const chosen = f.items.includes(v.name);
            return (
              <tr key={v.name}>
                <td>
                  <label className={styles.check}>
                    <input
                      type="checkbox"
                      checked={chosen}
                      onChange={(e) => set({ items: e.target.checked ? [...f.items, v.name] : f.items.filter((n) => n !== v.name), reversed: f.reversed.filter((n) => n !== v.name || e.target.checked) })}
                    />{' '}
                    {v.name}
                    {v.label && <span className="muted"> — {v.label}</span>}
                  </label>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Reverse ${v.name}`}
                    disabled={!chosen || v.type !== 'likert'}
                    title={v.type !== 'likert' ? 'Only Likert items (with a range) can be reversed here' : undefined}
                    checked={f.reversed.includes(v.name)}
                    onChange={(e) => set({ reversed: e.target.checked ? [...f.reversed, v.name] : f.reversed.filter((n) => n !== v.name) })}
                  />
                </td>
                <td className="muted">{v.type === 'likert' ? `Likert ${likertRange(v)}` : 'Numeric'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );

  return (
    <div className={styles.computeLayout}>
      <nav className={`card ${styles.opList}`} aria-label="Computations">
        {OPS.map((g) => (
          <fieldset key={g.group}>
            <legend>{g.group}</legend>
            {g.ops.map((o) => (
              <label key={o.op} className={`${styles.opChoice}${op === o.op ? ` ${styles.opChosen}` : ''}`}>
                <input
                  type="radio"
                  name={`${id}-op`}
                  value={o.op}
                  checked={op === o.op}
                  onChange={() => chooseOp(o.op)}
                  aria-label={o.label}
                  aria-describedby={`${id}-${o.op}-hint`}
                />
                <span>
                  <strong>{o.label}</strong>
                  <span className={styles.opHint} id={`${id}-${o.op}-hint`}>
                    {o.hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        ))}
      </nav>
      <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="compute-form">
        <div>
          <h2 id={`${id}-title`}>{OP_LABELS[op]}</h2>
          <p className="muted">Saved as version {props.latestNumber + 1}; version {props.latestNumber} stays as it is.</p>
        </div>

        {(op === 'log' || op === 'standardize' || op === 'center' || op === 'reverse') && select('variable', 'Variable', numeric)}
        {op === 'log' && (
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-base`}>Base</label>
              <select id={`${id}-base`} value={f.base} onChange={(e) => set({ base: e.target.value as Form['base'] })}>
                <option value="e">Natural (ln)</option>
                <option value="10">10</option>
                <option value="2">2</option>
              </select>
            </div>
            {text('offset', 'Offset (optional)', { inputMode: 'decimal', placeholder: 'e.g. 1 for log(x + 1)' })}
          </div>
        )}
        {op === 'center' && select('group', 'Within groups of (optional)', variables, 'Grand mean (no groups)', 'Group-mean centring subtracts each group’s own mean.')}
        {op === 'reverse' &&
          (variable?.type === 'likert' && variable.likert ? (
            <p className="muted">
              Uses the Likert range {likertRange(variable)}: new = {variable.likert.min + variable.likert.max} − x.
            </p>
          ) : (
            <div className="row">
              {text('min', 'Lowest possible answer', { inputMode: 'decimal' })}
              {text('max', 'Highest possible answer', { inputMode: 'decimal' })}
            </div>
          ))}
        {op === 'recode' && (
          <>
            {select('variable', 'Variable', variables)}
            {variable && rulesEditor()}
          </>
        )}
        {op === 'dummy' && (
          <>
            {select('variable', 'Variable', variables)}
            {variable &&
              (Object.keys(variable.valueLabels).length > 0 ? (
                <div className="field">
                  <label htmlFor={`${id}-reference`}>Reference category</label>
                  <select id={`${id}-reference`} value={f.reference} onChange={(e) => set({ reference: e.target.value })}>
                    <option value="">Choose…</option>
                    {valueLabelEntries(variable).map(([code, l]) => (
                      <option key={code} value={code}>
                        {code} = {l}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                text('reference', 'Reference category', { placeholder: 'a value of the variable' }, 'The category compared against: it gets no dummy of its own.')
              ))}
            {text('prefix', 'Name prefix (optional)', { placeholder: f.variable || 'variable name' }, `New variables are named ${f.prefix.trim() || f.variable || 'prefix'}_<category>.`)}
          </>
        )}
        {op === 'interaction' && (
          <>
            <div className="row">
              {select('variable', 'First variable', numeric)}
              {select('second', 'Second variable', numeric)}
            </div>
            <label className={styles.check}>
              <input type="checkbox" checked={f.centerFirst} onChange={(e) => set({ centerFirst: e.target.checked })} /> Mean-centre both first (recommended for moderation)
            </label>
          </>
        )}
        {(op === 'lag' || op === 'lead' || op === 'diff') && (
          <>
            {select('variable', 'Variable', numeric)}
            <div className="row">
              {select('entity', 'Entity (panel unit)', variables, 'Choose…')}
              {select('time', 'Time (whole numbers)', numeric, 'Choose…')}
              {text('k', 'Periods (k)', { inputMode: 'numeric', style: { width: '6rem' } })}
            </div>
            <p className="hint muted">A period that is not observed gives a missing value, not the row before it (as R plm).</p>
          </>
        )}
        {op === 'scaleScore' && (
          <>
            {itemsPicker()}
            <div className="row">
              <div className={styles.inlineChoice}>
                <span>Score:</span>
                <label>
                  <input type="radio" name={`${id}-score`} checked={f.score === 'mean'} onChange={() => set({ score: 'mean' })} /> mean
                </label>
                <label>
                  <input type="radio" name={`${id}-score`} checked={f.score === 'sum'} onChange={() => set({ score: 'sum' })} /> sum
                </label>
              </div>
              {text('minValid', 'Minimum answered items (optional)', { inputMode: 'numeric', placeholder: `all ${f.items.length || ''}`.trim() })}
            </div>
          </>
        )}

        {op !== 'dummy' && (
          <div className="row">
            <div className="field grow">
              <label htmlFor={`${id}-name`}>New variable name</label>
              <input
                id={`${id}-name`}
                value={name}
                aria-invalid={nameIssue ? true : undefined}
                aria-describedby={nameIssue ? `${id}-name-issue` : undefined}
                onChange={(e) => {
                  setNameEdited(true);
                  set({ name: e.target.value });
                }}
              />
              {nameIssue ? (
                <span className="hint" id={`${id}-name-issue`} style={{ color: 'var(--danger)' }}>
                  {nameIssue}
                </span>
              ) : (
                <span className="hint">Letters, digits and _, starting with a letter: the name works unchanged in R, SPSS and Stata.</span>
              )}
            </div>
            {text('label', 'Label (optional)', { placeholder: 'longer description' })}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note for the version history</label>
          <input
            id={`${id}-note`}
            value={note}
            maxLength={300}
            onChange={(e) => {
              setNoteEdited(true);
              set({ note: e.target.value });
            }}
          />
        </div>
        <div className={styles.formActions}>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Computing…' : `Save as version ${props.latestNumber + 1}`}
          </button>
        </div>
        {error && (
          <div className="message message-error" role="alert" data-testid="compute-error">
            {error}
          </div>
        )}
        {saved && (
          <div className="message message-success" role="status" data-testid="compute-saved">
            Saved version {saved.number}: {saved.note}. <Link href="?tab=variables">See it in Variables</Link> or <Link href="?tab=data">in the data</Link>.
          </div>
        )}
      </form>
    </div>
  );
}

