import 'server-only';

import { HierarchyRuleError, nextLabel } from '@/lib/coding/hierarchy';
import { type CodeLevel, labelPrefixes } from '@/lib/coding/hierarchy-types';
import { AppError } from '@/lib/errors/app-error';

import type { db } from '../../db/client';

type Reader = Pick<typeof db, 'code' | 'project'>;

/**
 * The label a new code of `level` gets: the next number after the highest in use (C7 after C6).
 * Reads the labels of every level: a code keeps its label when its level changes, and a label
 * may be edited by hand to any unused one, so "C4" can sit on a category.
 */
export async function newCodeLabel(tx: Reader, projectId: string, level: CodeLevel): Promise<string> {
  const [project, codes] = await Promise.all([
    tx.project.findUnique({ where: { id: projectId }, select: { corePrefix: true } }),
    tx.code.findMany({ where: { projectId }, select: { label: true } }),
  ]);
  return nextLabel(level, codes.map((c) => c.label), labelPrefixes(project?.corePrefix));
}

/** For transactions that touch many rows (merges, renumbering, saving a whole layout). */
export const LONG_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

/**
 * Serialises hierarchy changes within a project: the first write of the transaction takes the
 * project row's lock, so two people grouping, splitting or relabelling at once cannot hand out
 * the same label or leave a parent link that the rules would refuse (PostgreSQL's default read
 * committed would allow both; SQLite has one writer anyway).
 */
export async function lockProject(tx: Pick<typeof db, 'project'>, projectId: string): Promise<void> {
  await tx.project.updateMany({ where: { id: projectId }, data: { updatedAt: new Date() } });
}

/** Runs a pure hierarchy rule and turns its refusal into a message for the user. */
export function applyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof HierarchyRuleError) throw new AppError('INVALID_INPUT', { userMessage: error.message });
    throw error;
  }
}

/** Throws INVALID_INPUT with the problem a rule reported, if any. */
export function refuse(problem: string | null): void {
  if (problem) throw new AppError('INVALID_INPUT', { userMessage: problem });
}
