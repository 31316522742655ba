/**
 * The coding order of a project's sources, which the emergence curve and Guest et al.'s
 * metrics walk through. Two modes:
 * - `first-coded` (default): by the time each source got its first coding; sources with no
 *   coding are left out (they have added nothing yet).
 * - `user`: once the user has set an order (any Source.codingOrder is set), sources with a
 *   position come first by position, then the rest by first coding; uncoded sources with a
 *   position stay in (the user placed them), uncoded ones without are left out.
 * Ties break by title, then id, so the order is stable.
 */
import type { SaturationSource } from './types';

export type CodingOrderMode = 'first-coded' | 'user';

export interface CodingOrder<S extends SaturationSource = SaturationSource> {
  mode: CodingOrderMode;
  /** The sources in coding order. */
  ordered: S[];
  /** Sources left out: no coding and no position. */
  uncoded: S[];
}

const byTitle = (a: SaturationSource, b: SaturationSource) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byFirstCoding = (a: SaturationSource, b: SaturationSource) => {
  if (a.firstCodedAt === b.firstCodedAt) return byTitle(a, b);
  if (a.firstCodedAt === null) return 1;
  if (b.firstCodedAt === null) return -1;
  return a.firstCodedAt < b.firstCodedAt ? -1 : 1;
};

/**
 * Orders sources for the saturation analyses (see the module comment for the rules).
 * @example
 * ```ts
 * codingOrder([{ id: 'a', title: 'A', kind: 'interview', codingOrder: null, saturationTest: false, firstCodedAt: '2026-01-02T00:00:00Z' }]).ordered;
 * ```
 */
export function codingOrder<S extends SaturationSource>(sources: readonly S[]): CodingOrder<S> {
  const mode: CodingOrderMode = sources.some((s) => s.codingOrder !== null) ? 'user' : 'first-coded';
  const placed = mode === 'user' ? sources.filter((s) => s.codingOrder !== null).sort((a, b) => a.codingOrder! - b.codingOrder! || byTitle(a, b)) : [];
  const rest = sources.filter((s) => s.codingOrder === null || mode === 'first-coded');
  const coded = rest.filter((s) => s.firstCodedAt !== null).sort(byFirstCoding);
  return { mode, ordered: [...placed, ...coded], uncoded: rest.filter((s) => s.firstCodedAt === null).sort(byTitle) };
}
