'use client';

import { useId } from 'react';

import styles from './analyses.module.css';

export interface VariableOption {
  name: string;
  label: string;
  type: string;
}

const TYPE_SHORT: Record<string, string> = { numeric: 'num', likert: 'Likert', categorical: 'cat', text: 'text', date: 'date' };

function optionText(v: VariableOption): string {
  return `${v.name}${v.label ? ` — ${v.label}` : ''} (${TYPE_SHORT[v.type] ?? v.type})`;
}

/** One variable for a role (a select with "—" for none). */
export function SingleVariable(props: { label: string; hint?: string; required: boolean; variables: VariableOption[]; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">—</option>
        {props.variables.map((v) => (
          <option key={v.name} value={v.name}>
            {optionText(v)}
          </option>
        ))}
      </select>
      {props.hint ? <span className="hint">{props.hint}</span> : null}
    </div>
  );
}

/**
 * Several variables for a role, in the order chosen: a list of chips (removable) and a select
 * that adds one. Keyboard-friendly and screen-reader labelled ("Predictors (X): add a variable").
 */
export function MultiVariable(props: { label: string; hint?: string; required: boolean; variables: VariableOption[]; value: string[]; onChange: (v: string[]) => void; testId?: string }) {
  const id = useId();
  const remaining = props.variables.filter((v) => !props.value.includes(v.name));
  return (
    <div className="field" data-testid={props.testId}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.value.length > 0 ? (
        <ul className={styles.chips} aria-label={`${props.label}: chosen`}>
          {props.value.map((name) => (
            <li key={name} className={styles.chip}>
              {name}
              <button type="button" className={styles.chipRemove} aria-label={`Remove ${name} from ${props.label}`} onClick={() => props.onChange(props.value.filter((n) => n !== name))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <select
        id={id}
        aria-label={`${props.label}: add a variable`}
        value=""
        onChange={(e) => {
          if (e.target.value) props.onChange([...props.value, e.target.value]);
        }}
      >
        <option value="">{props.value.length ? 'Add another…' : 'Add a variable…'}</option>
        {remaining.map((v) => (
          <option key={v.name} value={v.name}>
            {optionText(v)}
          </option>
        ))}
      </select>
      {props.hint ? <span className="hint">{props.hint}</span> : null}
    </div>
  );
}
