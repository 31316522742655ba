/**
 * The one way Groundwork writes dates and times: the reader's locale, medium date ("6 Dec 2026",
 * "Dec 6, 2026", "2026年12月6日"), short time. Components show them with `<LocalTime>`
 * (components/ui/local-time.tsx), which renders {@link STABLE_DATE_LOCALE} on the server and
 * the browser's locale after hydration, so both renders agree.
 */

/** What to show: the day, the day and time, or the time alone. */
export type DateStyle = 'date' | 'dateTime' | 'time';

/** Locale and time zone of the server render and of text that cannot wait for the browser (e.g. `<option>` labels). */
export const STABLE_DATE_LOCALE = { locale: 'en-GB', timeZone: 'UTC' } as const;

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant for people.
 *
 * @param value - an ISO 8601 string, a Date or epoch milliseconds.
 * @param style - `date` (default), `dateTime` or `time`.
 * @param where - locale and time zone; default the runtime's (the browser's, in a browser).
 * @returns the formatted text, or '' for an invalid date.
 * @example
 * formatDate('2026-12-06T08:30:00Z', 'dateTime', { locale: 'en-GB', timeZone: 'UTC' }); // '6 Dec 2026, 08:30'
 */
export function formatDate(value: string | Date | number, style: DateStyle = 'date', where: { locale?: string; timeZone?: string } = {}): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${where.locale ?? ''}|${where.timeZone ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(where.locale, { ...OPTIONS[style], ...(where.timeZone ? { timeZone: where.timeZone } : {}) });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** {@link formatDate} in {@link STABLE_DATE_LOCALE}: the same text on the server and in every browser. */
export function formatStableDate(value: string | Date | number, style: DateStyle = 'date'): string {
  return formatDate(value, style, STABLE_DATE_LOCALE);
}
