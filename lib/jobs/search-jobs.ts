/**
 * Full-text search jobs for the worker threads: searching every source of a project (a 1 MB
 * book included) folds and scans megabytes of text, which must not hold the request thread.
 * The request thread loads the texts; the folding, matching and context cutting happen here.
 */
import type { HitUnit } from '../search/expand';
import { rangesForHits, searchTexts, type SearchText, type SourceCodeRanges, type SourceSearchResult } from '../search/search-texts';
import type { JobHandler } from './run-job';

export const searchJobs = {
  /** Hits per source with context (lib/search/search-texts.ts). */
  searchSources: (async (input) => searchTexts(input.texts, input.query, { hitsPerSource: input.hitsPerSource, context: input.context })) as JobHandler<
    { texts: SearchText[]; query: string; hitsPerSource?: number; context?: number },
    SourceSearchResult[]
  >,
  /** The ranges "code all hits" would code, per source. */
  searchRanges: (async (input) => rangesForHits(input.texts, input.query, input.unit)) as JobHandler<
    { texts: SearchText[]; query: string; unit: HitUnit },
    SourceCodeRanges[]
  >,
};
