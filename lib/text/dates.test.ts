import { describe, expect, it } from 'vitest';

import { formatDate, formatStableDate } from './dates';

describe('formatDate', () => {
  const iso = '2026-12-06T08:30:00Z';

  it('writes a medium date, and a short time when asked, in the given locale', () => {
    expect(formatDate(iso, 'date', { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026');
    expect(formatDate(iso, 'date', { locale: 'en-US', timeZone: 'UTC' })).toBe('Dec 6, 2026');
    expect(formatDate(iso, 'date', { locale: 'zh-CN', timeZone: 'UTC' })).toBe('2026年12月6日');
    expect(formatDate(iso, 'dateTime', { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026, 08:30');
    expect(formatDate(iso, 'time', { locale: 'en-GB', timeZone: 'Asia/Shanghai' })).toBe('16:30');
  });

  it('takes Dates and epoch milliseconds, and writes nothing for an invalid date', () => {
    expect(formatDate(new Date(iso), 'date', { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026');
    expect(formatDate(Date.parse(iso), 'date', { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026');
    expect(formatDate('not a date')).toBe('');
  });

  it('has a stable form for the server render', () => {
    expect(formatStableDate(iso)).toBe('6 Dec 2026');
    expect(formatStableDate(iso, 'dateTime')).toBe('6 Dec 2026, 08:30');
  });
});
