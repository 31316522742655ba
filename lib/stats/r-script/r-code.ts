/**
 * Writing R source text: string literals, names (backtick-quoted unless plainly syntactic),
 * vectors, model formulas. Names that are not plain ASCII identifiers are always quoted, so a
 * column called `年龄` or `job satisfaction` works in any locale.
 */

/** An option combination the R script generator cannot reproduce faithfully in R. */
export class RScriptUnsupportedError extends Error {
  /**
   * @param message - what is not supported, naming the options.
   */
  constructor(message: string) {
    super(message);
    this.name = 'RScriptUnsupportedError';
  }
}

// R's reserved words (?Reserved): never bare names.
const RESERVED = new Set([
  'if', 'else', 'repeat', 'while', 'function', 'for', 'next', 'break', 'in', 'TRUE', 'FALSE', 'NULL',
  'Inf', 'NaN', 'NA', 'NA_integer_', 'NA_real_', 'NA_complex_', 'NA_character_',
]);
const SYNTACTIC = /^(?:[A-Za-z]|\.(?![0-9]))[A-Za-z0-9._]*$/;

/**
 * An R string literal in double quotes (backslash, quote and control characters escaped;
 * other characters, including Chinese, kept as they are: the script is UTF-8).
 *
 * @param s - the text.
 * @returns the literal.
 * @example
 * ```ts
 * rString('say "hi"'); // "say \"hi\""
 * ```
 */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A variable name as R code: bare when it is an ASCII syntactic name, else in backticks.
 *
 * @param name - column name.
 * @returns `name` or `` `name` ``.
 * @throws {RScriptUnsupportedError} for a name with a backtick, a backslash or a control
 *   character (R cannot quote it in a formula).
 * @example
 * ```ts
 * rName('age'); // age
 * rName('年龄'); // `年龄`
 * ```
 */
export function rName(name: string): string {
  if (isSyntactic(name)) return name;
  assertQuotable(name);
  return `\`${name}\``;
}

/**
 * Whether a name is a plain ASCII R name (letters, digits, '.', '_'; not reserved), usable bare
 * in any locale.
 *
 * @param name - column name.
 * @returns true when no quoting is needed.
 */
export function isSyntactic(name: string): boolean {
  return SYNTACTIC.test(name) && !RESERVED.has(name);
}

/**
 * Throws when a column name cannot be written in an R formula.
 *
 * @param name - column name.
 * @throws {RScriptUnsupportedError} naming the column.
 */
export function assertQuotable(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[`\\\u0000-\u001f\u007f]/.test(name)) {
    throw new RScriptUnsupportedError(`column name ${JSON.stringify(name)} contains a backtick, a backslash or a control character, which an R formula cannot quote; rename the column`);
  }
}

/**
 * An R character vector `c("a", "b")` (`character(0)` when empty).
 *
 * @param items - strings.
 * @returns R code.
 * @example
 * ```ts
 * rVector(['a', 'b c']); // c("a", "b c")
 * ```
 */
export function rVector(items: readonly string[]): string {
  return items.length ? `c(${items.map(rString).join(', ')})` : 'character(0)';
}

/**
 * A number as R code (JavaScript's shortest round-trip decimal, which R parses to the same double).
 *
 * @param v - a finite number.
 * @returns R code.
 * @example
 * ```ts
 * rNumber(0.25); // 0.25
 * ```
 */
export function rNumber(v: number): string {
  if (!Number.isFinite(v)) throw new RScriptUnsupportedError(`${v} is not a finite number`);
  return String(v);
}

/**
 * A model term as R code: "x:w" → `x:w`, each variable quoted as needed.
 *
 * @param term - an app term (variables joined by ':').
 * @returns R code.
 * @example
 * ```ts
 * rTerm('age:job type'); // age:`job type`
 * ```
 */
export function rTerm(term: string): string {
  return term
    .split(':')
    .map((v) => rName(v.trim()))
    .join(':');
}

/**
 * A model formula `y ~ a + b + a:b` (`y ~ 0 + …` without an intercept, `y ~ 1` with no terms).
 *
 * @param y - outcome column.
 * @param terms - app terms.
 * @param intercept - include the intercept (default true).
 * @returns R code.
 * @example
 * ```ts
 * rFormula('sat', ['age', 'age:female']); // sat ~ age + age:female
 * ```
 */
export function rFormula(y: string, terms: readonly string[], intercept = true): string {
  const rhs = terms.map(rTerm);
  if (!intercept) rhs.unshift('0');
  return `${rName(y)} ~ ${rhs.length ? rhs.join(' + ') : '1'}`;
}

/**
 * Indents every non-empty line.
 *
 * @param code - lines of R code.
 * @param by - spaces (default 2).
 * @returns the indented code.
 */
export function indent(code: string, by = 2): string {
  const pad = ' '.repeat(by);
  return code
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : pad + l))
    .join('\n');
}
