/**
 * Input schemas of the saturation page and API (zod): Guest et al.'s parameters in a query
 * (threshold in percent, as researchers write it), the test set and the coding order.
 */
import { z } from 'zod';

import type { GuestOptions } from './guest';

const ZId = z.string().min(1).max(64);

/** ?base=4&run=2&threshold=5 — all optional; threshold in percent. */
export const ZGuestQuery = z.object({
  base: z.coerce.number().int('The base size is a whole number of sources.').min(1, 'The base size is at least 1.').max(1000).optional(),
  run: z.coerce.number().int('The run length is a whole number of sources.').min(1, 'The run length is at least 1.').max(1000).optional(),
  threshold: z.coerce.number().min(0, 'The threshold is a percentage from 0 to 100.').max(100, 'The threshold is a percentage from 0 to 100.').optional(),
});
export type TGuestQuery = z.infer<typeof ZGuestQuery>;

/** The query as Guest options (threshold as a proportion). */
export function guestOptionsOf(query: TGuestQuery): Partial<GuestOptions> {
  return {
    ...(query.base !== undefined ? { base: query.base } : {}),
    ...(query.run !== undefined ? { run: query.run } : {}),
    ...(query.threshold !== undefined ? { threshold: query.threshold / 100 } : {}),
  };
}

export const ZSaturationExportQuery = ZGuestQuery.extend({ format: z.enum(['docx', 'csv']) });

/** Mark (test: true) or unmark sources as saturation test sources. */
export const ZTestSetInput = z.object({
  sourceIds: z.array(ZId).min(1, 'Choose at least one source.').max(5000),
  test: z.boolean(),
  newSnapshot: z.boolean().optional(),
});

/** The coding order the user sets; [] goes back to the order of first coding. */
export const ZCodingOrderInput = z.object({ sourceIds: z.array(ZId).max(5000) });
