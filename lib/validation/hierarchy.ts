import { z } from 'zod';

import { RELATION_TYPES } from '../coding/relations';
import { ZCodeName } from './coding';

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

export const ZRelationSchema = z
  .object({
    fromId: ZId,
    toId: ZId,
    type: z.enum(RELATION_TYPES, { message: 'Choose a relation type.' }),
    customType: z.string().trim().max(80, 'Use at most 80 characters.').default(''),
    memo: z.unknown().optional(),
    evidenceCodingIds: z.array(ZId).max(200).default([]),
  })
  .refine((r) => r.type !== 'custom' || r.customType.length > 0, { message: 'Name the custom relation type.', path: ['customType'] });
export type TRelation = z.infer<typeof ZRelationSchema>;

export const ZStorylineSchema = z.object({ body: z.unknown() });
