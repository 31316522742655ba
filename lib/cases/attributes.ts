/**
 * Typed case attributes (text, number, date, choice): parsing what a researcher types or a CSV
 * holds into the canonical text stored in CaseAttributeValue.value, and checking attribute
 * definitions. Pure: the data layer stores what these functions return.
 *
 * Canonical forms (so sorting, filtering and exports agree whatever was typed):
 * - number: JavaScript's shortest round-trip form (`String(n)`), "-0" as "0";
 * - date: YYYY-MM-DD (a real calendar date);
 * - choice: the choice as defined (matched ignoring case and width);
 * - text: trimmed, line breaks kept.
 */

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = { text: 'Text', number: 'Number', date: 'Date', choice: 'Choice' };

/** The longest value and choice stored (characters). */
export const VALUE_MAX = 2000;
export const CHOICE_MAX = 100;
export const CHOICES_MAX = 100;

export function isAttributeType(value: unknown): value is AttributeType {
  return typeof value === 'string' && (ATTRIBUTE_TYPES as readonly string[]).includes(value);
}

/** An attribute as the parsing rules need it. */
export interface AttributeDef {
  name: string;
  type: AttributeType;
  /** The choices of a choice attribute, in order ([] otherwise). */
  choices: readonly string[];
}

/** A parsed value: the canonical text ('' = no value), or why it was refused (a sentence naming the value). */
export type ParsedValue = { ok: true; value: string } | { ok: false; error: string };

/** Full-width digits and signs (typed with a Chinese IME) read as ASCII; spaces squeezed. */
const fold = (raw: string) => raw.normalize('NFKC').trim();

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a number: digits with a decimal point, an optional sign and exponent; full-width digits
 * and spaces or apostrophes between digit groups ("12 500", "12'500") allowed. A comma is
 * refused, not guessed: "1,234" is a thousand in one country and 1.234 in another.
 *
 * @example parseNumber('３.５０') // { ok: true, value: '3.5' }
 * @example parseNumber('3,5') // { ok: false, error: '“3,5” is not a number: use a point for decimals…' }
 */
export function parseNumber(raw: string): ParsedValue {
  const text = fold(raw);
  if (text === '') return { ok: true, value: '' };
  const compact = text.replace(/(?<=\d)[\s'’_](?=\d)/g, '');
  if (compact.includes(',')) return { ok: false, error: `“${text}” is not a number: use a point for decimals and no thousands separators (e.g. 1234.5).` };
  if (!NUMBER.test(compact)) return { ok: false, error: `“${text}” is not a number.` };
  const n = Number(compact);
  if (!Number.isFinite(n)) return { ok: false, error: `“${text}” is too large a number.` };
  return { ok: true, value: Object.is(n, -0) ? '0' : String(n) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // 2000 is a leap year: Feb has 29
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && !leap ? 28 : days)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads a date written year first: 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日, or an ISO
 * date-time (its date part). Day-first and month-first forms (05/03/2024) are refused: which
 * of the two is meant cannot be told.
 *
 * @example parseDate('2024年3月5日') // { ok: true, value: '2024-03-05' }
 * @example parseDate('2023-02-29') // { ok: false, error: '“2023-02-29” is not a date of the calendar.' }
 */
export function parseDate(raw: string): ParsedValue {
  const text = fold(raw);
  if (text === '') return { ok: true, value: '' };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) {
    const ambiguous = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text);
    return {
      ok: false,
      error: ambiguous ? `“${text}” is ambiguous (day or month first?): write dates as YYYY-MM-DD.` : `“${text}” is not a date: write dates as YYYY-MM-DD.`,
    };
  }
  const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { ok: true, value: date } : { ok: false, error: `“${text}” is not a date of the calendar.` };
}

const choiceKey = (s: string) => fold(s).toLocaleLowerCase();

/**
 * Reads one of a choice attribute's choices, ignoring case and full/half width; the stored
 * form is the choice as defined.
 * @example parseChoice('north', ['North', 'South']) // { ok: true, value: 'North' }
 */
export function parseChoice(raw: string, choices: readonly string[]): ParsedValue {
  const text = fold(raw);
  if (text === '') return { ok: true, value: '' };
  const found = choices.find((c) => choiceKey(c) === choiceKey(text));
  if (found !== undefined) return { ok: true, value: found };
  const list = choices.length ? choices.map((c) => `“${c}”`).join(', ') : 'none defined yet';
  return { ok: false, error: `“${text}” is not one of the choices (${list}).` };
}

/**
 * Reads a value of an attribute into its canonical stored text ('' = no value, which clears it).
 * @example parseAttributeValue({ name: 'age', type: 'number', choices: [] }, ' 42.0 ') // { ok: true, value: '42' }
 */
export function parseAttributeValue(attribute: AttributeDef, raw: string): ParsedValue {
  switch (attribute.type) {
    case 'number':
      return parseNumber(raw);
    case 'date':
      return parseDate(raw);
    case 'choice':
      return parseChoice(raw, attribute.choices);
    default: {
      const text = raw.replace(/\r\n?/g, '\n').trim();
      if (text.length > VALUE_MAX) return { ok: false, error: `The text is longer than ${VALUE_MAX} characters.` };
      return { ok: true, value: text };
    }
  }
}

/**
 * Cleans a choice list: trimmed, empty and repeated entries (ignoring case and width) dropped.
 * @throws {RangeError} a choice over {@link CHOICE_MAX} characters, or more than {@link CHOICES_MAX} choices.
 */
export function normalizeChoices(choices: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of choices) {
    const text = c.normalize('NFC').trim();
    if (!text || seen.has(choiceKey(text))) continue;
    if (text.length > CHOICE_MAX) throw new RangeError(`the choice “${text.slice(0, 30)}…” is longer than ${CHOICE_MAX} characters`);
    seen.add(choiceKey(text));
    out.push(text);
  }
  if (out.length > CHOICES_MAX) throw new RangeError(`more than ${CHOICES_MAX} choices`);
  return out;
}

/** Reads the stored choices JSON (a bad value reads as no choices). */
export function readChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which stored values no longer fit an attribute after its type or choices change (e.g. "high"
 * when it becomes a number), and the re-parsed canonical form of those that do.
 * @returns per value: its new canonical text, or the error.
 */
export function convertValues(attribute: AttributeDef, values: readonly string[]): ParsedValue[] {
  return values.map((v) => parseAttributeValue(attribute, v));
}

/**
 * Sort key for a canonical value: numbers by value, dates and text by their text. Empty last.
 */
export function compareValues(type: AttributeType, a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  if (type === 'number') return Number(a) - Number(b);
  return a.localeCompare(b, undefined, { numeric: true });
}

/**
 * The type a column of a CSV suggests for a new attribute: number when every non-empty value is
 * a number — or at least three and 75 % are, so that a typo is reported rather than turning the
 * column into text — date likewise (year first); choice when there are at least four
 * values, at most eight distinct ones and each of those appears at least twice (a coded
 * category such as region or gender); text otherwise (and for an empty column).
 *
 * @example inferAttributeType(['3', '4.5', '']) // { type: 'number', choices: [] }
 * @example inferAttributeType(['North', 'South', 'north', 'South']) // { type: 'choice', choices: ['North', 'South'] }
 */
export function inferAttributeType(values: readonly string[]): { type: AttributeType; choices: string[] } {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return { type: 'text', choices: [] };
  // Mostly numbers (dates) with a stray value is a typo to report, not a text column.
  const most = (parse: (v: string) => { ok: boolean }) => {
    const ok = filled.filter((v) => parse(v).ok).length;
    return ok === filled.length || (ok >= 3 && ok >= 0.75 * filled.length);
  };
  if (most(parseNumber)) return { type: 'number', choices: [] };
  if (most(parseDate)) return { type: 'date', choices: [] };
  const counts = new Map<string, { first: string; n: number }>();
  for (const v of filled) {
    const key = choiceKey(v);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { first: fold(v), n: 1 });
  }
  if (filled.length >= 4 && counts.size <= 8 && [...counts.values()].every((e) => e.n >= 2 && e.first.length <= CHOICE_MAX)) {
    return { type: 'choice', choices: [...counts.values()].map((e) => e.first) };
  }
  return { type: 'text', choices: [] };
}
