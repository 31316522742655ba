import { z } from 'zod';

import { updateSchema, ZText } from './text';

/** Longest code name, in characters (the workbench cuts in-vivo names from a selection to this). */
export const CODE_NAME_MAX = 200;

/**
 * A code name: whitespace runs collapsed (as in-vivo names from a selection are), one line,
 * NFC (names are unique per project), at most {@link CODE_NAME_MAX} characters: a longer
 * name is refused with the limit named, never cut.
 */
export const ZCodeName = ZText({ max: CODE_NAME_MAX, required: 'Name the code.', singleLine: true, collapseWhitespace: true, label: 'The name' });
const ZDefinition = ZText({ max: 5000, label: 'The definition' });
const ZLabel = ZText({ max: 20, singleLine: true, label: 'The label' });

export const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour like #2e86ab.').transform((c) => c.toLowerCase());

const ZLevel = z.coerce.number().int().min(1, 'Choose a level.').max(4, 'Choose a level.');

export const ZCreateCodeSchema = z.object({
  name: ZCodeName,
  color: ZColor.optional(),
  definition: ZDefinition.default(''),
  /** 1 concept (default) · 2 category · 3 main category · 4 core category. */
  level: ZLevel.optional(),
  parentId: z.string().min(1).max(64).nullable().optional(),
});
export type TCreateCode = z.infer<typeof ZCreateCodeSchema>;

/** Only the fields sent change; `{}` is refused. */
export const ZUpdateCodeSchema = updateSchema({ name: ZCodeName, color: ZColor, definition: ZDefinition, label: ZLabel, level: ZLevel });
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
