/**
 * Input of full-text search across sources and of coding its hits, shared by the API routes and
 * the search page.
 */
import { z } from 'zod';

import { SOURCE_KINDS } from '../sources/kinds';
import { MAX_QUERY_LENGTH } from './find';
import { normalizeQuery } from './normalize';

const ZQuery = z
  .string()
  .max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`)
  .refine((q) => normalizeQuery(q) !== '', 'Type something to search for.');

/** Which sources to search: all (default), some kinds, one folder, or the listed sources. */
export const ZSearchFilters = z.object({
  kinds: z.array(z.enum(SOURCE_KINDS)).max(SOURCE_KINDS.length).optional(),
  folderId: z.string().min(1).max(64).optional(),
  sourceIds: z.array(z.string().min(1).max(64)).max(1000).optional(),
});
export type TSearchFilters = z.infer<typeof ZSearchFilters>;

/** GET …/search?q=…&kind=interview&folder=…&source=… (kinds comma-separated). */
export const ZSearchQuery = z
  .object({
    q: ZQuery,
    kind: z.string().max(200).optional(),
    folder: z.string().min(1).max(64).optional(),
    source: z.string().min(1).max(64).optional(),
  })
  .transform((v, ctx) => {
    const kinds = v.kind ? v.kind.split(',').filter(Boolean) : undefined;
    const bad = kinds?.find((k) => !(SOURCE_KINDS as readonly string[]).includes(k));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `Unknown source kind '${bad}'.` });
      return z.NEVER;
    }
    return { query: v.q, filters: { kinds: kinds as TSearchFilters['kinds'], folderId: v.folder, sourceIds: v.source ? [v.source] : undefined } };
  });

/** POST …/search/code: apply a code to every hit (or each hit's paragraph or turn). */
export const ZCodeHitsSchema = z.object({
  query: ZQuery,
  filters: ZSearchFilters.default({}),
  codeId: z.string().min(1, 'Choose a code.').max(64),
  unit: z.enum(['hit', 'paragraph', 'turn']).default('hit'),
  /** Only count what would be created (for the confirmation). */
  dryRun: z.boolean().default(false),
});
export type TCodeHits = z.infer<typeof ZCodeHitsSchema>;
