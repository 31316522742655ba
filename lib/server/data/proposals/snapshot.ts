import 'server-only';

import type { RelationType } from '@/lib/coding/relations';
import { AppError } from '@/lib/errors/app-error';
import { type HierarchySnapshot, type ProposalOp, ZProposalOp } from '@/lib/team/proposal-ops';

import type { Tx } from '../events/record-event';
import { hierarchyCodes } from '../hierarchy/load-hierarchy';

type Reader = Pick<Tx, 'code' | 'codeRelation'>;

/** The project's hierarchy as proposal ops see it (codes and relations). */
export async function loadSnapshot(tx: Reader, projectId: string): Promise<HierarchySnapshot> {
  const [codes, relations] = await Promise.all([
    hierarchyCodes(tx, projectId),
    tx.codeRelation.findMany({ where: { projectId }, select: { id: true, fromId: true, toId: true, type: true, customType: true } }),
  ]);
  return { codes, relations: relations.map((r) => ({ ...r, type: r.type as RelationType })) };
}

/** A stored change's op (ProposalChange.op is JSON written by this module). */
export function parseOp(json: string): ProposalOp {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = null;
  }
  const parsed = ZProposalOp.safeParse(value);
  if (!parsed.success) throw new AppError('INVALID_INPUT', { message: `Unreadable proposal change: ${json.slice(0, 200)}`, userMessage: 'A change of this proposal could not be read.' });
  return parsed.data;
}
