/**
 * HTML rendering of a {@link PubTable}: a semantic <table> (caption, <thead> with
 * scope="col"/"colgroup" headers, <tbody> with a row header per row, <tfoot> with the note),
 * every text escaped, stars in <sup>. With inline styles (the default) it keeps the APA look —
 * rules above and below the header and under the last row, no vertical lines — when pasted
 * into Word or Google Docs; `data-value` holds the unrounded number of each numeric cell.
 */
import { alignments, checkTable, type PubCell, type PubTable, type RenderOptions } from './model';

/** Options of {@link renderHtml}. */
export interface HtmlOptions extends RenderOptions {
  /** Inline CSS for the rules and alignment (default true); false leaves styling to a stylesheet. */
  inlineStyles?: boolean;
  /** class of the <table> (default "pub-table"). */
  className?: string;
}

const RULE = '1px solid #000';

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @param s - text.
 * @returns the escaped text.
 * @example
 * ```ts
 * escapeHtml('<script>'); // '&lt;script&gt;'
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Renders a table as HTML.
 *
 * @param table - the table.
 * @param options - table number, inline styles, class.
 * @returns an HTML fragment (one <table> element).
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * element.innerHTML = renderHtml(olsTable(result), { number: 2 });
 * ```
 */
export function renderHtml(table: PubTable, options: HtmlOptions = {}): string {
  const ncol = checkTable(table);
  const styled = options.inlineStyles ?? true;
  const align = alignments(table);
  const style = (decls: Array<string | false | undefined>) => {
    const d = decls.filter(Boolean);
    return styled && d.length ? ` style="${escapeHtml(d.join(';'))}"` : '';
  };
  const out: string[] = [];
  out.push(`<table class="${escapeHtml(options.className ?? 'pub-table')}"${style(['border-collapse:collapse', 'font-variant-numeric:tabular-nums'])}>`);
  const num = options.number !== undefined ? `<strong>Table ${escapeHtml(String(options.number))}</strong><br>` : '';
  const title = table.style === 'apa' ? `<em>${escapeHtml(table.title)}</em>` : escapeHtml(table.title);
  out.push(`<caption${style(['caption-side:top', 'text-align:left', 'padding-bottom:0.5em'])}>${num}${title}</caption>`);

  out.push('<thead>');
  table.columns.forEach((row, i) => {
    const first = i === 0;
    const last = i === table.columns.length - 1;
    let j = 0;
    const cells = row.map((h) => {
      const span = h.colSpan ?? 1;
      const spanning = span > 1 && h.text !== '';
      const a = align[j];
      j += span;
      const attrs = `${span > 1 ? ` colspan="${span}"` : ''} scope="${span > 1 ? 'colgroup' : 'col'}"`;
      const css = style([
        `text-align:${span > 1 ? 'center' : a}`,
        'font-weight:normal',
        'padding:2px 8px',
        first && `border-top:${RULE}`,
        (last || spanning) && `border-bottom:${RULE}`,
      ]);
      return `<th${attrs}${css}>${escapeHtml(h.text)}</th>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</thead>');

  out.push('<tbody>');
  table.rows.forEach((row, i) => {
    const last = i === table.rows.length - 1;
    const top = row.rule ? `border-top:${RULE}` : false;
    const bottom = last ? `border-bottom:${RULE}` : false;
    if (row.kind === 'section') {
      const c = row.cells[0];
      out.push(`<tr><th scope="rowgroup" colspan="${ncol}"${style(['text-align:left', 'font-weight:normal', 'font-style:italic', 'padding:2px 8px', top, bottom])}>${escapeHtml(c.text)}</th></tr>`);
      return;
    }
    let j = 0;
    const cells = row.cells.map((c, k) => {
      const span = c.colSpan ?? 1;
      const a = align[j];
      j += span;
      const colspan = span > 1 ? ` colspan="${span}"` : '';
      if (k === 0) {
        const indent = row.indent ? `padding-left:${8 + 16 * row.indent}px` : false;
        return `<th scope="row"${colspan}${style([`text-align:${a}`, 'font-weight:normal', 'padding:2px 8px', indent, top, bottom])}>${escapeHtml(c.text)}</th>`;
      }
      const value = c.value !== undefined ? ` data-value="${c.value}"` : '';
      return `<td${colspan}${value}${style([`text-align:${a}`, 'padding:2px 8px', 'white-space:nowrap', top, bottom])}>${cellHtml(c)}</td>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody>');

  if (table.notes.length) {
    out.push(`<tfoot><tr><td colspan="${ncol}"${style(['text-align:left', 'padding:4px 0 0 0', 'font-size:0.9em'])}><em>Note.</em> ${escapeHtml(table.notes.join(' '))}</td></tr></tfoot>`);
  }
  out.push('</table>');
  return out.join('\n');
}

function cellHtml(c: PubCell): string {
  const stars = c.stars ? `<sup>${escapeHtml(c.stars)}</sup>` : '';
  const second = c.second ? ` ${escapeHtml(c.second.text)}` : '';
  return `${escapeHtml(c.text)}${stars}${second}`;
}
