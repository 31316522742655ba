import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { saturationReport } from './report';
import { saturationDocx } from './report-docx';
import type { SaturationCode } from './types';

const codes: SaturationCode[] = [
  { id: 'b1', label: 'B1', name: 'Trust', level: 2, parentId: null },
  { id: 'c1', label: 'C1', name: 'Reviews & <ratings>', level: 1, parentId: 'b1' },
  { id: 'b2', label: 'B2', name: 'Habit', level: 2, parentId: null },
];

describe('saturationDocx', () => {
  it('writes the hold-out verdict, the new items per test source, Guest et al.’s sentence and the tables', async () => {
    const report = saturationReport({
      sources: [
        { id: 's1', title: 'Interview 1', kind: 'interview', codingOrder: null, saturationTest: false, firstCodedAt: '2026-01-01T00:00:00.000Z' },
        { id: 't1', title: 'Article 1', kind: 'literature', codingOrder: null, saturationTest: true, firstCodedAt: '2026-03-02T00:00:00.000Z' },
      ],
      codes,
      relations: [],
      codings: [
        { sourceId: 's1', codeId: 'c1', coderId: 'u', createdAt: '2026-01-01T00:00:00.000Z' },
        { sourceId: 't1', codeId: 'b2', coderId: 'u', createdAt: '2026-03-02T00:00:00.000Z' },
      ],
      snapshot: { createdAt: '2026-03-01T00:00:00.000Z', codes: codes.slice(0, 2), relations: [], sourceIds: ['t1'] },
    });
    const bytes = await saturationDocx(report, { projectName: 'Brands', generatedAt: new Date('2026-03-03T00:00:00Z') });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('1 test source (1 article) added 1 new category (B2 Habit) and no new relations.');
    expect(text).toContain('Not reached (base 4, run 2, ≤ 5 %).');
    expect(text).toContain('Test sourceKindNew conceptsNew categoriesNew relations');
    expect(text).toContain('Article 1article—B2 Habit—');
    // Escaped, not broken XML.
    expect(xml).toContain('C1 Reviews &amp; &lt;ratings&gt;');
  });
});
