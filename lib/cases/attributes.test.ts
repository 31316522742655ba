import { describe, expect, it } from 'vitest';

import { compareValues, inferAttributeType, normalizeChoices, parseAttributeValue, parseChoice, parseDate, parseNumber, readChoices } from './attributes';

describe('parseNumber', () => {
  it.each([
    ['42', '42'],
    [' 42.0 ', '42'],
    ['-0', '0'],
    ['+3.50', '3.5'],
    ['.5', '0.5'],
    ['1e3', '1000'],
    ['３.５', '3.5'],
    ['12 500', '12500'],
    ["12'500", '12500'],
    ['0.1', '0.1'],
    ['', ''],
  ])('reads %j as %j', (raw, value) => expect(parseNumber(raw)).toEqual({ ok: true, value }));

  it('refuses a comma, naming the value, rather than guessing', () => {
    const r = parseNumber('3,5');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('“3,5”');
    expect(!r.ok && r.error).toMatch(/point for decimals/);
  });

  it.each(['abc', '12a', '1.2.3', '--1', 'Infinity', '1e999', 'NaN'])('refuses %j', (raw) => expect(parseNumber(raw).ok).toBe(false));
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４-０３-０５', '2024-03-05'],
    ['2024-03-05T10:30:00Z', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['', ''],
  ])('reads %j as %j', (raw, value) => expect(parseDate(raw)).toEqual({ ok: true, value }));

  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10'])('refuses the impossible date %j', (raw) => {
    const r = parseDate(raw);
    expect(r).toEqual({ ok: false, error: `“${raw}” is not a date of the calendar.` });
  });

  it('refuses day-first or month-first dates as ambiguous', () => {
    const r = parseDate('05/03/2024');
    expect(!r.ok && r.error).toMatch(/ambiguous/);
    expect(parseDate('March 5').ok).toBe(false);
  });
});

describe('parseChoice', () => {
  it('matches ignoring case and width, storing the choice as defined', () => {
    expect(parseChoice('north', ['North', 'South'])).toEqual({ ok: true, value: 'North' });
    expect(parseChoice('ＳＯＵＴＨ', ['North', 'South'])).toEqual({ ok: true, value: 'South' });
    expect(parseChoice(' ', ['North'])).toEqual({ ok: true, value: '' });
  });
  it('refuses a value not among the choices and lists them', () => {
    expect(parseChoice('East', ['North', 'South'])).toEqual({ ok: false, error: '“East” is not one of the choices (“North”, “South”).' });
  });
});

describe('parseAttributeValue', () => {
  it('keeps text trimmed with its line breaks, as LF', () => {
    expect(parseAttributeValue({ name: 'note', type: 'text', choices: [] }, '  a\r\nb ')).toEqual({ ok: true, value: 'a\nb' });
  });
  it('dispatches by type', () => {
    expect(parseAttributeValue({ name: 'age', type: 'number', choices: [] }, '34.0')).toEqual({ ok: true, value: '34' });
    expect(parseAttributeValue({ name: 'd', type: 'date', choices: [] }, '2024/1/2')).toEqual({ ok: true, value: '2024-01-02' });
    expect(parseAttributeValue({ name: 'r', type: 'choice', choices: ['A'] }, 'a')).toEqual({ ok: true, value: 'A' });
  });
});

describe('choices', () => {
  it('normalizes: trimmed, empty and repeated (ignoring case) dropped, order kept', () => {
    expect(normalizeChoices([' North', 'south', '', 'NORTH', 'South '])).toEqual(['North', 'south']);
  });
  it('refuses an overlong choice', () => {
    expect(() => normalizeChoices(['x'.repeat(101)])).toThrow(RangeError);
  });
  it('reads stored JSON defensively', () => {
    expect(readChoices('["a","b"]')).toEqual(['a', 'b']);
    expect(readChoices('oops')).toEqual([]);
    expect(readChoices('{"a":1}')).toEqual([]);
  });
});

describe('inferAttributeType', () => {
  it('numbers, dates, choices, text', () => {
    expect(inferAttributeType(['3', '4.5', ''])).toEqual({ type: 'number', choices: [] });
    expect(inferAttributeType(['2024-01-01', '2024/2/3'])).toEqual({ type: 'date', choices: [] });
    expect(inferAttributeType(['North', 'South', 'north', 'South'])).toEqual({ type: 'choice', choices: ['North', 'South'] });
    // Every value once: names or free text, not a category.
    expect(inferAttributeType(['Ana', 'Ben', 'Chen', 'Dora'])).toEqual({ type: 'text', choices: [] });
    // Too few values to call it a category.
    expect(inferAttributeType(['a', 'a', 'b'])).toEqual({ type: 'text', choices: [] });
    expect(inferAttributeType(['', ' '])).toEqual({ type: 'text', choices: [] });
    // One bad number makes the column text, not a number column with an error.
    expect(inferAttributeType(['3', 'n/a', '5'])).toEqual({ type: 'text', choices: [] });
    // …but three of four, or more: a number (date) column: a number column with a typo to report.
    expect(inferAttributeType(['1', '2', '3', '4', '4x'])).toEqual({ type: 'number', choices: [] });
    expect(inferAttributeType(['2024-01-01', '2024-01-02', '2024-01-03', '2024-02-30'])).toEqual({ type: 'date', choices: [] });
  });
});

describe('compareValues', () => {
  it('numbers by value, empty last', () => {
    expect(['10', '', '9', '-1'].sort((a, b) => compareValues('number', a, b))).toEqual(['-1', '9', '10', '']);
    expect(['2024-02-01', '2023-12-31'].sort((a, b) => compareValues('date', a, b))).toEqual(['2023-12-31', '2024-02-01']);
  });
});
