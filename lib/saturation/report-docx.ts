/**
 * The saturation report as a Word document (portrait A4, APA-style tables with horizontal
 * rules only, from ../stats/tables/render-docx): the hold-out verdict first (the sentence a
 * methods section quotes), the new items per test source, Guest et al.'s assessment with its
 * runs, the emergence table and the thin categories. Node.js (docx's Packer).
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

import { LEVEL_NAME } from '../coding/hierarchy-types';
import { xmlSafe } from '../io/export/xlsx-writer';
import { NONE, PAGE, RULE, THIN } from '../stats/tables/render-docx';
import { codeText, kindWord, relationText, type SaturationReport } from './report';

const FONT = 'Times New Roman';
const SIZE = 20; // 10 pt

export interface SaturationDocxOptions {
  projectName: string;
  generatedAt: Date;
}

const run = (text: string, extra: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(text), ...extra });
const para = (text: string, extra: { bold?: boolean; italics?: boolean; size?: number } = {}, after = 120) => new Paragraph({ children: [run(text, extra)], spacing: { after } });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text, { bold: true, size: SIZE + 4 })], spacing: { before: 240, after: 120 } });

/** An APA table: rule above and below the header, rule at the bottom. */
function table(headers: string[], rows: string[][], shares: number[]): Table {
  const textWidth = PAGE.short - 2 * PAGE.margin;
  const widths = shares.map((s) => Math.floor(textWidth * s));
  const cell = (j: number, text: string, borders: Record<string, typeof RULE>, bold = false) =>
    new TableCell({ width: { size: widths[j], type: WidthType.DXA }, borders, margins: { left: 80, right: 80, top: 30, bottom: 30 }, children: text.split('\n').map((line) => para(line, { bold }, 0)) });
  const body = rows.length ? rows : [[...headers.map((_, j) => (j === 0 ? '—' : ''))]];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, j) => cell(j, h, { top: RULE, bottom: THIN }, true)) }),
      ...body.map((r, i) => new TableRow({ cantSplit: true, children: r.map((text, j) => cell(j, text, i === body.length - 1 ? { bottom: RULE } : {})) })),
    ],
  });
}

/**
 * Renders the report as a .docx.
 * @returns the file bytes.
 */
export async function saturationDocx(report: SaturationReport, options: SaturationDocxOptions): Promise<Uint8Array<ArrayBuffer>> {
  const code = (id: string) => report.codes[id] ?? { label: '', name: id };
  const children: Array<Paragraph | Table> = [
    para(`Saturation report: ${options.projectName}`, { italics: true, size: SIZE + 8 }, 60),
    para(`Generated ${options.generatedAt.toISOString().slice(0, 10)} · coding order: ${report.mode === 'user' ? 'set by the team' : 'by first coding'}`, { size: SIZE - 2 }, 200),
  ];

  children.push(heading('Hold-out saturation test'));
  if (report.holdOut) {
    children.push(para(report.holdOut.verdict, { bold: true }));
    children.push(para(`Hierarchy snapshot taken ${report.holdOut.snapshotAt.slice(0, 16).replace('T', ' ')} UTC, before the test sources were coded.`, { size: SIZE - 2 }));
    const rows = report.holdOut.sources.map((s) => {
      const levels = (min: number, max: number) =>
        s.newCodes
          .filter((c) => c.level >= min && c.level <= max)
          .map((c) => `${codeText(c)}${c.parent ? ` (${c.parentExisted ? 'absorbed into' : 'under'} ${c.parent.label || c.parent.name})` : ''}`)
          .join('\n') || '—';
      return [s.title + (s.coded ? '' : ' (not coded yet)'), kindWord(s.kind), levels(1, 1), levels(2, 4), s.newRelations.map(relationText).join('\n') || '—'];
    });
    children.push(table(['Test source', 'Kind', 'New concepts', 'New categories', 'New relations'], rows, [0.24, 0.1, 0.22, 0.22, 0.22]));
    const { codes, relations } = report.holdOut.elsewhere;
    if (codes.length || relations.length) {
      children.push(para(`Also new since the snapshot, not from a test source: ${[...codes.map((c) => `${LEVEL_NAME[c.level]} ${codeText(c)}`), ...relations.map(relationText)].join('; ')}.`, { italics: true, size: SIZE - 2 }));
    }
  } else {
    children.push(para('No test set has been marked, so there is no snapshot to compare with.', { italics: true }));
  }

  const g = report.guest;
  children.push(heading('Guest, Namey & Chen (2020) assessment'));
  children.push(para(g.sentence.charAt(0).toUpperCase() + g.sentence.slice(1) + '.', { bold: true }));
  children.push(
    para(
      `Base: the first ${g.options.base} sources (${g.baseCodes} unique codes). New information in a run of ${g.options.run} = codes first seen in the run ÷ the base's unique codes; runs move forward one source at a time.${g.problem ? ` Not assessable: ${g.problem}.` : ''}`,
      { size: SIZE - 2 },
    ),
  );
  if (g.runs.length) {
    children.push(table(['Run (sources)', 'New codes', '% of base', 'Meets threshold'], g.runs.map((r) => [`${r.from}–${r.to}`, String(r.newCodes), `${(r.ratio * 100).toFixed(1)} %`, r.meetsThreshold ? 'yes' : 'no']), [0.3, 0.2, 0.25, 0.25]));
  }

  children.push(heading('Emergence by source'));
  children.push(
    table(
      ['#', 'Source', 'New concepts', 'New categories', 'New main categories', 'Cumulative (C / B / A)'],
      report.emergence.map((p) => [
        String(p.position),
        `${p.title}${p.saturationTest ? ' (test)' : ''}`,
        p.added[1].map((id) => codeText(code(id))).join('\n') || '—',
        p.added[2].map((id) => codeText(code(id))).join('\n') || '—',
        p.added[3].map((id) => codeText(code(id))).join('\n') || '—',
        `${p.cumulative[1]} / ${p.cumulative[2]} / ${p.cumulative[3]}`,
      ]),
      [0.06, 0.22, 0.2, 0.18, 0.18, 0.16],
    ),
  );

  children.push(heading('Thin categories'));
  const reason = { 'one-source': 'one source only', 'one-coder': 'one coder only', 'no-coding': 'no coded segments' } as const;
  children.push(
    table(
      ['Category', 'Level', 'Sources', 'Coders', 'Why thin'],
      report.thin.map((t) => [codeText(t), LEVEL_NAME[t.level], String(t.sources), String(t.coders), t.reasons.map((r) => reason[r]).join('; ')]),
      [0.34, 0.16, 0.12, 0.12, 0.26],
    ),
  );

  const doc = new Document({
    creator: 'Groundwork',
    lastModifiedBy: 'Groundwork',
    title: xmlSafe(`Saturation report: ${options.projectName}`),
    styles: { default: { document: { run: { size: SIZE, font: FONT } } } },
    sections: [{ properties: { page: { size: { width: PAGE.short, height: PAGE.long }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc)) as Uint8Array<ArrayBuffer>;
}
