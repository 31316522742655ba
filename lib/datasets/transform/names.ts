/**
 * The rule for names of computed variables. A dataset travels to R, SPSS and Stata (exports,
 * generated scripts), so a new name must work unchanged in all three:
 *
 * - starts with a letter (a–z, A–Z) and then only letters, digits and underscores — R's
 *   syntactic names without dots (Stata does not allow dots; SPSS not at the end);
 * - at most {@link MAX_NAME_LENGTH} characters (SPSS's limit);
 * - not a reserved word of R (`TRUE`, `NA`, `function`, …), SPSS (`AND`, `BY`, `TO`, …) or
 *   Stata (`in`, `if`, `byte`, …), compared without case where the system ignores case;
 * - unique ignoring case: SPSS names are case-insensitive, so `Income` and `income` collide.
 *
 * Names of imported variables are not checked here (the importer owns them); only the names a
 * transform adds.
 */

/** Longest allowed new variable name (SPSS allows 64 bytes; ASCII names are 1 byte a character). */
export const MAX_NAME_LENGTH = 64;

const NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** R's reserved words (?Reserved), case-sensitive. */
const R_RESERVED = new Set([
  'if', 'else', 'repeat', 'while', 'function', 'for', 'next', 'break', 'TRUE', 'FALSE', 'NULL', 'Inf', 'NaN', 'NA',
  'NA_integer_', 'NA_real_', 'NA_character_', 'NA_complex_', 'in',
]);
/** SPSS reserved keywords (case-insensitive). */
const SPSS_RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);
/** Stata reserved names that can start with a letter (case-sensitive in Stata; lower case listed). */
const STATA_RESERVED = new Set(['byte', 'double', 'float', 'if', 'in', 'int', 'long', 'strl', 'using', 'with']);

/** The rule in one sentence, for error messages and form hints. */
export const NAME_RULE =
  'a variable name must start with a letter and contain only letters, digits and underscores (at most 64 characters), so that it works unchanged in R, SPSS and Stata';

/**
 * Why a new variable name is not allowed (ignoring clashes), or null when it is fine.
 *
 * @param name - proposed name.
 * @returns the reason, or null.
 * @example
 * ```ts
 * nameProblem('log income'); // "'log income' contains ' '; a variable name must start with a letter ..."
 * nameProblem('log_income'); // null
 * ```
 */
export function nameProblem(name: string): string | null {
  if (name === '') return `the name is empty; ${NAME_RULE}`;
  if (name.length > MAX_NAME_LENGTH) return `'${name}' has ${name.length} characters; ${NAME_RULE}`;
  if (!NAME_RE.test(name)) {
    if (!/^[A-Za-z]/.test(name)) return `'${name}' does not start with a letter; ${NAME_RULE}`;
    const bad = [...name].find((c) => !/[A-Za-z0-9_]/.test(c)) ?? '';
    return `'${name}' contains '${bad}'; ${NAME_RULE}`;
  }
  const lower = name.toLowerCase();
  const systems: string[] = [];
  if (R_RESERVED.has(name)) systems.push('R');
  if (SPSS_RESERVED.has(lower)) systems.push('SPSS');
  if (STATA_RESERVED.has(lower)) systems.push('Stata');
  if (systems.length) return `'${name}' is a reserved word in ${systems.join(' and ')}; choose another name`;
  return null;
}

/**
 * Turns a category label into a name fragment: runs of characters other than letters and
 * digits become '_', leading and trailing '_' are dropped ("not sure" → "not_sure", "-1" → "1").
 *
 * @param label - category label.
 * @returns the fragment ('' when nothing is left).
 * @example
 * ```ts
 * nameFragment('Not sure'); // 'Not_sure'
 * ```
 */
export function nameFragment(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
