import { z } from 'zod';

import { RELATION_TYPES } from '../coding/relations';
import { ZCodeName } from './coding';
import { ZText } from './text';

const ZId = z.string().min(1).max(64);
export const ZMoveCodeSchema = z.object({ codeId: ZId, parentId: ZId.nullable() });
export type TMoveCode = z.infer<typeof ZMoveCodeSchema>;

export const ZMoveCodesSchema = z.object({ moves: z.array(ZMoveCodeSchema).min(1, 'Select the codes to move.').max(500) });

export const ZGroupCodesSchema = z.object({
  codeIds: z.array(ZId).min(1, 'Select the codes to group.').max(500),
  name: ZCodeName,
});
export type TGroupCodes = z.infer<typeof ZGroupCodesSchema>;

export const ZMergeCodesSchema = z.object({ fromId: ZId, intoId: ZId });
export type TMergeCodes = z.infer<typeof ZMergeCodesSchema>;

export const ZSplitCodeSchema = z.object({
  codeId: ZId,
  codingIds: z.array(ZId).min(1, 'Choose the segments that go to the new code.').max(100_000),
  name: ZCodeName,
});
export type TSplitCode = z.infer<typeof ZSplitCodeSchema>;

export const ZNetworkPositionsSchema = z.object({
  positions: z
    .array(z.object({ id: ZId, x: z.number().finite().min(-1e6).max(1e6), y: z.number().finite().min(-1e6).max(1e6) }))
    .max(5000),
});
export type TNetworkPositions = z.infer<typeof ZNetworkPositionsSchema>;

const relationFields = {
  fromId: ZId,
  toId: ZId,
  type: z.enum(RELATION_TYPES, { message: 'Choose a relation type.' }),
  customType: ZText({ max: 80, singleLine: true, label: 'The relation type' }),
  memo: z.unknown().optional(),
  evidenceCodingIds: z.array(ZId).max(200),
};
const customNamed = (r: { type: string; customType: string }) => r.type !== 'custom' || r.customType.length > 0;
const customUnnamed = { message: 'Name the custom relation type.', path: ['customType'] };

/** A new relation: the custom type and evidence default to none. */
export const ZRelationSchema = z
  .object({ ...relationFields, customType: relationFields.customType.default(''), evidenceCodingIds: relationFields.evidenceCodingIds.default([]) })
  .refine(customNamed, customUnnamed);
export type TRelation = z.infer<typeof ZRelationSchema>;

/**
 * Replacing a relation (its memo and evidence list are replaced whole): every field but the
 * memo must be sent, so an omitted evidence list is refused rather than read as "no evidence".
 * A missing or null memo clears it (the relation form sends it that way).
 */
export const ZReplaceRelationSchema = z.object(relationFields).refine(customNamed, customUnnamed);

export const ZStorylineSchema = z.object({ body: z.unknown() });
