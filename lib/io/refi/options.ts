/** Options a REFI-QDA import request carries (query string `options`, JSON), validated. */
import { z } from 'zod';

export const ZLevelMapping = z.enum(['groundwork', 'nesting', 'flat'], { message: 'levelMapping must be groundwork, nesting or flat' });

export const ZImportOptions = z.object({
  levelMapping: ZLevelMapping.optional(),
  coders: z.record(z.string().max(60), z.enum(['me', 'placeholder'])).optional(),
  name: z.string().trim().max(120).optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;

/**
 * Reads the `options` query parameter.
 * @returns the options, or a message for the user.
 */
export function parseImportOptions(raw: string | null): { ok: true; options: TImportOptions } | { ok: false; message: string } {
  if (!raw) return { ok: true, options: {} };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'The import options are not valid JSON.' };
  }
  const parsed = ZImportOptions.safeParse(json);
  return parsed.success ? { ok: true, options: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid import options.' };
}
