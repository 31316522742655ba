/**
 * The Variable View's edit form as text fields ↔ a `setMetadata` recipe. Pure: the form reads
 * value labels as one "code = label" per line and missing codes as a comma-separated list, and
 * sends only what changed.
 */
import type { SetMetadataTransform } from './transform/schema';
import type { Variable, VariableType } from './types';

/** The edit form's fields, as typed. */
export interface MetadataForm {
  label: string;
  type: VariableType;
  likertMin: string;
  likertMax: string;
  /** One "code = label" per line. */
  valueLabels: string;
  /** "8, 9" */
  missingCodes: string;
}

/** A form's problems by field, or the recipe (null when nothing changed). */
export type MetadataEditResult = { ok: true; transform: SetMetadataTransform | null } | { ok: false; errors: Partial<Record<keyof MetadataForm, string>> };

/**
 * The form's starting values for a variable.
 *
 * @param v - the variable.
 * @returns the fields.
 * @example
 * ```ts
 * metadataForm(q1).valueLabels; // '1 = Disagree\n5 = Agree'
 * ```
 */
export function metadataForm(v: Variable): MetadataForm {
  return {
    label: v.label,
    type: v.type,
    likertMin: v.likert ? String(v.likert.min) : '',
    likertMax: v.likert ? String(v.likert.max) : '',
    valueLabels: Object.entries(v.valueLabels)
      .map(([code, label]) => `${code} = ${label}`)
      .join('\n'),
    missingCodes: v.missingCodes.join(', '),
  };
}

/**
 * Reads "code = label" lines (blank lines skipped; the first "=" splits, so a label may contain "=").
 *
 * @param text - the lines.
 * @returns code → label, or the problem naming the line.
 * @example
 * ```ts
 * parseValueLabels('1 = Strongly disagree\n5 = Strongly agree'); // { ok: true, labels: { '1': 'Strongly disagree', '5': 'Strongly agree' } }
 * ```
 */
export function parseValueLabels(text: string): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  const labels: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, error: `Line ${i + 1} (“${line}”) needs the form “code = label”.` };
    const code = line.slice(0, eq).trim();
    const label = line.slice(eq + 1).trim();
    if (!code) return { ok: false, error: `Line ${i + 1} has no code before “=”.` };
    if (code in labels) return { ok: false, error: `The code ${code} is labelled twice (line ${i + 1}).` };
    labels[code] = label;
  }
  return { ok: true, labels };
}

/**
 * Reads missing codes: numbers separated by commas, semicolons or spaces.
 *
 * @param text - e.g. "8, 9" or "-99".
 * @returns the codes, or the problem naming the first entry that is not a number.
 * @example
 * ```ts
 * parseMissingCodes('8, 9'); // { ok: true, codes: [8, 9] }
 * ```
 */
export function parseMissingCodes(text: string): { ok: true; codes: number[] } | { ok: false; error: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const codes: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(part) || !Number.isFinite(n)) return { ok: false, error: `“${part}” is not a number; missing codes are numbers such as 9 or -99.` };
    if (!codes.includes(n)) codes.push(n);
  }
  return { ok: true, codes };
}

const sameRecord = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((x, i) => x === [...b].sort((p, q) => p - q)[i]);

/**
 * The `setMetadata` recipe for an edited form: only the fields that changed.
 *
 * @param v - the variable as stored.
 * @param form - the form's fields.
 * @returns the recipe (null when nothing changed) or the problems by field.
 * @example
 * ```ts
 * metadataEdit(q1, { ...metadataForm(q1), label: 'Trust' }); // { ok: true, transform: { op: 'setMetadata', variable: 'q1', label: 'Trust' } }
 * ```
 */
export function metadataEdit(v: Variable, form: MetadataForm): MetadataEditResult {
  const errors: Partial<Record<keyof MetadataForm, string>> = {};
  const labels = parseValueLabels(form.valueLabels);
  if (!labels.ok) errors.valueLabels = labels.error;
  const codes = parseMissingCodes(form.missingCodes);
  if (!codes.ok) errors.missingCodes = codes.error;
  let likert: { min: number; max: number } | undefined;
  if (form.type === 'likert') {
    const min = Number(form.likertMin);
    const max = Number(form.likertMax);
    if (form.likertMin.trim() === '' || !Number.isFinite(min)) errors.likertMin = 'Enter the lowest response.';
    else if (form.likertMax.trim() === '' || !Number.isFinite(max)) errors.likertMax = 'Enter the highest response.';
    else if (max <= min) errors.likertMax = 'The highest response must be above the lowest.';
    else likert = { min, max };
  }
  if (form.label.length > 256) errors.label = 'The label is at most 256 characters.';
  if (Object.keys(errors).length || !labels.ok || !codes.ok) return { ok: false, errors };

  const t: SetMetadataTransform = { op: 'setMetadata', variable: v.name };
  const label = form.label.trim();
  if (label !== v.label) t.label = label;
  if (form.type !== v.type) t.type = form.type;
  if (likert && (v.likert?.min !== likert.min || v.likert?.max !== likert.max || form.type !== v.type)) t.likert = likert;
  if (!sameRecord(labels.labels, v.valueLabels)) t.valueLabels = labels.labels;
  if (!sameList(codes.codes, v.missingCodes)) t.missingCodes = codes.codes;
  return { ok: true, transform: Object.keys(t).length > 2 ? t : null };
}

/**
 * A note for the version history: "Edited q1: label, type".
 *
 * @param t - the recipe.
 * @returns the note.
 * @example
 * ```ts
 * metadataNote({ op: 'setMetadata', variable: 'q1', label: 'Trust' }); // 'Edited q1: label'
 * ```
 */
export function metadataNote(t: SetMetadataTransform): string {
  const what = [
    t.label !== undefined && 'label',
    t.type !== undefined && 'type',
    t.likert !== undefined && t.type === undefined && 'Likert range',
    t.valueLabels !== undefined && 'value labels',
    t.missingCodes !== undefined && 'missing codes',
  ].filter(Boolean);
  return `Edited ${t.variable}: ${what.join(', ')}`.slice(0, 300);
}
