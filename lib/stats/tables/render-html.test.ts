// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PubTable } from './model';
import { escapeHtml, renderHtml } from './render-html';
import { checkAllCases, tableCases, type Grid } from './test-support';

function expand(cells: Element[]): string[] {
  return cells.flatMap((c) => [c.textContent ?? '', ...new Array<string>(Number(c.getAttribute('colspan') ?? 1) - 1).fill('')]);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function htmlGrid(html: string): Grid {
  const doc = parse(html);
  const rows = (sel: string) => [...doc.querySelectorAll(sel)].map((tr) => expand([...tr.children]));
  return { header: rows('thead tr'), body: rows('tbody tr') };
}

const hostile: PubTable = {
  title: 'Results <script>alert(1)</script> & "quotes"',
  style: 'apa',
  columns: [[{ text: 'Predictor' }, { text: '<b>B</b>' }]],
  rows: [
    { cells: [{ text: '<img src=x onerror=alert(1)>' }, { text: '0.50', value: 0.5, format: { decimals: 2, leadingZero: true, thousands: false, minus: 'unicode' }, stars: '**' }] },
  ],
  notes: ["x < y & it's <i>fine</i>"],
};

describe('renderHtml', () => {
  it('shows every number of every table as the engine value rounded to the decimals', async () => {
    await checkAllCases('html', (tc) => htmlGrid(renderHtml(tc.table)));
  });

  it('is a semantic table: caption, thead with column scopes, a row header per row, note in tfoot', () => {
    const tc = tableCases().find((c) => c.name.startsWith('ols hierarchical'))!;
    const doc = parse(renderHtml(tc.table, { number: 2 }));
    const table = doc.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe(`Table 2${tc.table.title}`);
    expect(table.querySelector('caption strong')!.textContent).toBe('Table 2');
    expect(table.querySelector('caption em')!.textContent).toBe(tc.table.title);
    expect([...table.querySelectorAll('thead th')].every((th) => ['col', 'colgroup'].includes(th.getAttribute('scope')!))).toBe(true);
    expect(table.querySelectorAll('thead th[colspan="2"][scope="colgroup"]')).toHaveLength(0); // no CI in this table
    const body = [...table.querySelectorAll('tbody tr')];
    expect(body).toHaveLength(tc.table.rows.length);
    expect(body.every((tr) => tr.firstElementChild!.tagName === 'TH')).toBe(true);
    expect(body[0].firstElementChild!.getAttribute('scope')).toBe('rowgroup'); // "Step 1"
    expect(body[0].firstElementChild!.getAttribute('colspan')).toBe('6');
    expect(table.querySelector('tfoot td')!.textContent).toBe(`Note. ${tc.table.notes.join(' ')}`);
    expect(table.querySelector('tfoot em')!.textContent).toBe('Note.');
    // APA regression table: exact p, no stars; data-value keeps the unrounded number.
    const age = body.find((tr) => tr.firstElementChild!.textContent === 'age')!;
    expect(age.querySelector('td sup')).toBeNull();
    const b = tc.table.rows.find((r) => r.cells[0].text === 'age')!.cells[1];
    expect(Number(age.querySelector('td')!.getAttribute('data-value'))).toBe(b.value);
    // Stars (where a table has them) are superscripts.
    const econ = tableCases().find((c) => c.style === 'econ' && c.table.rows.some((r) => r.cells.some((cell) => cell.stars)))!;
    const starred = parse(renderHtml(econ.table)).querySelector('tbody td sup');
    expect(starred!.textContent).toMatch(/^\*{1,3}$/);
  });

  it('draws the APA rules with inline styles, and none without them', () => {
    const tc = tableCases().find((c) => c.name.startsWith('mediation'))!;
    const doc = parse(renderHtml(tc.table));
    const head = [...doc.querySelectorAll('thead tr')];
    expect(head).toHaveLength(2);
    expect([...head[0].children].every((th) => (th as HTMLElement).style.borderTop.includes('solid'))).toBe(true);
    const span = head[0].querySelector('th[colspan="2"]') as HTMLElement;
    expect(span.textContent).toBe('95% CI');
    expect(span.style.borderBottom).toContain('solid');
    expect([...head[1].children].every((th) => (th as HTMLElement).style.borderBottom.includes('solid'))).toBe(true);
    const last = [...doc.querySelectorAll('tbody tr')].at(-1)!;
    expect([...last.children].every((c) => (c as HTMLElement).style.borderBottom.includes('solid'))).toBe(true);
    const plain = renderHtml(tc.table, { inlineStyles: false, className: 'apa' });
    expect(plain).not.toContain('style=');
    expect(parse(plain).querySelector('table')!.className).toBe('apa');
  });

  it('escapes text: no markup from titles, labels, headers or notes', () => {
    const html = renderHtml(hostile, { number: '<1>' });
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, b, i')).toHaveLength(0);
    expect(doc.querySelector('caption')!.textContent).toBe('Table <1>Results <script>alert(1)</script> & "quotes"');
    expect(doc.querySelector('tbody th')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('thead th:nth-child(2)')!.textContent).toBe('<b>B</b>');
    expect(doc.querySelector('tfoot td')!.textContent).toBe("Note. x < y & it's <i>fine</i>");
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('rejects a table whose spans do not add up', () => {
    expect(() => renderHtml({ ...hostile, rows: [{ cells: [{ text: 'a' }] }] })).toThrow(/row 1 covers 1 columns, the table has 2/);
  });
});
