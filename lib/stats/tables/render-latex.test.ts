import { describe, expect, it } from 'vitest';
import type { PubTable } from './model';
import { LATEX_REPLACEMENTS, escapeLatex, renderLatex } from './render-latex';
import { checkAllCases, tableCases, type Grid } from './test-support';

// Back from LaTeX to text: the replacements, longest first, and the markup the renderer adds.
const INVERSE = Object.entries(LATEX_REPLACEMENTS).sort((a, b) => b[1].length - a[1].length);
function unescape(s: string): string {
  let t = s.replace(/\$\^\{(\*+)\}\$/g, '$1').replace(/\\quad /g, '').replace(/\\textit\{(.*)\}/, '$1');
  for (const [ch, tex] of INVERSE) t = t.split(tex).join(ch);
  return t;
}

/** Splits a tabular line into cells at unescaped &, expanding \multicolumn. */
function cells(line: string): string[] {
  const body = line.replace(/\s*\\\\$/, '');
  return body.split(/(?<!\\) & |(?<!\\)& | &(?= |$)/).flatMap((c) => {
    const m = /^\\multicolumn\{(\d+)\}\{[^}]*\}\{(.*)\}$/.exec(c.trim());
    return m ? [unescape(m[2]), ...new Array<string>(Number(m[1]) - 1).fill('')] : [unescape(c.trim())];
  });
}

function latexGrid(tex: string): Grid {
  const lines = tex.split('\n');
  const top = lines.indexOf('\\toprule');
  const bottom = lines.indexOf('\\bottomrule');
  const inner = lines.slice(top + 1, bottom);
  const mid = inner.indexOf('\\midrule');
  const rowLines = (ls: string[]) => ls.filter((l) => l.endsWith('\\\\'));
  return { header: rowLines(inner.slice(0, mid)).map(cells), body: rowLines(inner.slice(mid + 1)).map(cells) };
}

describe('renderLatex', () => {
  it('shows every number of every table as the engine value rounded to the decimals', async () => {
    await checkAllCases('latex', (tc) => latexGrid(renderLatex(tc.table)));
  });

  it('writes booktabs rules: \\toprule, \\cmidrule under spanning headers, \\midrule above statistics, \\bottomrule', () => {
    const tc = tableCases().find((c) => c.name.startsWith('ols (econ'))!;
    const tex = renderLatex(tc.table, { label: 'tab:ols 1' });
    expect(tex).toMatch(/^\\begin\{table\}\[htbp\]\n\\centering\n\\caption\{Regression Analysis\}\n\\label\{tab:ols-1\}\n\\begin\{tabular\}\{@\{\}lcccccccc@\{\}\}\n\\toprule\n/);
    expect(tex).toContain(' &  &  &  &  &  & \\multicolumn{2}{c}{95\\% CI} &  \\\\\n\\cmidrule(lr){7-8}\nVariable & Coef. & SE & Beta & t & p & LL & UL & VIF \\\\\n\\midrule\n');
    expect(tex).toMatch(/\\\\\n\\midrule\nR\$\^\{2\}\$ & 0\.\d{3} /);
    expect(tex).toMatch(/\\bottomrule\n\\end\{tabular\}\n\\par\\smallskip\n\\begin\{minipage\}\{\\linewidth\}\\footnotesize\\textit\{Note\.\} Dependent variable: satisfaction\./);
    expect(tex.trimEnd().endsWith('\\end{table}')).toBe(true);
    expect(tex).toMatch(/& 0\.\d{3}\$\^\{\*\*\*\}\$ &/); // stars as superscripts
    const bare = renderLatex(tc.table, { float: false });
    expect(bare.startsWith('\\begin{tabular}')).toBe(true);
    expect(bare).not.toContain('\\caption');
  });

  it('indents rows under sections and sets sections across the table in italics', () => {
    const tex = renderLatex(tableCases().find((c) => c.name.startsWith('ols hierarchical'))!.table);
    expect(tex).toContain('\\multicolumn{6}{@{}l}{\\textit{Step 1}} \\\\');
    expect(tex).toMatch(/\n\\quad age & /);
    expect(tex).toContain('\\quad $\\Delta$R$^{2}$ & ');
  });

  it('escapes the LaTeX specials %&_#$ {} ~ ^ \\ and writes the table symbols as commands', () => {
    expect(escapeLatex('50% & x_1 #2 $5 {a} ~b ^c \\d')).toBe('50\\% \\& x\\_1 \\#2 \\$5 \\{a\\} \\textasciitilde{}b \\textasciicircum{}c \\textbackslash{}d');
    expect(escapeLatex('β × R² − Δ → c′ < .001 — α–ω')).toBe('$\\beta$ $\\times$ R$^{2}$ $-$ $\\Delta$ $\\rightarrow$ c$^{\\prime}$ \\textless{} .001 --- $\\alpha$--$\\omega$');
    expect(escapeLatex('line\nbreak')).toBe('line break');
    expect(escapeLatex('收入 income')).toBe('收入 income');
    const hostile: PubTable = {
      title: 'Profit_% & #1',
      style: 'econ',
      columns: [[{ text: 'Var_1' }, { text: '$B$' }]],
      rows: [{ cells: [{ text: 'x_1 & 100%' }, { text: '−1.50', value: -1.5, format: { decimals: 2, leadingZero: true, thousands: false, minus: 'unicode' }, stars: '*' }] }],
      notes: ['Data: 50% of #firms_{2020}.'],
    };
    const tex = renderLatex(hostile);
    expect(tex).toContain('\\caption{Profit\\_\\% \\& \\#1}');
    expect(tex).toContain('Var\\_1 & \\$B\\$ \\\\');
    expect(tex).toContain('x\\_1 \\& 100\\% & $-$1.50$^{*}$ \\\\');
    expect(tex).toContain('\\textit{Note.} Data: 50\\% of \\#firms\\_\\{2020\\}.');
    // Every unescaped special is gone from the body (only the renderer's own markup remains).
    const body = tex.split('\n').filter((l) => l.includes('x\\_1'))[0];
    expect(body.replace(/\\[&%_#$]/g, '').replace(/\$-\$|\$\^\{\*\}\$/g, '')).not.toMatch(/[%_#$]/);
  });
});
