/**
 * Search and filters of the Codebook page, kept in its URL so a filtered view can be linked to:
 * `?q=` (name, label or definition), `?level=1…4` (concept … core category), `?usage=used|unused`
 * (has codings or none). Pure.
 *
 * The search folds case and width like full-text search (lib/search/normalize.ts), so "ＴＲＵＳＴ"
 * finds "trust" and Chinese matches as a substring.
 */
import { normalizeQuery } from '../search/normalize';
import { type CodeLevel, toCodeLevel } from './hierarchy-types';

export type CodeUsage = 'used' | 'unused';

/** The codebook's filters; absent = not filtered. */
export interface CodebookFilters {
  q?: string;
  level?: CodeLevel;
  usage?: CodeUsage;
}

/** What the filters read from a code. */
export interface FilterableCode {
  name: string;
  label?: string | null;
  definition: string;
  level?: number;
  segmentCount: number;
}

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The filters in a page's search params (unknown levels and usages ignored).
 *
 * @param params - Next's `searchParams`.
 * @returns the filters.
 * @example
 * ```ts
 * parseCodebookFilters({ level: '2', usage: 'unused' }); // { level: 2, usage: 'unused' }
 * ```
 */
export function parseCodebookFilters(params: Params): CodebookFilters {
  const out: CodebookFilters = {};
  const q = first(params.q)?.trim().slice(0, 200);
  if (q) out.q = q;
  const level = first(params.level);
  if (level === '1' || level === '2' || level === '3' || level === '4') out.level = Number(level) as CodeLevel;
  const usage = first(params.usage);
  if (usage === 'used' || usage === 'unused') out.usage = usage;
  return out;
}

/**
 * The codebook's address for some filters and a page (page 1 and empty filters left out).
 *
 * @param base - the page path.
 * @param filters - the filters.
 * @param page - the page number.
 * @returns the href.
 * @example
 * ```ts
 * codebookHref('/projects/p/codes', { q: 'rely on' }); // '/projects/p/codes?q=rely+on'
 * ```
 */
export function codebookHref(base: string, filters: CodebookFilters, page = 1): string {
  const q = new URLSearchParams();
  if (filters.q) q.set('q', filters.q);
  if (filters.level) q.set('level', String(filters.level));
  if (filters.usage) q.set('usage', filters.usage);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * The codes matching every filter, in their order.
 *
 * @param codes - the codebook.
 * @param filters - the filters.
 * @returns the matching codes.
 * @example
 * ```ts
 * filterCodes(codes, { level: 1, usage: 'unused' }); // concepts nobody has coded with
 * ```
 */
export function filterCodes<T extends FilterableCode>(codes: readonly T[], filters: CodebookFilters): T[] {
  const needle = filters.q ? normalizeQuery(filters.q) : '';
  return codes.filter(
    (c) =>
      (!filters.level || toCodeLevel(c.level) === filters.level) &&
      (!filters.usage || (filters.usage === 'used') === c.segmentCount > 0) &&
      (!needle || [c.name, c.label ?? '', c.definition].some((field) => field && normalizeQuery(field).includes(needle))),
  );
}
