import { describe, expect, it } from 'vitest';

import { codesInTreeOrder, cutOffText, distinctSegments, guessIdVariable, jointDisplayExportHref, jointDisplayQuery, moveExemplar, quoteStart, segmentHref, toggleExemplar } from './joint-helpers';

describe('toggleExemplar', () => {
  it('appends in the order of checking and removes on uncheck', () => {
    expect(toggleExemplar([], 'a')).toEqual(['a']);
    expect(toggleExemplar(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleExemplar(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
  it('refuses a sixth quote', () => {
    expect(toggleExemplar(['a', 'b', 'c', 'd', 'e'], 'f')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(toggleExemplar(['a', 'b', 'c', 'd', 'e'], 'e')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('moveExemplar', () => {
  it('swaps with the neighbour and ignores moves past either end', () => {
    expect(moveExemplar(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveExemplar(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveExemplar(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveExemplar(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveExemplar(['a'], 'x', 1)).toEqual(['a']);
  });
});

describe('quoteStart', () => {
  it('collapses whitespace and shortens long quotes', () => {
    expect(quoteStart('  We   built\nthe brand ')).toBe('We built the brand');
    const s = quoteStart('x'.repeat(200), 20);
    expect(s).toHaveLength(20);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('URLs', () => {
  it('links a segment to its place in the source', () => {
    expect(segmentHref('p1', 's 1', 'k1')).toBe('/projects/p1/sources/s%201?coding=k1');
  });
  it('leaves defaults out of the page query and keeps the filter in the export', () => {
    expect(jointDisplayQuery({})).toBe('');
    expect(jointDisplayQuery({ order: 'hierarchy' })).toBe('');
    expect(jointDisplayQuery({ under: 'c1', order: 'strength' })).toBe('?under=c1&order=strength');
    expect(jointDisplayExportHref('p1', 'xlsx', { under: 'c1', order: 'label' })).toBe('/api/projects/p1/joint-display/export?format=xlsx&under=c1&order=label');
    expect(jointDisplayExportHref('p1', 'docx', {})).toBe('/api/projects/p1/joint-display/export?format=docx');
  });
});

describe('codesInTreeOrder', () => {
  const c = (id: string, label: string, level: number, parentId: string | null = null) => ({ id, label, name: id, level, parentId });
  it('lists top codes by level, each followed by its children in natural label order', () => {
    const codes = [c('c10', 'C10', 1, 'b1'), c('c2', 'C2', 1, 'b1'), c('b1', 'B1', 2, 'a1'), c('a1', 'A1', 3), c('loose', 'C1', 1), c('core', 'CC1', 4)];
    expect(codesInTreeOrder(codes).map((x) => `${x.code.id}:${x.depth}`)).toEqual(['core:0', 'a1:0', 'b1:1', 'c2:2', 'c10:2', 'loose:0']);
  });
  it('keeps every code of a cyclic tree once', () => {
    const out = codesInTreeOrder([c('x', 'B1', 2, 'y'), c('y', 'B2', 2, 'x')]);
    expect(out.map((o) => o.code.id).sort()).toEqual(['x', 'y']);
  });
});

describe('cutOffText', () => {
  it('states the bound of a quartile with the number of values it was computed over', () => {
    expect(cutOffText({ min: 4.25, max: null, includeMin: true, includeMax: false, n: 212 }, 'brand', 'top-quartile')).toBe('brand ≥ 4.25 (top quartile of 212 survey values)');
    expect(cutOffText({ min: null, max: 2.5, includeMin: false, includeMax: false, n: 1 }, 'brand', 'below-median')).toBe('brand < 2.5 (below the median of 1 survey value)');
    expect(cutOffText({ min: 3, max: null, includeMin: false, includeMax: false, n: 9 }, 'brand', 'above-median')).toBe('brand > 3 (above the median of 9 survey values)');
  });
  it('writes ranges with both ends, negative numbers with a real minus', () => {
    expect(cutOffText({ min: -1, max: 4, includeMin: true, includeMax: true, n: 0 }, 'z', 'range')).toBe('−1 ≤ z ≤ 4 (range)');
    expect(cutOffText({ min: null, max: null, includeMin: true, includeMax: true, n: 0 }, 'z', 'range')).toBe('all values (range)');
  });
});

describe('guessIdVariable', () => {
  const vars = (...names: string[]) => names.map((name) => ({ name }));
  it('prefers an exact id, then named ids, then anything ending in _id', () => {
    expect(guessIdVariable(vars('age', 'resp_id', 'ID'))).toBe('ID');
    expect(guessIdVariable(vars('age', 'team_id', 'respondent_id'))).toBe('respondent_id');
    expect(guessIdVariable(vars('age', 'team_id'))).toBe('team_id');
    expect(guessIdVariable(vars('age', 'participant'))).toBe('participant');
  });
  it('falls back to the first variable, or nothing', () => {
    expect(guessIdVariable(vars('age', 'sex'))).toBe('age');
    expect(guessIdVariable([])).toBe('');
  });
});

describe('distinctSegments', () => {
  it('shows a passage coded twice once, with both code labels', () => {
    const s = (codingId: string, start: number, codeLabel: string) => ({ codingId, sourceId: 's1', start, end: start + 5, codeLabel });
    const out = distinctSegments([s('k1', 0, 'C1 a'), s('k2', 0, 'C1 a'), s('k3', 0, 'C2 b'), s('k4', 9, 'C1 a')]);
    expect(out.map((o) => [o.codingId, o.codeLabel])).toEqual([
      ['k1', 'C1 a; C2 b'],
      ['k4', 'C1 a'],
    ]);
  });
});
