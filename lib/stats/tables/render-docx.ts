/**
 * Word (DOCX) rendering of a {@link PubTable} with the `docx` package: "Table n" in bold and
 * the title (italic for APA) above a real Word table drawn as APA 7 asks (Publication Manual,
 * sec. 7.14): horizontal rules only — above and below the header row(s), under spanning
 * headers, above statistic blocks and under the last row — no vertical lines; stars as
 * superscripts; the note below in a paragraph that starts with "Note." in italics. The header
 * rows repeat on every page. Portrait A4 by default; `landscape` for wide tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableCellBorders,
} from 'docx';

import { xmlSafe } from '@/lib/io/export/xlsx-writer';
import { alignments, checkTable, type PubCell, type PubTable, type RenderOptions } from './model';

/** Options of {@link renderDocx}. */
export interface DocxOptions extends RenderOptions {
  /** Landscape page (default false). */
  landscape?: boolean;
  /** Font (default "Times New Roman"). */
  font?: string;
  /** Table text size in points (default 10; the note is one point smaller). */
  size?: number;
}

/** A4 in DXA with 1-inch margins (exported for other Word renderers, e.g. lib/mixed's joint display). */
export const PAGE = { short: 11906, long: 16838, margin: 1440 } as const;
/** APA table rules: 1 pt (top and bottom), 0.5 pt (inside), none. */
export const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
export const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * Renders a table as a Word document.
 *
 * @param table - the table.
 * @param options - table number, orientation, font and size.
 * @returns the .docx bytes.
 * @throws {RangeError} when the table's spans do not add up.
 * @example
 * ```ts
 * const bytes = await renderDocx(mediationTable(result), { number: 4 });
 * ```
 */
export async function renderDocx(table: PubTable, options: DocxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const ncol = checkTable(table);
  const align = alignments(table);
  const size = Math.round((options.size ?? 10) * 2);
  const font = options.font ?? 'Times New Roman';
  const landscape = options.landscape ?? false;
  const textWidth = (landscape ? PAGE.long : PAGE.short) - 2 * PAGE.margin;
  // The stub gets room for labels; the number columns share the rest.
  const stub = Math.round(textWidth * (ncol > 6 ? 0.26 : 0.34));
  const rest = Math.floor((textWidth - stub) / Math.max(1, ncol - 1));
  const widths = [stub, ...new Array<number>(ncol - 1).fill(rest)];
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const run = (text: string, extra: { italics?: boolean; bold?: boolean; superScript?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(text), ...extra });
  const para = (children: TextRun[], alignment: 'left' | 'center' | 'right', indent = 0) =>
    new Paragraph({ alignment: ALIGN[alignment], children, ...(indent ? { indent: { left: 240 * indent } } : {}) });

  const headerRows = table.columns.map((row, i) => {
    const first = i === 0;
    const last = i === table.columns.length - 1;
    let j = 0;
    return new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: row.map((h) => {
        const span = h.colSpan ?? 1;
        const borders: ITableCellBorders = {
          ...(first ? { top: RULE } : {}),
          ...(last ? { bottom: THIN } : span > 1 && h.text !== '' ? { bottom: THIN } : {}),
        };
        const cell = new TableCell({
          columnSpan: span > 1 ? span : undefined,
          width: { size: spanWidth(j, span), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.BOTTOM,
          borders,
          children: [para(h.text ? [run(h.text)] : [], span > 1 ? 'center' : align[j])],
        });
        j += span;
        return cell;
      }),
    });
  });

  const bodyRows = table.rows.map((row, i) => {
    const last = i === table.rows.length - 1;
    const borders: ITableCellBorders = { ...(row.rule ? { top: THIN } : {}), ...(last ? { bottom: RULE } : {}) };
    let j = 0;
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((c, k) => {
        const span = c.colSpan ?? 1;
        const children =
          row.kind === 'section'
            ? [para([run(c.text, { italics: true })], 'left')]
            : k === 0
              ? [para(c.text ? [run(c.text)] : [], align[j], row.indent ?? 0)]
              : [para(cellRuns(c, run), span > 1 ? 'center' : align[j])];
        const cell = new TableCell({
          columnSpan: span > 1 ? span : undefined,
          width: { size: spanWidth(j, span), type: WidthType.DXA },
          borders,
          children,
        });
        j += span;
        return cell;
      }),
    });
  });

  const heading: Paragraph[] = [];
  if (options.number !== undefined) heading.push(new Paragraph({ children: [run(`Table ${options.number}`, { bold: true })], spacing: { after: 120 } }));
  heading.push(new Paragraph({ children: [run(table.title, table.style === 'apa' ? { italics: true } : {})], spacing: { after: 120 } }));
  const notes = table.notes.length
    ? [new Paragraph({ spacing: { before: 120 }, children: [run('Note.', { italics: true, size: size - 2 }), run(` ${table.notes.join(' ')}`, { size: size - 2 })] })]
    : [];

  const doc = new Document({
    creator: 'Groundwork',
    lastModifiedBy: 'Groundwork',
    title: xmlSafe(table.title),
    styles: { default: { document: { run: { size, font } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.short, height: PAGE.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        children: [
          ...heading,
          new Table({
            rows: [...headerRows, ...bodyRows],
            width: { size: textWidth, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
          }),
          ...notes,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function cellRuns(c: PubCell, run: (text: string, extra?: { superScript?: boolean }) => TextRun): TextRun[] {
  const runs = [run(c.text)];
  if (c.stars) runs.push(run(c.stars, { superScript: true }));
  if (c.second) runs.push(run(` ${c.second.text}`));
  return c.text || c.stars || c.second ? runs : [];
}
