import { z } from 'zod';

import { SOURCE_KINDS } from '../sources/kinds';
import { textProblem, updateSchema, ZText } from './text';

export const ZSourceKind = z.enum(SOURCE_KINDS, { message: 'Choose a kind: interview, literature, field note, document or other.' });

const text = (max: number, label: string) => ZText({ max, singleLine: true, label, maxMessage: `${label}: use at most ${max} characters.` });

const ZSourceTitle = ZText({ max: 300, required: 'Give the source a title.', singleLine: true, label: 'The title' });
const ZFolderId = z.string().trim().max(64).nullable();

// The fields without defaults: the details form (all sent) adds them, PATCH must not.
const sourceDetailFields = {
  title: ZSourceTitle,
  kind: ZSourceKind,
  folderId: ZFolderId,
  authors: text(500, 'Authors'),
  year: z.union([z.literal('').transform(() => null), z.coerce.number().int('Year: a whole number.').min(1000, 'Year: four digits.').max(2200, 'Year: four digits.'), z.null()]),
  venue: text(300, 'Venue'),
  interviewee: text(200, 'Interviewee'),
  interviewDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date: use YYYY-MM-DD.')]),
  interviewer: text(200, 'Interviewer'),
};

/** Editable details of a source (all optional except title and kind). */
export const ZSourceDetailsSchema = z.object({
  ...sourceDetailFields,
  folderId: sourceDetailFields.folderId.default(null),
  authors: sourceDetailFields.authors.default(''),
  year: sourceDetailFields.year.default(null),
  venue: sourceDetailFields.venue.default(''),
  interviewee: sourceDetailFields.interviewee.default(''),
  interviewDate: sourceDetailFields.interviewDate.default(''),
  interviewer: sourceDetailFields.interviewer.default(''),
});
export type TSourceDetails = z.infer<typeof ZSourceDetailsSchema>;

/** PATCH: only the fields sent change (a missing folderId keeps the folder; null unfiles); `{}` is refused. */
export const ZUpdateSourceSchema = updateSchema(sourceDetailFields);
export type TUpdateSource = z.infer<typeof ZUpdateSourceSchema>;

/** Largest pasted text, in UTF-16 units (about 2 million characters, a long book). */
export const MAX_PASTE_LENGTH = 2_000_000;

export const ZPasteSourceSchema = z.object({
  title: ZSourceTitle,
  kind: ZSourceKind,
  folderId: ZFolderId.default(null),
  // Kept exactly as pasted (codings are offsets into it): not trimmed or normalised, only
  // refused when it cannot be stored (NUL, a broken character).
  text: z
    .string()
    .max(MAX_PASTE_LENGTH, 'That text is too long to paste; upload it as a file.')
    .superRefine((t, ctx) => {
      const problem = textProblem(t);
      if (problem) ctx.addIssue({ code: 'custom', message: `The text ${problem}` });
    })
    .refine((t) => t.trim().length > 0, 'Paste some text first.'),
});
export type TPasteSource = z.infer<typeof ZPasteSourceSchema>;

export const ZCreateFolderSchema = z.object({
  name: ZText({ max: 100, required: 'Name the folder.', singleLine: true, label: 'The name' }),
});
export type TCreateFolder = z.infer<typeof ZCreateFolderSchema>;

/** Options of an upload (query string of POST /api/projects/:id/sources). */
export const ZUploadOptionsSchema = z.object({
  kind: ZSourceKind.optional(),
  folderId: z.string().trim().max(64).optional(),
  encoding: ZText({ max: 40, singleLine: true, label: 'The encoding' }).optional(),
  /** A file already in the project (same bytes): `ask` (default) reports it with 409, `skip` with 200, `keep` stores it. */
  duplicates: z.enum(['ask', 'skip', 'keep'], { message: 'duplicates: ask, skip or keep.' }).optional(),
});

/** Options of a re-import (query string of PUT /api/projects/:id/sources/:sourceId/file). */
export const ZReimportOptionsSchema = z.object({
  encoding: ZText({ max: 40, singleLine: true, label: 'The encoding' }).optional(),
});
