import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { NumberFormat, PubTable } from './model';
import { excelNumberFormat, renderXlsx, type XlsxOptions } from './render-xlsx';
import { sheetLayout } from './sheet-layout';
import { checkAllCases, tableCases, type Grid, type TableCase } from './test-support';

async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  // exceljs's types want a Node Buffer; the bytes are the same.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

/**
 * What Excel shows for a number under one of our formats: the section (a condition such as
 * [<0.001], else the negative section for negative values), quoted literals, and one digit
 * placeholder run like #,##0.000 or #.00 (a "#" integer part drops the zero).
 */
function excelDisplay(value: number, format: string): string {
  const sections = format.match(/(?:"[^"]*"|[^;])+/g)!;
  let section = sections[0];
  let v = value;
  const cond = /^\[<([\d.]+)\]/.exec(section);
  if (cond) section = value < Number(cond[1]) ? section.slice(cond[0].length) : sections[1];
  else if (value < 0) {
    expect(sections.length, `format ${format} has a negative section`).toBe(2);
    section = sections[1];
    v = Math.abs(value);
  }
  return section.replace(/"([^"]*)"|([#0,.]+)/g, (_, literal: string | undefined, digits: string) => {
    if (literal !== undefined) return literal;
    const [intPart, decPart = ''] = digits.split('.');
    const fixed = v.toFixed(decPart.length);
    let [int, frac] = fixed.split('.');
    if (!intPart.includes('0') && int === '0') int = '';
    if (intPart.includes(',')) int = int.replace(/\B(?=(\d{3})+$)/g, ',');
    return decPart.length ? `${int}.${frac}` : int;
  });
}

/** Cell texts by logical column (as Excel shows them) and the stored numbers. */
async function xlsxGrid(tc: TableCase, options: XlsxOptions = {}): Promise<Grid & { numbers: Array<Array<number | undefined>> }> {
  const sheet = await readXlsx(await renderXlsx(tc.table, options));
  const layout = sheetLayout(tc.table, { starsColumn: options.stars === 'column' });
  const first = options.number !== undefined ? 4 : 3; // ["Table n"], title, blank row
  const shown = (r: number, c: number): { text: string; number?: number } => {
    const cell = sheet.getRow(r).getCell(c + 1);
    if (cell.isMerged && cell.master.address !== cell.address) return { text: '' };
    const v = cell.value;
    if (typeof v === 'number') {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      return { text: excelDisplay(v, cell.numFmt), number: v };
    }
    expect(cell.formula).toBeUndefined();
    return { text: v === null || v === undefined ? '' : String(v) };
  };
  const logicalRow = (r: number, roles?: Array<'label' | 'stars' | 'cell'>) => {
    const texts: string[] = new Array<string>(tc.table.columns.at(-1)!.length).fill('');
    const numbers: Array<number | undefined> = new Array<number | undefined>(texts.length).fill(undefined);
    const seen = new Set<number>();
    for (let c = 0; c < layout.ncol; c++) {
      const j = layout.logical[c];
      const s = shown(r, c);
      if (!seen.has(j)) {
        seen.add(j);
        texts[j] = s.text;
        numbers[j] = s.number;
      } else if (roles?.[c] === 'stars') texts[j] += s.text;
      else if (s.text !== '') texts[j] += ` ${s.text}`;
    }
    return { texts, numbers };
  };
  const header = layout.header.map((_, i) => logicalRow(first + i).texts);
  const bodyStart = first + layout.header.length;
  const body = layout.body.map(({ cells }, i) => {
    const roles = cells.flatMap((c) => new Array<'label' | 'stars' | 'cell'>(c.colSpan).fill(c.role));
    return logicalRow(bodyStart + i, roles);
  });
  return { header, body: body.map((b) => b.texts), numbers: body.map((b) => b.numbers) };
}

describe('excelNumberFormat', () => {
  const f = (o: Partial<NumberFormat>): NumberFormat => ({ decimals: 3, leadingZero: true, thousands: true, minus: 'unicode', ...o });
  it.each([
    [f({}), '', '#,##0.000;"−"#,##0.000'],
    [f({ minus: 'hyphen', thousands: false }), '***', '0.000"***";"-"0.000"***"'],
    [f({ leadingZero: false, thousands: false, decimals: 2 }), '', '#.00;"−"#.00'],
    [f({ parens: true, decimals: 2 }), '', '"("#,##0.00")";"(−"#,##0.00")"'],
    [f({ decimals: 0 }), '', '#,##0;"−"#,##0'],
    [f({ leadingZero: false, thousands: false, pValue: true }), '', '[<0.001]"< .001";#.000'],
    [f({ minus: 'hyphen', parens: true, decimals: 1 }), '*', '"("#,##0.0")*";"(-"#,##0.0")*"'],
    [f({ thousands: false, pValue: true, decimals: 4 }), '', '[<0.0001]"< 0.0001";0.0000'],
  ])('%j %s → %s', (format, suffix, code) => {
    expect(excelNumberFormat(format, suffix)).toBe(code);
  });

  it('shows what the table shows', () => {
    expect(excelDisplay(-0.1584, excelNumberFormat(f({ leadingZero: false, thousands: false, decimals: 2 })))).toBe('−.16');
    expect(excelDisplay(0.0004, excelNumberFormat(f({ leadingZero: false, thousands: false, pValue: true })))).toBe('< .001');
    expect(excelDisplay(0.034, excelNumberFormat(f({ leadingZero: false, thousands: false, pValue: true })))).toBe('.034');
    expect(excelDisplay(12345.678, excelNumberFormat(f({ decimals: 1 }), '**'))).toBe('12,345.7**');
    expect(excelDisplay(-3.12, excelNumberFormat(f({ parens: true, decimals: 2 })))).toBe('(−3.12)');
    // A negative value that rounds to zero shows no minus, as the other renderers write it.
    expect(excelDisplay(-2e-17, excelNumberFormat(f({ decimals: 2 }), '', -2e-17))).toBe('0.00');
  });
});

describe('renderXlsx', () => {
  it('shows every number of every table as the engine value rounded to the decimals (stars in the number format)', async () => {
    await checkAllCases('xlsx', (tc) => xlsxGrid(tc));
  });

  it('shows every number with stars in a column of their own, and a table number', async () => {
    await checkAllCases('xlsx (stars column)', (tc) => xlsxGrid(tc, { stars: 'column', number: 3 }));
  });

  it('stores numbers as numbers: the engine values at full precision, or rounded as shown', async () => {
    for (const tc of tableCases()) {
      const exact = await xlsxGrid(tc);
      const rounded = await xlsxGrid(tc, { rounded: true });
      for (const c of tc.checks) {
        if (c.part === 'second') continue; // the second number has its own cell, checked through the grid
        const rows = exact.body.map((r, i) => (r[0] === c.row ? i : -1)).filter((i) => i >= 0);
        const i = rows[c.nth ?? 0] + (c.below ? 1 : 0);
        expect(exact.numbers[i][c.col], `${tc.name} / ${c.row} col ${c.col}`).toBe(c.value);
        expect(rounded.numbers[i][c.col], `${tc.name} / ${c.row} col ${c.col} rounded`).toBe(Number(c.value.toFixed(c.decimals)) + 0);
      }
    }
  });

  it('splits an inline "coef*** (t)" cell into two number cells under a merged header', async () => {
    const tc = tableCases().find((c) => c.name.startsWith('comparison of panel models'))!;
    const sheet = await readXlsx(await renderXlsx(tc.table));
    // Title, blank, "Dependent variable: y" over B:K, then (1) over B:C …
    expect(sheet.getCell('B3').value).toBe('Dependent variable: y');
    expect(sheet.getCell('K3').isMerged).toBe(true);
    expect(sheet.getCell('B4').value).toBe('(1)');
    expect(sheet.getCell('C4').master.address).toBe('B4');
    const x1 = sheet.getRow(5);
    expect(x1.getCell(1).value).toBe('x1');
    expect(typeof x1.getCell(2).value).toBe('number');
    expect(x1.getCell(2).numFmt).toMatch(/"\*\*\*"$/);
    expect(typeof x1.getCell(3).value).toBe('number');
    expect(x1.getCell(3).numFmt.startsWith('"("')).toBe(true);
  });

  it('draws the APA rules as borders, merges spanning headers, and writes the note with "Note." in italics', async () => {
    const tc = tableCases().find((c) => c.name.startsWith('ols (econ'))!;
    const sheet = await readXlsx(await renderXlsx(tc.table, { number: 1, created: new Date('2026-01-01T00:00:00Z') }));
    expect(sheet.name).toBe('Table 1');
    expect(sheet.getCell('A1').value).toBe('Table 1');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe(tc.table.title);
    // Header rows 4 (95% CI over G:H) and 5.
    expect(sheet.getCell('G4').value).toBe('95% CI');
    expect(sheet.getCell('H4').master.address).toBe('G4');
    for (const col of 'ABCDEFGHI') {
      expect(sheet.getCell(`${col}4`).border?.top?.style, `${col}4 top`).toBe('thin');
      expect(sheet.getCell(`${col}5`).border?.bottom?.style, `${col}5 bottom`).toBe('thin');
    }
    expect(sheet.getCell('G4').border?.bottom?.style).toBe('thin');
    const lastRow = 5 + tc.table.rows.length;
    expect(sheet.getCell(`A${lastRow}`).value).toBe('N');
    expect(sheet.getCell(`B${lastRow}`).border?.bottom?.style).toBe('thin');
    const r2Row = 6 + tc.table.rows.findIndex((r) => r.cells[0].text === 'R²');
    expect(sheet.getCell(`A${r2Row}`).border?.top?.style).toBe('thin');
    const note = sheet.getCell(`A${lastRow + 2}`).value as ExcelJS.CellRichTextValue;
    expect(note.richText[0]).toMatchObject({ text: 'Note.', font: { italic: true } });
    expect(note.richText[1].text).toBe(` ${tc.table.notes.join(' ')}`);
  });

  it('writes text as string cells with the text as typed (no apostrophe: only CSV needs one) and XML-safe', async () => {
    const hostile: PubTable = {
      title: '=cmd|\' /C calc\'!A0',
      style: 'econ',
      columns: [[{ text: '+Var' }, { text: 'B' }]],
      rows: [{ cells: [{ text: '-x\u0007 😀 收入' }, { text: '—' }] }],
      notes: ['<b>&</b>'],
    };
    const sheet = await readXlsx(await renderXlsx(hostile));
    for (const address of ['A1', 'A3', 'A4']) {
      expect(sheet.getCell(address).type, address).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).formula, address).toBeUndefined();
    }
    expect(sheet.getCell('A1').value).toBe("=cmd|' /C calc'!A0");
    expect(sheet.getCell('A3').value).toBe('+Var');
    expect(sheet.getCell('A4').value).toBe('-x 😀 收入');
    expect(sheet.getCell('B4').value).toBe('—');
    expect((sheet.getCell('A6').value as ExcelJS.CellRichTextValue).richText[1].text).toBe(' <b>&</b>');
  });
});
