import { z } from 'zod';

import { codeNameFromSelection } from '../coding/colors';

export const ZCodeName = z
  .string()
  .transform(codeNameFromSelection)
  .pipe(z.string().min(1, 'Name the code.').max(200, 'Use at most 200 characters.'));

export const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour like #2e86ab.').transform((c) => c.toLowerCase());

const ZLevel = z.coerce.number().int().min(1, 'Choose a level.').max(4, 'Choose a level.');

export const ZCreateCodeSchema = z.object({
  name: ZCodeName,
  color: ZColor.optional(),
  definition: z.string().trim().max(5000, 'Use at most 5,000 characters.').default(''),
  /** 1 concept (default) · 2 category · 3 main category · 4 core category. */
  level: ZLevel.optional(),
  parentId: z.string().min(1).max(64).nullable().optional(),
});
export type TCreateCode = z.infer<typeof ZCreateCodeSchema>;

export const ZUpdateCodeSchema = z
  .object({
    name: ZCodeName,
    color: ZColor,
    definition: z.string().trim().max(5000, 'Use at most 5,000 characters.'),
    label: z.string().trim().max(20, 'Use at most 20 characters.'),
    level: ZLevel,
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update.' });
export type TUpdateCode = z.infer<typeof ZUpdateCodeSchema>;

/** A half-open range [start, end) in code points; the data layer checks it against the source. */
const ZRange = {
  start: z.number().int('Offsets are whole numbers.').min(0, 'Offsets start at 0.'),
  end: z.number().int('Offsets are whole numbers.'),
};
const nonEmpty = (v: { start: number; end: number }) => v.end > v.start;
const emptyMessage = { message: 'Select some text first.', path: ['end'] };

export const ZApplyCodeSchema = z.object({ codeId: z.string().min(1).max(64), ...ZRange }).refine(nonEmpty, emptyMessage);
export const ZCreateCodeAndApplySchema = z.object({ name: ZCodeName, color: ZColor.optional(), ...ZRange }).refine(nonEmpty, emptyMessage);
export const ZAdjustCodingSchema = z.object({ codingId: z.string().min(1).max(64), ...ZRange }).refine(nonEmpty, emptyMessage);
export const ZRemoveCodingSchema = z.object({ codingId: z.string().min(1).max(64) });
export const ZSetCodingMemoSchema = z.object({ codingId: z.string().min(1).max(64), body: z.unknown() });
