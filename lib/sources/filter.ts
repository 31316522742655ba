/**
 * Search and filters of the Sources list, read from and written to the page's URL so a filtered
 * view can be linked to: `?q=` (title, interviewee, authors), `?kind=`, `?folder=` (a folder id
 * or `none` for unfiled sources), `?case=` (a case id or `none`). Pure.
 *
 * Matching folds case, width and compatibility forms the way full-text search does
 * (lib/search/normalize.ts): "ＬＩ" finds "Li", "访谈" finds "访谈笔记"; no word segmentation, so
 * Chinese matches as a substring.
 */
import { normalizeQuery } from '../search/normalize';
import { isSourceKind, type SourceKind } from './kinds';

/** `none` selects sources without a folder (or case). */
export const NONE = 'none';

/** The Sources list's filters; absent = not filtered. */
export interface SourceFilters {
  q?: string;
  kind?: SourceKind;
  folder?: string;
  case?: string;
}

/** What the filters read from a source. */
export interface FilterableSource {
  title: string;
  interviewee: string;
  authors: string;
  kind: string;
  folderId: string | null;
  caseId: string | null;
}

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const id = (v: string | undefined) => (v && v.length <= 64 ? v : undefined);

/**
 * The filters in a page's search params; unknown kinds and over-long values are ignored.
 *
 * @param params - Next's `searchParams`.
 * @returns the filters.
 * @example
 * ```ts
 * parseSourceFilters({ q: ' 李 ', kind: 'interview' }); // { q: '李', kind: 'interview' }
 * ```
 */
export function parseSourceFilters(params: Params): SourceFilters {
  const out: SourceFilters = {};
  const q = first(params.q)?.trim().slice(0, 200);
  if (q) out.q = q;
  const kind = first(params.kind);
  if (isSourceKind(kind)) out.kind = kind;
  const folder = id(first(params.folder));
  if (folder) out.folder = folder;
  const kase = id(first(params.case));
  if (kase) out.case = kase;
  return out;
}

/**
 * The list's address for some filters (empty ones left out, in a fixed order).
 *
 * @param base - the page path.
 * @param filters - the filters.
 * @returns the href.
 * @example
 * ```ts
 * sourceFiltersHref('/projects/p/sources', { kind: 'interview', q: '李' }); // '/projects/p/sources?q=%E6%9D%8E&kind=interview'
 * ```
 */
export function sourceFiltersHref(base: string, filters: SourceFilters): string {
  const q = new URLSearchParams();
  if (filters.q) q.set('q', filters.q);
  if (filters.kind) q.set('kind', filters.kind);
  if (filters.folder) q.set('folder', filters.folder);
  if (filters.case) q.set('case', filters.case);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * Whether any filter is set.
 *
 * @param filters - the filters.
 * @returns true when the list is filtered.
 * @example
 * ```ts
 * isFiltered({}); // false
 * ```
 */
export function isFiltered(filters: SourceFilters): boolean {
  return Boolean(filters.q || filters.kind || filters.folder || filters.case);
}

/**
 * The sources matching every filter, in their order. The search matches the title, the
 * interviewee or the authors.
 *
 * @param sources - the list.
 * @param filters - the filters.
 * @returns the matching sources.
 * @example
 * ```ts
 * filterSources(sources, { q: 'ｗａｎｇ', kind: 'interview' });
 * ```
 */
export function filterSources<T extends FilterableSource>(sources: readonly T[], filters: SourceFilters): T[] {
  const needle = filters.q ? normalizeQuery(filters.q) : '';
  const matchesId = (value: string | null, wanted: string | undefined) => wanted === undefined || (wanted === NONE ? value === null : value === wanted);
  return sources.filter(
    (s) =>
      (!filters.kind || s.kind === filters.kind) &&
      matchesId(s.folderId, filters.folder) &&
      matchesId(s.caseId, filters.case) &&
      (!needle || [s.title, s.interviewee, s.authors].some((field) => field && normalizeQuery(field).includes(needle))),
  );
}
