/**
 * The attribute table as CSV: reading an import (header "case" + one column per attribute) into
 * a plan the data layer stores in one transaction, and writing the export in the same layout,
 * so an exported table imports back unchanged.
 *
 * Decisions:
 * - the first column is the case; its header must be "case" (any case);
 * - a column named like an existing attribute takes that attribute's type (and choices); a new
 *   column's type is inferred ({@link inferAttributeType}) unless the user chose one;
 * - a case the project does not have yet is created (the preview lists these first);
 * - an empty cell clears the case's value of that attribute; attributes and cases not in the
 *   file are left alone;
 * - any bad value refuses the whole file: the errors name the row (as numbered in the file,
 *   the header being row 1), the case and the column, and nothing is stored.
 */
import Papa from 'papaparse';

import { neutraliseFormula } from '../io/export/coded-segments';
import { type AttributeDef, type AttributeType, inferAttributeType, normalizeChoices, parseAttributeValue } from './attributes';

/** Limits of an attribute import. */
export const IMPORT_LIMITS = { rows: 10_000, columns: 200, bytes: 5 * 1024 * 1024 } as const;

/** One column of the file as it will be stored. */
export interface ImportColumn {
  /** Column header = attribute name. */
  name: string;
  type: AttributeType;
  choices: string[];
  /** True when the project has this attribute already (its type is kept). */
  existing: boolean;
  /** For a new column: the type inferred from its values (the user may have chosen another). */
  inferred?: AttributeType;
}

/** One data row. */
export interface ImportRow {
  /** Row number in the file (header = 1). */
  line: number;
  caseName: string;
  /** The case does not exist yet and will be created. */
  isNew: boolean;
  /** Canonical values, by column name ('' clears). */
  values: Record<string, string>;
}

/** A problem with one cell or row; `message` is a full sentence naming row, case and column. */
export interface ImportProblem {
  line: number;
  column?: string;
  message: string;
}

/** What an import would do. `errors` non-empty: nothing may be stored. */
export interface ImportPlan {
  columns: ImportColumn[];
  rows: ImportRow[];
  newCases: string[];
  errors: ImportProblem[];
}

/** Options of {@link planAttributeImport}. */
export interface PlanImportOptions {
  /** The CSV text (decoded; delimiter comma, semicolon or tab, detected). */
  text: string;
  /** The project's attributes. */
  attributes: readonly AttributeDef[];
  /** The project's case names. */
  caseNames: readonly string[];
  /** Types the user chose for new columns, by column name. */
  types?: Readonly<Record<string, AttributeType>>;
}

function detect(text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  const count = (d: string) => first.split(d).length - 1;
  const best = ([',', ';', '\t'] as const).map((d) => ({ d, n: count(d) })).sort((a, b) => b.n - a.n)[0];
  return best.n > 0 ? best.d : ',';
}

const caseKey = (s: string) => unneutralise(s.normalize('NFC').trim());

/** Undoes {@link neutraliseFormula} of our own export ("'=x" → "=x"), so an export imports back unchanged. */
const unneutralise = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

/**
 * Reads an attribute table CSV into an import plan (pure; nothing stored).
 * @example
 * planAttributeImport({ text: 'case,age\nP01,34\n', attributes: [], caseNames: ['P01'] }).columns[0] // { name: 'age', type: 'number', … }
 */
export function planAttributeImport(options: PlanImportOptions): ImportPlan {
  const errors: ImportProblem[] = [];
  const text = options.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, { delimiter: detect(text), skipEmptyLines: 'greedy' });
  const table = parsed.data;
  const fail = (message: string, line = 1): ImportPlan => ({ columns: [], rows: [], newCases: [], errors: [{ line, message }] });
  if (table.length === 0) return fail('The file is empty.');
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return fail(`Row ${(quoteError.row ?? 0) + 1}: a quoted field is never closed.`, (quoteError.row ?? 0) + 1);
  const header = table[0].map((h) => h.normalize('NFC').trim());
  if ((header[0] ?? '').toLowerCase() !== 'case') return fail(`The first column must be headed “case” (found “${header[0] ?? ''}”).`);
  if (header.length < 2) return fail('The file has no attribute columns: add one column per attribute after “case”.');
  if (header.length - 1 > IMPORT_LIMITS.columns) return fail(`The file has more than ${IMPORT_LIMITS.columns} attribute columns.`);
  if (table.length - 1 > IMPORT_LIMITS.rows) return fail(`The file has more than ${IMPORT_LIMITS.rows} rows.`);
  const seenHeader = new Set<string>();
  for (let j = 1; j < header.length; j++) {
    const name = header[j];
    if (!name) return fail(`Column ${j + 1} has no header: name every attribute column.`);
    if (name.length > 100) return fail(`The header of column ${j + 1} is longer than 100 characters.`);
    if (seenHeader.has(name.toLowerCase())) return fail(`The column “${name}” appears twice.`);
    seenHeader.add(name.toLowerCase());
  }

  const body = table.slice(1).map((cells, i) => ({ line: i + 2, cells }));
  const existingByName = new Map(options.attributes.map((a) => [a.name.toLowerCase(), a]));
  const columns: ImportColumn[] = header.slice(1).map((name, k) => {
    const existing = existingByName.get(name.toLowerCase());
    if (existing) return { name: existing.name, type: existing.type, choices: [...existing.choices], existing: true };
    const inferred = inferAttributeType(body.map((r) => r.cells[k + 1] ?? ''));
    const chosen = options.types?.[name];
    if (!chosen || chosen === inferred.type) return { name, ...inferred, existing: false, inferred: inferred.type };
    const choices = chosen === 'choice' ? normalizeChoices(body.map((r) => (r.cells[k + 1] ?? '').normalize('NFKC').trim())) : [];
    return { name, type: chosen, choices, existing: false, inferred: inferred.type };
  });

  const known = new Set(options.caseNames.map(caseKey));
  const seenCase = new Map<string, number>();
  const rows: ImportRow[] = [];
  const newCases: string[] = [];
  for (const { line, cells } of body) {
    const caseName = caseKey(cells[0] ?? '');
    if (cells.length !== header.length) {
      errors.push({ line, message: `Row ${line}${caseName ? ` (case “${caseName}”)` : ''} has ${cells.length} fields; the header has ${header.length}.` });
      continue;
    }
    if (!caseName) {
      errors.push({ line, message: `Row ${line} has no case in the first column.` });
      continue;
    }
    if (caseName.length > 200) {
      errors.push({ line, message: `Row ${line}: the case name is longer than 200 characters.` });
      continue;
    }
    const earlier = seenCase.get(caseName);
    if (earlier !== undefined) {
      errors.push({ line, message: `Row ${line}: the case “${caseName}” is already on row ${earlier}.` });
      continue;
    }
    seenCase.set(caseName, line);
    const values: Record<string, string> = {};
    columns.forEach((column, k) => {
      const raw = unneutralise(cells[k + 1] ?? '');
      const result = parseAttributeValue(column, raw);
      if (result.ok) values[column.name] = result.value;
      else errors.push({ line, column: column.name, message: `Row ${line} (case “${caseName}”), column “${column.name}” (${column.type}): ${result.error}` });
    });
    const isNew = !known.has(caseName);
    if (isNew) newCases.push(caseName);
    rows.push({ line, caseName, isNew, values });
  }
  return { columns, rows, newCases, errors };
}

/** A case with its canonical values, by attribute name. */
export interface TableCase {
  name: string;
  values: Readonly<Record<string, string>>;
}

/**
 * The attribute table as CSV: UTF-8 with BOM, CRLF, header "case" + the attributes in order.
 * Text and choice cells are neutralised against formula injection ({@link neutraliseFormula});
 * numbers and dates are written as stored, so they import back as they are.
 */
export function attributeTableCsv(attributes: readonly Pick<AttributeDef, 'name' | 'type'>[], cases: readonly TableCase[]): string {
  const rows = cases.map((c) => [
    neutraliseFormula(c.name),
    ...attributes.map((a) => {
      const v = c.values[a.name] ?? '';
      return a.type === 'text' || a.type === 'choice' ? neutraliseFormula(v) : v;
    }),
  ]);
  return `\uFEFF${Papa.unparse([['case', ...attributes.map((a) => neutraliseFormula(a.name))], ...rows], { newline: '\r\n' })}\r\n`;
}
