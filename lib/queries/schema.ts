/**
 * The query string of the Queries API (app/api/projects/[projectId]/queries/**), shared by the
 * routes and the page that builds the URLs.
 *
 * Filters: `kinds` and `coders` comma-separated; `from`/`to` YYYY-MM-DD; `attribute` and
 * `attributeValue` together.
 */
import { z } from 'zod';

import { SOURCE_KINDS } from '../sources/kinds';
import type { QueryFilter } from './types';

const list = z
  .string()
  .max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.');
const level = z.coerce.number().int().min(1, 'Level is 1 to 4.').max(4, 'Level is 1 to 4.') as unknown as z.ZodType<1 | 2 | 3 | 4>;

export const ZQueryFilter = z.object({
  kinds: list.pipe(z.array(z.enum(SOURCE_KINDS, { message: 'Unknown source kind.' }))).optional(),
  coders: list.optional(),
  from: day.optional(),
  to: day.optional(),
  attribute: z.string().max(100).optional(),
  attributeValue: z.string().max(500).optional(),
});

/** Which matrix: code × source, code × case, or co-occurrence (with its unit and level). */
export const ZMatrixQuery = ZQueryFilter.extend({
  matrix: z.enum(['source', 'case', 'cooccurrence']),
  unit: z.enum(['overlap', 'paragraph', 'turn']).default('overlap'),
  level: level.optional(),
});
export type TMatrixQuery = z.infer<typeof ZMatrixQuery>;

/** One cell of a matrix: its row code and column (source id, case id or `none`, or a code id). */
export const ZCellQuery = ZMatrixQuery.extend({ row: z.string().min(1).max(100), column: z.string().min(1).max(100) });
export type TCellQuery = z.infer<typeof ZCellQuery>;

export const ZMatrixExportQuery = ZMatrixQuery.extend({ format: z.enum(['csv', 'xlsx']), value: z.enum(['count', 'presence']).default('count') });
export type TMatrixExportQuery = z.infer<typeof ZMatrixExportQuery>;

export const ZRetrievalQuery = ZQueryFilter.extend({ operator: z.enum(['and', 'or', 'not']), a: z.string().min(1).max(100), b: z.string().min(1).max(100) });
export type TRetrievalQuery = z.infer<typeof ZRetrievalQuery>;

/** The filter part of a parsed query as a {@link QueryFilter}. */
export function toQueryFilter(q: z.infer<typeof ZQueryFilter>): QueryFilter {
  return {
    ...(q.kinds?.length ? { sourceKinds: q.kinds } : {}),
    ...(q.coders?.length ? { coderIds: q.coders } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.attribute && q.attributeValue !== undefined ? { caseAttribute: { attributeId: q.attribute, value: q.attributeValue } } : {}),
  };
}
