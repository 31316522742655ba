import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { agreementCsv, agreementDocx, agreementXlsx } from './export';
import { agreementReport } from './report';
import { agreementTable } from './units';

function report() {
  const table = agreementTable({
    coders: ['A', 'B'],
    sources: [{ id: 's', length: 1000 }],
    codes: ['x', 'unused'],
    codings: [
      { coderId: 'A', codeId: 'x', sourceId: 's', start: 0, end: 150 },
      { coderId: 'B', codeId: 'x', sourceId: 's', start: 100, end: 200 },
    ],
    level: { kind: 'character' },
  });
  return agreementReport(table, { projectName: 'Trust study', codeNames: new Map([['x', 'C1 Trust'], ['unused', 'C2 Delay']]), coderNames: ['Ann', 'Bo'], sourceTitles: ['Interview 1'], codeCount: 2 });
}

describe('agreement report and exports', () => {
  it('names the level, formats statistics and footnotes undefined ones', () => {
    const r = report();
    expect(r.level).toBe('Character level');
    expect(r.rows[0]!.cells.map((c) => c.text)).toEqual(['1,000', '85.0%', '0.318', '0.314', '0.315']);
    expect(r.rows[1]!.cells.slice(2).map((c) => [c.text, c.note])).toEqual([
      ['—', 1],
      ['—', 1],
      ['—', 1],
    ]);
    expect(r.notes).toEqual(['no coder used this code in these sources']);
    expect(r.rows.at(-1)!.code).toBe('All codes (pooled)');
  });

  it('CSV carries the settings, numbers, marks and notes, never NaN', () => {
    const csv = agreementCsv(report());
    expect(csv.startsWith('\uFEFFTrust study — inter-coder agreement\r\nLevel: Character level\r\n')).toBe(true);
    expect(csv).toContain('C2 Delay,1000,1,— [1],— [1],— [1]');
    // The pooled row leaves out the unused code: the same figures as C1.
    expect(csv).toMatch(/All codes \(pooled\),1000,0\.85,0\.318/);
    expect(csv).toContain('[1] Undefined: no coder used this code in these sources.');
    expect(csv).not.toContain('NaN');
  });

  it('XLSX and DOCX are readable packages naming the level', async () => {
    const xlsx = unzipSync(await agreementXlsx(report()));
    const strings = strFromU8(xlsx['xl/sharedStrings.xml']!);
    expect(strings).toContain('Level: Character level');
    expect(strings).toContain('— [1]');
    const docx = unzipSync(await agreementDocx(report()));
    const body = strFromU8(docx['word/document.xml']!);
    expect(body).toContain('Character level');
    expect(body).toContain('Krippendorff’s α (nominal)');
  });
});
