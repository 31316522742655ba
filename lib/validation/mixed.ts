import { z } from 'zod';

import { ZText } from './text';

const ZId = z.string().min(1).max(64);

/** A new link from the Theory outline or from a construct. */
export const ZLinkInput = z.object({
  codeId: ZId,
  datasetId: ZId,
  target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('scale'), scaleId: ZId }), z.object({ kind: z.literal('variable'), variable: z.string().min(1).max(200) })]),
  rationale: ZText({ max: 2000, label: 'The rationale' }).default(''),
});
export type TLinkInput = z.infer<typeof ZLinkInput>;

/** Changes to a link / its joint-display row. `reviewed: true` records the current figures as reviewed. */
export const ZLinkPatch = z
  .object({
    rationale: ZText({ max: 2000, label: 'The rationale' }),
    inference: z.enum(['', 'convergent', 'complementary', 'divergent']),
    inferenceNote: ZText({ max: 4000, label: 'The note' }),
    exemplars: z.array(ZId).max(5, 'Pick at most 5 exemplar quotes.'),
    reviewed: z.literal(true),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change.');
export type TLinkPatch = z.infer<typeof ZLinkPatch>;

/** A case's identifier: one line, unique in the project. */
export const ZCaseName = ZText({ max: 200, required: 'Give the case an identifier.', singleLine: true, label: 'The identifier' });

/** Which dataset variable identifies respondents / entities. */
export const ZCaseMatch = z.object({ datasetId: ZId, idVariable: z.string().min(1).max(200) });

/** Quantitizing: chosen codes, a measure, joined to a dataset by the id variable. */
export const ZQuantitizeInput = z
  .object({
    datasetId: ZId,
    baseVersionId: ZId,
    idVariable: z.string().min(1).max(200),
    codes: z.array(z.object({ codeId: ZId, rollUp: z.boolean().default(false) })).min(1, 'Choose at least one code.').max(100),
    measure: z.enum(['presence', 'count', 'share', 'coder']),
    coderId: ZId.optional(),
  })
  .refine((q) => q.measure !== 'coder' || q.coderId, { message: 'Choose the coder.', path: ['coderId'] });
export type TQuantitizeInput = z.infer<typeof ZQuantitizeInput>;

/** Filter and order of the joint display (query). */
export const ZJointDisplayQuery = z.object({
  under: ZId.optional(),
  order: z.enum(['hierarchy', 'strength', 'label']).default('hierarchy'),
});

/** Export of the joint display (query). */
export const ZJointDisplayExportQuery = ZJointDisplayQuery.extend({ format: z.enum(['docx', 'xlsx'], { message: 'format must be docx or xlsx' }) });

/** Qualitizing: cases by a survey variable (query). */
export const ZCasesByVariableQuery = z
  .object({
    datasetId: ZId,
    idVariable: z.string().min(1).max(200),
    variable: z.string().min(1).max(200),
    filter: z.enum(['top-quartile', 'bottom-quartile', 'above-median', 'below-median', 'range']).default('top-quartile'),
    min: z.coerce.number().optional(),
    max: z.coerce.number().optional(),
    codeId: ZId.optional(),
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, { message: 'The minimum must not be above the maximum.', path: ['min'] });

/** Creating cases: one by name, or one per interviewee of the sources without a case. */
export const ZCaseCreate = z.union([z.object({ name: ZCaseName, sourceIds: z.array(ZId).max(5000).default([]) }), z.object({ fromInterviewees: z.literal(true) })]);

/** Putting sources into a case (or none). */
export const ZCaseAssign = z.object({ caseId: ZId.nullable(), sourceIds: z.array(ZId).min(1, 'Choose at least one source.').max(5000) });
