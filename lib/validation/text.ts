/**
 * The one text guard every route handler and server action shares: all user text fields in
 * lib/validation are built with {@link ZText}, and JSON server-action inputs pass
 * {@link deepTextProblem} (lib/server/actions.ts).
 *
 * **Refused.** Unpaired UTF-16 surrogates (`\ud800` alone): they cannot be encoded as UTF-8, so
 * SQLite and PostgreSQL store U+FFFD instead and the text comes back as `���`. NUL (`\u0000`):
 * PostgreSQL refuses it in text columns, and C strings end at it. In single-line fields (names,
 * titles, labels) every other control character too (C0, DEL, C1, line/paragraph separators).
 *
 * **Normalised.** Single-line fields are trimmed and put in Unicode NFC, so `é` typed as one code
 * point and as `e` + combining accent are the same name (code-name uniqueness compares stored
 * strings). Long text (descriptions, definitions) is trimmed but otherwise kept as typed.
 *
 * **Counted.** Limits are in characters as people count them (code points), so an emoji counts
 * once, and a too-long value is refused with the limit named, never cut.
 *
 * Pure: no imports from next, react or lib/server.
 */
import { z } from 'zod';

/** In `u` mode a valid pair is one astral code point, so only unpaired surrogates are `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/** C0 and C1 controls, DEL, and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Messages of the guard (exported for tests and for forms that want to show them). */
export const TEXT_MESSAGES = {
  surrogate: 'contains a broken character (an unpaired UTF-16 surrogate). Retype or paste it again.',
  nul: 'contains a NUL character (\\u0000), which cannot be stored.',
  control: 'contains a line break or another control character; use a single line of text.',
} as const;

/**
 * Why `value` cannot be stored as text, or null when it can.
 * @param value - the raw string as received.
 * @param options.singleLine - also refuse line breaks, tabs and other control characters.
 * @returns the problem as the end of a sentence ("contains …"), or null.
 * @example textProblem('caf\ud800') // 'contains a broken character …'
 */
export function textProblem(value: string, options: { singleLine?: boolean } = {}): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_MESSAGES.surrogate;
  if (value.includes('\u0000')) return TEXT_MESSAGES.nul;
  if (options.singleLine && CONTROL.test(value)) return TEXT_MESSAGES.control;
  return null;
}

/**
 * Shortens text the app derived itself (a title from a file name, authors from PDF metadata) to
 * `max` code points, marking the cut with "…" and never splitting a surrogate pair. User input is
 * refused with the limit named instead (ZText), never shortened.
 * @example shortenDerived('a😀b', 2) // 'a…'
 */
export function shortenDerived(value: string, max: number): string {
  if (value.length <= max) return value;
  const chars: string[] = [];
  for (const ch of value) {
    if (chars.length === max) return `${chars.slice(0, max - 1).join('')}…`;
    chars.push(ch);
  }
  return value;
}

/** Length in code points (what a person calls characters; an emoji is one). */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export interface TextOptions {
  /** Most characters (code points), checked after trimming and normalising. */
  max: number;
  /** Message when longer than `max`; default "Use at most N characters (this has M)." */
  maxMessage?: string;
  /** Required field: the message when it is empty after trimming. */
  required?: string;
  /** Names, titles, labels: no control characters, NFC. Default false (long text). */
  singleLine?: boolean;
  /** Collapse runs of whitespace (line breaks included) to one space before checking. */
  collapseWhitespace?: boolean;
  /** Field name for the messages ("Name contains …"); default "The text". */
  label?: string;
}

/**
 * A zod string for a user text field, with the checks above. Never has a default: create
 * schemas add `.default('')` themselves, so `.partial()` update schemas cannot invent values.
 * @example
 * const ZName = ZText({ max: 120, required: 'Give the project a name.', singleLine: true, label: 'The name' });
 * ZName.parse('  Café ') // 'Café' (NFC)
 */
export function ZText(options: TextOptions) {
  const label = options.label ?? 'The text';
  return z
    .string()
    .superRefine((raw, ctx) => {
      const problem = textProblem(options.collapseWhitespace ? raw.replace(/\s+/g, ' ') : raw, { singleLine: options.singleLine });
      if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem}` });
    })
    .transform((raw) => {
      let value = options.collapseWhitespace ? raw.replace(/\s+/g, ' ') : raw;
      value = value.trim();
      return options.singleLine ? value.normalize('NFC') : value;
    })
    .superRefine((value, ctx) => {
      if (options.required && value.length === 0) ctx.addIssue({ code: 'custom', message: options.required });
      else if (value.length > options.max) {
        const count = charCount(value);
        if (count > options.max) {
          const message = options.maxMessage ?? `Use at most ${options.max.toLocaleString('en')} characters (this has ${count.toLocaleString('en')}).`;
          ctx.addIssue({ code: 'custom', message });
        }
      }
    });
}

/**
 * The first text problem anywhere in a JSON-like value (strings and object keys, at any depth),
 * or null. For inputs whose strings are checked piecewise elsewhere (memo documents): one walk
 * refuses a lone surrogate or NUL wherever it hides. Iterative, so a deeply nested hostile value
 * cannot overflow the stack; values past `maxNodes` are left to the schema's own limits.
 * @example deepTextProblem({ body: { content: [{ text: 'a\u0000' }] } }) // 'contains a NUL …'
 */
export function deepTextProblem(value: unknown, maxNodes = 1_000_000): string | null {
  const stack: unknown[] = [value];
  for (let seen = 0; stack.length > 0 && seen < maxNodes; seen++) {
    const item = stack.pop();
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) return problem;
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      for (const [key, child] of Object.entries(item)) {
        stack.push(key, child);
      }
    }
  }
  return null;
}

/**
 * An update (PATCH) schema from a shape of field schemas: every field optional, none defaulted,
 * and an empty update refused. Throws at module load if a field has a default or is already
 * optional, because `.partial()` keeps defaults, and a defaulted field would overwrite stored
 * data the caller never sent (`PATCH {"name":"x"}` erasing the description).
 * @example const ZUpdateFolder = updateSchema({ name: ZText({ max: 100, singleLine: true }) });
 */
export function updateSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  for (const [key, field] of Object.entries(shape)) {
    if ((field as z.ZodType).safeParse(undefined).success) {
      throw new Error(`updateSchema: field '${key}' accepts undefined (a default or optional); give the base field without it.`);
    }
  }
  const names = Object.keys(shape).join(', ');
  return z
    .object(shape)
    .partial()
    .refine((value) => Object.values(value).some((v) => v !== undefined), { message: `Nothing to update: send at least one of ${names}.` });
}
