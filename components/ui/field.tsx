import { useId } from 'react';

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  multiline?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name'>;

/** Label + input + hint + errors, wired for screen readers (aria-invalid, aria-describedby). */
export function Field({ label, name, errors, hint, multiline, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = { id, name, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} defaultValue={input.defaultValue as string | undefined} placeholder={input.placeholder} maxLength={input.maxLength} />
      ) : (
        <input {...common} {...input} />
      )}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {errors?.length ? (
        <ul className="errors" id={errorId}>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
