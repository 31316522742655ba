/**
 * LaTeX rendering of a {@link PubTable} with booktabs rules (\toprule, \midrule, \cmidrule
 * under spanning headers, \bottomrule), stars as superscripts and the note under the tabular.
 * Text is escaped (the ten LaTeX specials, plus <, >, |) and the Greek letters, minus sign,
 * superscript 2, ×, arrows, dashes and primes the tables use are written as LaTeX commands, so
 * the output compiles with pdfLaTeX (`\usepackage{booktabs}`). Other non-ASCII text (e.g.
 * Chinese variable names) is passed through: compile with XeLaTeX/LuaLaTeX (xeCJK) then.
 */
import { alignments, checkTable, type PubCell, type PubTable, type RenderOptions } from './model';

/** Options of {@link renderLatex}. */
export interface LatexOptions extends RenderOptions {
  /** Wrap in a table float with \caption (default true); false gives the tabular and note only. */
  float?: boolean;
  /** \label of the float, e.g. "tab:regression". */
  label?: string;
  /** Float placement (default "htbp"). */
  placement?: string;
}

/** What {@link escapeLatex} writes for each special or non-ASCII character. */
export const LATEX_REPLACEMENTS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '\u2212': '$-$',
  α: '$\\alpha$',
  β: '$\\beta$',
  χ: '$\\chi$',
  Δ: '$\\Delta$',
  θ: '$\\theta$',
  ρ: '$\\rho$',
  σ: '$\\sigma$',
  Σ: '$\\Sigma$',
  τ: '$\\tau$',
  ω: '$\\omega$',
  '²': '$^{2}$',
  '×': '$\\times$',
  '→': '$\\rightarrow$',
  '′': '$^{\\prime}$',
  '±': '$\\pm$',
  '≤': '$\\leq$',
  '≥': '$\\geq$',
  '—': '---',
  '–': '--',
  '‘': '`',
  '’': "'",
  '“': '``',
  '”': "''",
  '\u00a0': '~',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(LATEX_REPLACEMENTS).map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/**
 * Escapes text for LaTeX (text mode).
 *
 * @param s - text.
 * @returns LaTeX source.
 * @example
 * ```ts
 * escapeLatex('R² & 50% of x_1'); // 'R$^{2}$ \\& 50\\% of x\\_1'
 * ```
 */
export function escapeLatex(s: string): string {
  // Line breaks would end a table row or paragraph: a cell is one line.
  return s.replace(/\r\n?|\n/g, ' ').replace(SPECIAL_RE, (c) => LATEX_REPLACEMENTS[c]);
}

/**
 * Renders a table as LaTeX (booktabs).
 *
 * @param table - the table.
 * @param options - float, label, placement.
 * @returns LaTeX source.
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * writeFileSync('table2.tex', renderLatex(comparisonTable(models), { label: 'tab:fe' }));
 * ```
 */
export function renderLatex(table: PubTable, options: LatexOptions = {}): string {
  const ncol = checkTable(table);
  const float = options.float ?? true;
  const align = alignments(table).map((a) => a.charAt(0)).join('');
  const out: string[] = [];
  if (float) {
    out.push(`\\begin{table}[${options.placement ?? 'htbp'}]`, '\\centering', `\\caption{${escapeLatex(table.title)}}`);
    if (options.label) out.push(`\\label{${options.label.replace(/[^A-Za-z0-9:._-]/g, '-')}}`);
  }
  out.push(`\\begin{tabular}{@{}${align}@{}}`, '\\toprule');
  table.columns.forEach((row) => {
    let j = 1;
    const rules: string[] = [];
    const cells = row.map((h) => {
      const span = h.colSpan ?? 1;
      const from = j;
      j += span;
      if (span === 1) return escapeLatex(h.text);
      if (h.text !== '') rules.push(`\\cmidrule(lr){${from}-${from + span - 1}}`);
      return `\\multicolumn{${span}}{c}{${escapeLatex(h.text)}}`;
    });
    out.push(`${cells.join(' & ')} \\\\`);
    if (rules.length) out.push(rules.join(' '));
  });
  out.push('\\midrule');
  table.rows.forEach((row, i) => {
    if (row.rule && i > 0) out.push('\\midrule');
    if (row.kind === 'section') {
      out.push(`\\multicolumn{${ncol}}{@{}l}{\\textit{${escapeLatex(row.cells[0].text)}}} \\\\`);
      return;
    }
    const cells = row.cells.map((c, k) => {
      const body = k === 0 ? `${'\\quad '.repeat(row.indent ?? 0)}${escapeLatex(c.text)}` : cellLatex(c);
      const span = c.colSpan ?? 1;
      return span > 1 ? `\\multicolumn{${span}}{c}{${body}}` : body;
    });
    out.push(`${cells.join(' & ')} \\\\`);
  });
  out.push('\\bottomrule', '\\end{tabular}');
  if (table.notes.length) {
    out.push('\\par\\smallskip', `\\begin{minipage}{\\linewidth}\\footnotesize\\textit{Note.} ${escapeLatex(table.notes.join(' '))}\\end{minipage}`);
  }
  if (float) out.push('\\end{table}');
  return `${out.join('\n')}\n`;
}

function cellLatex(c: PubCell): string {
  const stars = c.stars ? `$^{${c.stars}}$` : '';
  const second = c.second ? ` ${escapeLatex(c.second.text)}` : '';
  return `${escapeLatex(c.text)}${stars}${second}`;
}
