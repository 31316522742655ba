/**
 * A small Groundwork project for REFI-QDA tests: emoji, a ZWJ family, CJK text and CRLF line
 * endings; overlapping codings by two coders (one range coded by both); the four-level
 * hierarchy; memos on a source, a code and a coding; a relation with evidence and a memo;
 * cases with attributes; a folder and a saturation test source.
 */
import { sliceByCodePoints } from '../../../coding/offsets';
import type { GwSnapshot } from '../from-groundwork';

export const SAMPLE_TEXT_1 = 'Interview 1 👩‍👩‍👧 family.\r\n她说：价格太高了 😀 but we stayed.\r\nThe 🇳🇴 flag; money worries.';
export const SAMPLE_TEXT_2 = '第二次访谈。Trust grew 👍🏽 over time.\nNo BOM, plain UTF-8.';

const at = new Date('2026-01-02T03:04:05Z');
const memo = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] }] });

/** Code-point position of `needle` in `text`. */
export function cp(text: string, needle: string): number {
  const u16 = text.indexOf(needle);
  if (u16 < 0) throw new Error(`'${needle}' not in text`);
  return [...text.slice(0, u16)].length;
}

export function sampleSnapshot(ids: { alice: string; bob: string } = { alice: 'u-alice', bob: 'u-bob' }): GwSnapshot {
  const t1 = SAMPLE_TEXT_1;
  const t2 = SAMPLE_TEXT_2;
  const fam = cp(t1, '👩');
  const price = cp(t1, '价格');
  const codings = [
    { id: 'k1', sourceId: 's1', codeId: 'c-family', start: fam, end: fam + 5, coderId: ids.alice, createdAt: at },
    { id: 'k2', sourceId: 's1', codeId: 'c-family', start: fam, end: fam + 5, coderId: ids.bob, createdAt: at },
    { id: 'k3', sourceId: 's1', codeId: 'c-price', start: price, end: price + 8, coderId: ids.alice, createdAt: at },
    { id: 'k4', sourceId: 's1', codeId: 'c-price', start: price + 2, end: cp(t1, 'flag') + 4, coderId: ids.bob, createdAt: at },
    { id: 'k5', sourceId: 's2', codeId: 'c-trust', start: cp(t2, 'Trust'), end: cp(t2, 'time') + 4, coderId: ids.bob, createdAt: at },
  ];
  for (const c of codings) {
    const text = c.sourceId === 's1' ? t1 : t2;
    if (sliceByCodePoints(text, c.start, c.end) === '') throw new Error('empty sample coding');
  }
  return {
    project: { id: 'p1', name: 'Sample 样本 🌱', description: 'Round-trip sample', language: 'zh', corePrefix: 'CC', storyline: memo('Families trade money for trust.'), storylineText: 'Families trade money for trust.', createdAt: at },
    users: [
      { id: ids.alice, name: 'Alice Ånström' },
      { id: ids.bob, name: 'Bob 李' },
    ],
    folders: [{ id: 'f1', name: 'Wave 1' }],
    sources: [
      { id: 's1', title: 'Interview 1 — 家庭', kind: 'interview', format: 'txt', fileName: 'i1.txt', text: t1, folderId: 'f1', caseId: 'case1', authors: '', year: null, venue: '', interviewee: 'Li', interviewDate: '2025-05-01', interviewer: 'Alice', structure: null, codingOrder: 1, saturationTest: false, createdById: ids.alice, createdAt: at },
      { id: 's2', title: 'Interview 2', kind: 'interview', format: 'txt', fileName: null, text: t2, folderId: null, caseId: 'case2', authors: '', year: null, venue: '', interviewee: '', interviewDate: '', interviewer: '', structure: null, codingOrder: null, saturationTest: true, createdById: ids.bob, createdAt: at },
    ],
    codes: [
      { id: 'c-core', name: 'Securing the family', color: '#aa0000', definition: 'Core: the storyline', level: 4, parentId: null, label: 'CC1', createdById: ids.alice, createdAt: at },
      { id: 'c-main', name: 'Economic pressure', color: '#00aa00', definition: 'Main category', level: 3, parentId: 'c-core', label: 'A1', createdById: ids.alice, createdAt: at },
      { id: 'c-cat', name: 'Costs 费用', color: '#0000aa', definition: 'Category of cost talk', level: 2, parentId: 'c-main', label: 'B1', createdById: ids.alice, createdAt: at },
      { id: 'c-cat2', name: 'Relationships', color: '#123456', definition: '', level: 2, parentId: null, label: 'B2', createdById: ids.bob, createdAt: at },
      { id: 'c-price', name: 'Price too high 价格', color: '#ff8800', definition: 'Says the price is too high & "unfair" <sic>', level: 1, parentId: 'c-cat', label: 'C1', createdById: ids.alice, createdAt: at },
      { id: 'c-family', name: 'Family 👪', color: '#884488', definition: 'Mentions family\nmembers', level: 1, parentId: 'c-cat2', label: 'C2', createdById: ids.bob, createdAt: at },
      { id: 'c-trust', name: 'Trust', color: '#448844', definition: '', level: 1, parentId: 'c-cat2', label: 'C3', createdById: ids.bob, createdAt: at },
    ],
    codings,
    memos: [
      { id: 'm1', sourceId: 's1', codeId: null, codingId: null, authorId: ids.alice, body: memo('Source memo 😀'), text: 'Source memo 😀', createdAt: at },
      { id: 'm2', sourceId: null, codeId: 'c-price', codingId: null, authorId: ids.bob, body: memo('Code memo 价格'), text: 'Code memo 价格', createdAt: at },
      { id: 'm3', sourceId: null, codeId: null, codingId: 'k3', authorId: ids.alice, body: memo('Coding memo'), text: 'Coding memo', createdAt: at },
    ],
    relations: [
      { id: 'r1', fromId: 'c-cat', toId: 'c-cat2', type: 'causal-condition', customType: '', memo: memo('Costs strain relationships'), memoText: 'Costs strain relationships', createdById: ids.alice, createdAt: at, evidence: ['k3'] },
      { id: 'r2', fromId: 'c-main', toId: 'c-cat2', type: 'custom', customType: 'shapes', memo: '', memoText: '', createdById: ids.bob, createdAt: at, evidence: [] },
    ],
    attributes: [
      { id: 'a-age', name: 'Age', type: 'number', choices: [] },
      { id: 'a-city', name: 'City 城市', type: 'choice', choices: ['Oslo', '北京'] },
      { id: 'a-date', name: 'First contact', type: 'date', choices: [] },
    ],
    cases: [
      { id: 'case1', name: 'Li family', values: [{ attributeId: 'a-age', value: '42.5' }, { attributeId: 'a-city', value: '北京' }, { attributeId: 'a-date', value: '2025-04-30' }] },
      { id: 'case2', name: 'Olsen', values: [{ attributeId: 'a-city', value: 'Oslo' }] },
    ],
  };
}
