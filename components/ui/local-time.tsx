'use client';

import { useSyncExternalStore } from 'react';

import { type DateStyle, formatDate, formatStableDate } from '@/lib/text/dates';

const subscribe = () => () => {};

/**
 * A date or time in the reader's locale and time zone (lib/text/dates.ts), as `<time>` with
 * the ISO instant in `dateTime`. The server and the hydrating render write the stable form
 * ("6 Dec 2026", UTC); the browser then shows its own ("Dec 6, 2026", "2026年12月6日") — no
 * hydration mismatch, since React renders the server snapshot first.
 *
 * @example
 * <LocalTime iso={source.createdAt} />
 * <LocalTime iso={run.createdAt} style="dateTime" />
 */
export function LocalTime({ iso, style = 'date' }: { iso: string; style?: DateStyle }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = inBrowser ? formatDate(iso, style) : formatStableDate(iso, style);
  return (
    <time dateTime={iso} title={formatStableDate(iso, 'dateTime') + ' UTC'}>
      {text}
    </time>
  );
}
