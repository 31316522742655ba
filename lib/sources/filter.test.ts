import { describe, expect, it } from 'vitest';

import { filterSources, isFiltered, parseSourceFilters, sourceFiltersHref } from './filter';

const s = (title: string, extra: Partial<{ interviewee: string; authors: string; kind: string; folderId: string | null; caseId: string | null }> = {}) => ({
  title,
  interviewee: '',
  authors: '',
  kind: 'interview',
  folderId: null,
  caseId: null,
  ...extra,
});

const sources = [
  s('访谈笔记 Seller 1', { interviewee: '李明', folderId: 'f1', caseId: 'c1' }),
  s('Returning entrepreneur', { interviewee: 'Wang Fang', folderId: 'f1', caseId: 'c2' }),
  s('Grounded theory', { kind: 'literature', authors: 'Glaser, B.; Strauss, A.' }),
  s('Field visit Yiwu', { kind: 'fieldnote', folderId: 'f2', caseId: 'c1' }),
];
const titles = (xs: Array<{ title: string }>) => xs.map((x) => x.title);

describe('filterSources', () => {
  it('no filters: everything, in order', () => {
    expect(filterSources(sources, {})).toEqual(sources);
  });
  it('searches title, interviewee and authors, ignoring case and width; Chinese as substrings', () => {
    expect(titles(filterSources(sources, { q: 'SELLER' }))).toEqual(['访谈笔记 Seller 1']);
    expect(titles(filterSources(sources, { q: '李' }))).toEqual(['访谈笔记 Seller 1']);
    expect(titles(filterSources(sources, { q: '访谈' }))).toEqual(['访谈笔记 Seller 1']);
    expect(titles(filterSources(sources, { q: 'ｗａｎｇ' }))).toEqual(['Returning entrepreneur']);
    expect(titles(filterSources(sources, { q: 'strauss' }))).toEqual(['Grounded theory']);
    expect(filterSources(sources, { q: 'nowhere' })).toEqual([]);
  });
  it('kind, folder and case combine with the search (and with each other); none = unfiled / no case', () => {
    expect(titles(filterSources(sources, { kind: 'interview' }))).toEqual(['访谈笔记 Seller 1', 'Returning entrepreneur']);
    expect(titles(filterSources(sources, { folder: 'f1', case: 'c1' }))).toEqual(['访谈笔记 Seller 1']);
    expect(titles(filterSources(sources, { case: 'c1' }))).toEqual(['访谈笔记 Seller 1', 'Field visit Yiwu']);
    expect(titles(filterSources(sources, { folder: 'none' }))).toEqual(['Grounded theory']);
    expect(titles(filterSources(sources, { case: 'none', kind: 'interview' }))).toEqual([]);
    expect(titles(filterSources(sources, { q: 'e', kind: 'fieldnote' }))).toEqual(['Field visit Yiwu']);
  });
});

describe('source filters in the URL', () => {
  it('reads the search params, ignoring unknown kinds and blank values', () => {
    expect(parseSourceFilters({ q: '  李 ', kind: 'interview', folder: 'f1', case: ['c1', 'c2'] })).toEqual({ q: '李', kind: 'interview', folder: 'f1', case: 'c1' });
    expect(parseSourceFilters({ q: '   ', kind: 'poem', folder: '' })).toEqual({});
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ case: 'none' })).toBe(true);
  });
  it('writes a linkable address that reads back the same', () => {
    const href = sourceFiltersHref('/projects/p/sources', { kind: 'interview', q: '李 明', case: 'c1' });
    expect(href).toBe('/projects/p/sources?q=%E6%9D%8E+%E6%98%8E&kind=interview&case=c1');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseSourceFilters(params)).toEqual({ q: '李 明', kind: 'interview', case: 'c1' });
    expect(sourceFiltersHref('/projects/p/sources', {})).toBe('/projects/p/sources');
  });
});
