import { describe, expect, it } from 'vitest';
import { catchStatsError } from '../test-utils';
import { ciHeader, formatNumber, starLegend, tableContext, termLabel } from './format';
import type { NumberFormat } from './model';

const f = (o: Partial<NumberFormat> = {}): NumberFormat => ({ decimals: 3, leadingZero: true, thousands: true, minus: 'unicode', ...o });

describe('formatNumber', () => {
  it.each([
    [0.15849, f(), '0.158'],
    [0.15851, f(), '0.159'],
    [-0.1585, f({ decimals: 2, leadingZero: false }), '\u2212.16'],
    [-0.1585, f({ decimals: 2, minus: 'hyphen' }), '-0.16'],
    [0.45, f({ decimals: 2, leadingZero: false }), '.45'],
    [1.5, f({ decimals: 2, leadingZero: false }), '1.50'], // "no leading zero" only drops a zero
    [12345.678, f({ decimals: 1 }), '12,345.7'],
    [-1234567, f({ decimals: 0 }), '\u22121,234,567'],
    [1234.5, f({ decimals: 1, thousands: false }), '1234.5'],
    [3.12, f({ decimals: 2, parens: true }), '(3.12)'],
    [-3.12, f({ decimals: 2, parens: true }), '(\u22123.12)'],
    [0.0004, f({ leadingZero: false, thousands: false, pValue: true }), '< .001'],
    [0.0004, f({ thousands: false, pValue: true }), '< 0.001'],
    [0.001, f({ leadingZero: false, thousands: false, pValue: true }), '.001'],
    [0.0499, f({ decimals: 2, leadingZero: false, pValue: true }), '.05'],
    [1, f({ leadingZero: false, pValue: true }), '1.000'],
    [0.123456789, f({ decimals: 6 }), '0.123457'],
    [2.5, f({ decimals: 0 }), '3'],
    [-2.7755575615628914e-17, f({ decimals: 2 }), '0.00'], // rounds to zero: no sign
    [-0, f({ decimals: 1 }), '0.0'],
    [-0.0004, f({ decimals: 3 }), '0.000'],
  ])('%d with %j → %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it('rounds the binary value, as R sprintf', () => {
    expect(formatNumber(1.005, f({ decimals: 2 }))).toBe('1.00'); // 1.00499999999999989…
    expect(formatNumber(0.125, f({ decimals: 2 }))).toBe('0.13'); // exact tie: away from zero
  });

  it('refuses NaN and infinities', () => {
    expect(catchStatsError(() => formatNumber(Number.NaN, f())).code).toBe('non-finite');
    expect(catchStatsError(() => formatNumber(Infinity, f())).message).toBe('cannot format Infinity in a table');
  });
});

describe('tableContext', () => {
  it('defaults: APA 2 decimals, econ 3; p with 3 decimals; Unicode minus; APA stars', () => {
    const apa = tableContext();
    expect([apa.style, apa.decimals, apa.pDecimals, apa.minus, apa.convention]).toEqual(['apa', 2, 3, 'unicode', 'apa']);
    expect(tableContext({ style: 'econ' }).decimals).toBe(3);
    expect(tableContext({ style: 'econ' }).convention).toBe('econ');
    expect(tableContext({ style: 'econ', stars: 'apa' }).convention).toBe('apa');
  });

  it('formats by quantity: bounded values and p lose the leading zero in APA only', () => {
    const apa = tableContext();
    const econ = tableContext({ style: 'econ' });
    expect(apa.num(0.456, 'bounded').text).toBe('.46');
    expect(econ.num(0.456, 'bounded').text).toBe('0.456');
    expect(apa.num(0.456, 'stat').text).toBe('0.46');
    expect(apa.num(0.0123, 'p').text).toBe('.012');
    expect(econ.num(0.00001, 'p').text).toBe('< 0.001');
    expect(apa.num(1234, 'count').text).toBe('1,234');
    expect(apa.num(null).text).toBe('—');
    expect(apa.num(undefined, 'bounded').value).toBeUndefined();
    expect(apa.pText(0.0004)).toBe('p < .001');
    expect(apa.pText(0.0341)).toBe('p = .034');
  });

  it('keeps the unrounded value, the format and stars on a number cell', () => {
    const ctx = tableContext({ style: 'econ' });
    const cell = ctx.num(-0.15849, 'stat', { p: 0.004 });
    expect(cell).toEqual({ text: '\u22120.158', value: -0.15849, format: { decimals: 3, leadingZero: true, thousands: true, minus: 'unicode' }, stars: '***' });
    expect(ctx.num(0.1, 'stat', { p: 0.2 }).stars).toBeUndefined();
    expect(tableContext({ stars: false }).num(0.1, 'stat', { p: 0.0001 }).stars).toBeUndefined();
    expect(tableContext({ stars: [0.1, 0.05] }).num(0.1, 'stat', { p: 0.07 }).stars).toBe('*');
  });

  it.each([
    [{ decimals: 7 }, 'decimals must be an integer from 0 to 6 (got 7)'],
    [{ decimals: 1.5 }, 'decimals must be an integer from 0 to 6 (got 1.5)'],
    [{ decimals: -1 }, 'decimals must be an integer from 0 to 6 (got -1)'],
    [{ pDecimals: 0 }, 'pDecimals must be an integer from 1 to 6 (got 0)'],
    [{ style: 'chicago' as never }, "unknown table style 'chicago' (use apa or econ)"],
    [{ minus: 'dash' as never }, "minus must be unicode or hyphen (got 'dash')"],
    [{ stars: [0.01, 0.05] }, 'star thresholds must be decreasing values in (0, 1) (got 0.01, 0.05)'],
  ])('rejects %j', (options, message) => {
    const e = catchStatsError(() => tableContext(options));
    expect(e.code).toBe('invalid-option');
    expect(e.message).toBe(message);
  });

  it('accepts every decimals from 0 to 6', () => {
    for (let d = 0; d <= 6; d++) expect(tableContext({ decimals: d }).num(Math.PI).text).toBe(Math.PI.toFixed(d));
  });
});

describe('termLabel, starLegend, ciHeader', () => {
  it('labels terms', () => {
    expect(termLabel('(Intercept)', 'apa')).toBe('Intercept');
    expect(termLabel('(Intercept)', 'econ')).toBe('Constant');
    expect(termLabel('sector[ngo]', 'apa')).toBe('sector: ngo');
    expect(termLabel('tl:pos', 'apa')).toBe('tl × pos');
    expect(termLabel('age:sector[ngo]', 'econ', { age: 'Age', sector: 'Sector' })).toBe('Age × Sector: ngo');
    expect(termLabel('tl:pos', 'apa', { 'tl:pos': 'Leadership × support', tl: 'x' })).toBe('Leadership × support');
    expect(termLabel('(Intercept)', 'apa', { '(Intercept)': 'Constant' })).toBe('Constant');
  });

  it('writes the star legends', () => {
    expect(starLegend('apa', 'apa')).toBe('*p < .05. **p < .01. ***p < .001.');
    expect(starLegend('econ', 'econ')).toBe('* p<0.1, ** p<0.05, *** p<0.01');
    expect(starLegend([0.1, 0.05], 'apa')).toBe('*p < .1. **p < .05.');
    expect(starLegend('apa', 'econ')).toBe('* p<0.05, ** p<0.01, *** p<0.001');
  });

  it('names the CI', () => {
    expect(ciHeader(0.95)).toBe('95% CI');
    expect(ciHeader(0.9)).toBe('90% CI');
    expect(ciHeader(0.975)).toBe('97.5% CI');
  });
});
