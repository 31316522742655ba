import { z } from 'zod';

import { SOURCE_KINDS } from '../sources/kinds';

export const ZSourceKind = z.enum(SOURCE_KINDS, { message: 'Choose a kind: interview, literature, field note, document or other.' });

const text = (max: number, label: string) => z.string().trim().max(max, `${label}: use at most ${max} characters.`);

/** Editable details of a source (all optional except title and kind). */
export const ZSourceDetailsSchema = z.object({
  title: z.string().trim().min(1, 'Give the source a title.').max(300, 'Use at most 300 characters.'),
  kind: ZSourceKind,
  folderId: z.string().trim().max(64).nullable().default(null),
  authors: text(500, 'Authors').default(''),
  year: z
    .union([z.literal('').transform(() => null), z.coerce.number().int('Year: a whole number.').min(1000, 'Year: four digits.').max(2200, 'Year: four digits.'), z.null()])
    .default(null),
  venue: text(300, 'Venue').default(''),
  interviewee: text(200, 'Interviewee').default(''),
  interviewDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date: use YYYY-MM-DD.')]).default(''),
  interviewer: text(200, 'Interviewer').default(''),
});
export type TSourceDetails = z.infer<typeof ZSourceDetailsSchema>;

export const ZUpdateSourceSchema = ZSourceDetailsSchema.partial();
export type TUpdateSource = z.infer<typeof ZUpdateSourceSchema>;

/** Largest pasted text, in UTF-16 units (about 2 million characters, a long book). */
export const MAX_PASTE_LENGTH = 2_000_000;

export const ZPasteSourceSchema = z.object({
  title: z.string().trim().min(1, 'Give the source a title.').max(300, 'Use at most 300 characters.'),
  kind: ZSourceKind,
  folderId: z.string().trim().max(64).nullable().default(null),
  text: z
    .string()
    .max(MAX_PASTE_LENGTH, 'That text is too long to paste; upload it as a file.')
    .refine((t) => t.trim().length > 0, 'Paste some text first.'),
});
export type TPasteSource = z.infer<typeof ZPasteSourceSchema>;

export const ZCreateFolderSchema = z.object({
  name: z.string().trim().min(1, 'Name the folder.').max(100, 'Use at most 100 characters.'),
});
export type TCreateFolder = z.infer<typeof ZCreateFolderSchema>;

/** Options of an upload (query string of POST /api/projects/:id/sources). */
export const ZUploadOptionsSchema = z.object({
  kind: ZSourceKind.optional(),
  folderId: z.string().trim().max(64).optional(),
  encoding: z.string().trim().max(40).optional(),
});
