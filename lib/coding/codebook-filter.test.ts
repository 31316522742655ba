import { describe, expect, it } from 'vitest';

import { codebookHref, filterCodes, parseCodebookFilters } from './codebook-filter';

const codes = [
  { name: 'trust', label: 'C1', definition: 'Buyers rely on the platform.', level: 1, segmentCount: 120 },
  { name: '信任机制', label: 'B1', definition: '平台规则', level: 2, segmentCount: 0 },
  { name: 'Platform governance', label: 'A1', definition: '', level: 3, segmentCount: 4 },
  { name: 'logistics', label: '', definition: 'Shipping', level: 1, segmentCount: 0 },
];
const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name);

describe('filterCodes', () => {
  it('searches name, label and definition, ignoring case and width; Chinese as substrings', () => {
    expect(names(filterCodes(codes, { q: 'RELY ON' }))).toEqual(['trust']);
    expect(names(filterCodes(codes, { q: 'ｂ１' }))).toEqual(['信任机制']);
    expect(names(filterCodes(codes, { q: '规则' }))).toEqual(['信任机制']);
    expect(names(filterCodes(codes, { q: 'platform' }))).toEqual(['trust', 'Platform governance']);
  });
  it('by level and by usage, combined with the search', () => {
    expect(names(filterCodes(codes, { level: 1 }))).toEqual(['trust', 'logistics']);
    expect(names(filterCodes(codes, { usage: 'unused' }))).toEqual(['信任机制', 'logistics']);
    expect(names(filterCodes(codes, { usage: 'used', level: 3 }))).toEqual(['Platform governance']);
    expect(names(filterCodes(codes, { usage: 'unused', level: 1, q: 'ship' }))).toEqual(['logistics']);
    expect(filterCodes(codes, { level: 4 })).toEqual([]);
    // A code without a stored level reads as a concept.
    expect(filterCodes([{ name: 'x', definition: '', segmentCount: 1 }], { level: 1 })).toHaveLength(1);
  });
});

describe('codebook filters in the URL', () => {
  it('reads and writes the same filters', () => {
    expect(parseCodebookFilters({ q: ' rely on ', level: '2', usage: 'unused', page: '3' })).toEqual({ q: 'rely on', level: 2, usage: 'unused' });
    expect(parseCodebookFilters({ level: '5', usage: 'maybe' })).toEqual({});
    expect(codebookHref('/p/codes', { q: 'rely on' })).toBe('/p/codes?q=rely+on');
    expect(codebookHref('/p/codes', { level: 2, usage: 'unused' }, 2)).toBe('/p/codes?level=2&usage=unused&page=2');
    expect(codebookHref('/p/codes', {})).toBe('/p/codes');
  });
});
