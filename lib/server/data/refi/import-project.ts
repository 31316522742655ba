import 'server-only';

import { randomUUID } from 'node:crypto';

import { AppError } from '@/lib/errors/app-error';
import type { ImportPlan } from '@/lib/io/refi/to-groundwork';

import { db } from '../../db/client';

/** Rows per createMany: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** Generous for a research-size project (hundreds of sources, tens of thousands of codings). */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 300_000 } as const;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Placeholder accounts cannot sign in: no password hash, and an address that can never receive mail. */
export function placeholderEmail(): string {
  return `placeholder-${randomUUID()}@import.invalid`;
}

export type RefiImportResult = {
  projectId: string;
  counts: { codes: number; sources: number; codings: number; memos: number; cases: number; relations: number; placeholders: number };
};

/**
 * Stores an import plan as a NEW project owned by the importing user, in one transaction: all
 * or nothing. Coders mapped to "me" become the user; the others become placeholder users
 * (User.placeholder, empty password hash: no sign-in) that the owner can later assign to a
 * member (assign-placeholder.ts). Any signed-in user may import (it creates their own project).
 *
 * @throws AppError INVALID_INPUT when the plan has errors (nothing is stored).
 */
export async function importRefiProject(options: { userId: string; plan: ImportPlan }): Promise<RefiImportResult> {
  const { plan, userId } = options;
  if (plan.errors.length) {
    throw new AppError('INVALID_INPUT', { userMessage: `The file cannot be imported: ${plan.errors[0]}${plan.errors.length > 1 ? ` (and ${plan.errors.length - 1} more problem(s))` : ''}` });
  }
  const id = () => randomUUID();
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        name: plan.name,
        description: plan.description,
        language: plan.language,
        corePrefix: plan.corePrefix,
        storyline: plan.storyline,
        storylineText: plan.storylineText,
        storylineUpdatedAt: plan.storyline ? new Date() : null,
        members: { create: { userId, role: 'owner' } },
      },
      select: { id: true },
    });
    const projectId = project.id;

    // Users: only those who left a trace get a placeholder.
    const referenced = new Set<string>();
    for (const c of plan.codings) if (c.coder) referenced.add(c.coder);
    for (const m of plan.memos) if (m.author) referenced.add(m.author);
    for (const s of plan.sources) if (s.creator) referenced.add(s.creator);
    const userOf = new Map<string, string>();
    let placeholders = 0;
    for (const u of plan.users) {
      if (u.target === 'me') userOf.set(u.guid, userId);
      else if (referenced.has(u.guid)) {
        const created = await tx.user.create({ data: { email: placeholderEmail(), name: u.name.slice(0, 200), passwordHash: '', placeholder: true }, select: { id: true } });
        userOf.set(u.guid, created.id);
        placeholders++;
      }
    }
    const user = (guid: string | null) => (guid ? (userOf.get(guid) ?? null) : null);

    const folderOf = new Map<string, string>();
    await inChunks(plan.folders, (chunk) => {
      const rows = chunk.map((name) => ({ id: id(), projectId, name }));
      for (const r of rows) folderOf.set(r.name, r.id);
      return tx.folder.createMany({ data: rows });
    });

    const attributeOf = new Map<string, string>();
    await inChunks(plan.attributes, (chunk) => {
      const rows = chunk.map((a, i) => ({ id: id(), projectId, name: a.name, type: a.type, choices: JSON.stringify(a.choices), position: i }));
      chunk.forEach((a, i) => attributeOf.set(a.guid, rows[i].id));
      return tx.caseAttribute.createMany({ data: rows });
    });
    const caseOf = new Map<string, string>();
    await inChunks(plan.cases, (chunk) => {
      const rows = chunk.map((c) => ({ id: id(), projectId, name: c.name }));
      chunk.forEach((c, i) => caseOf.set(c.guid, rows[i].id));
      return tx.case.createMany({ data: rows });
    });
    const values = plan.cases.flatMap((c) => c.values.map((v) => ({ id: id(), caseId: caseOf.get(c.guid)!, attributeId: attributeOf.get(v.attributeGuid)!, value: v.value })));
    await inChunks(values.filter((v) => v.attributeId), (chunk) => tx.caseAttributeValue.createMany({ data: chunk }));

    const sourceOf = new Map<string, string>();
    // Sources carry their whole text: smaller chunks keep each statement modest.
    for (let i = 0; i < plan.sources.length; i += 20) {
      const chunk = plan.sources.slice(i, i + 20);
      const rows = chunk.map((s) => ({
        id: id(),
        projectId,
        folderId: s.folder ? (folderOf.get(s.folder) ?? null) : null,
        kind: s.kind,
        title: s.title,
        format: s.format,
        fileName: s.fileName,
        text: s.text,
        length: s.length,
        wordCount: s.wordCount,
        structure: s.structure,
        authors: s.authors,
        year: s.year,
        venue: s.venue,
        interviewee: s.interviewee,
        interviewDate: s.interviewDate,
        interviewer: s.interviewer,
        caseId: s.caseGuid ? (caseOf.get(s.caseGuid) ?? null) : null,
        codingOrder: s.codingOrder,
        saturationTest: s.saturationTest,
        createdById: user(s.creator) ?? userId,
        ...(s.createdAt ? { createdAt: s.createdAt } : {}),
      }));
      chunk.forEach((s, j) => sourceOf.set(s.guid, rows[j].id));
      await tx.source.createMany({ data: rows });
    }

    // Codes top-down (a parent is always one level up), so every parent exists before its children.
    const codeOf = new Map<string, string>();
    for (const c of plan.codes) codeOf.set(c.guid, id());
    for (const level of [4, 3, 2, 1]) {
      const rows = plan.codes
        .filter((c) => c.level === level)
        .map((c) => ({
          id: codeOf.get(c.guid)!,
          projectId,
          name: c.name,
          color: c.color,
          definition: c.definition,
          level: c.level,
          parentId: c.parentGuid ? codeOf.get(c.parentGuid)! : null,
          label: c.label,
          createdById: userId,
        }));
      await inChunks(rows, (chunk) => tx.code.createMany({ data: chunk }));
    }

    const codingOf = new Map<string, string>();
    const codingRows = plan.codings.map((c) => {
      const row = {
        id: id(),
        projectId,
        sourceId: sourceOf.get(c.sourceGuid)!,
        codeId: codeOf.get(c.codeGuid)!,
        start: c.start,
        end: c.end,
        coderId: user(c.coder),
        ...(c.createdAt ? { createdAt: c.createdAt } : {}),
      };
      codingOf.set(c.guid, row.id);
      return row;
    });
    await inChunks(codingRows, (chunk) => tx.coding.createMany({ data: chunk }));

    const memoRows = plan.memos.flatMap((m) => {
      const target = m.target === 'source' ? sourceOf.get(m.targetGuid) : m.target === 'code' ? codeOf.get(m.targetGuid) : codingOf.get(m.targetGuid);
      if (!target) return [];
      return [
        {
          id: id(),
          projectId,
          sourceId: m.target === 'source' ? target : null,
          codeId: m.target === 'code' ? target : null,
          codingId: m.target === 'coding' ? target : null,
          authorId: user(m.author) ?? userId,
          body: m.body,
          text: m.text,
          ...(m.createdAt ? { createdAt: m.createdAt } : {}),
        },
      ];
    });
    await inChunks(memoRows, (chunk) => tx.memo.createMany({ data: chunk }));

    const evidence: Array<{ id: string; relationId: string; codingId: string }> = [];
    const relationRows = plan.relations.map((r) => {
      const row = { id: id(), projectId, fromId: codeOf.get(r.fromGuid)!, toId: codeOf.get(r.toGuid)!, type: r.type, customType: r.customType, memo: r.memo, memoText: r.memoText, createdById: userId };
      for (const g of r.evidence) {
        const codingId = codingOf.get(g);
        if (codingId) evidence.push({ id: id(), relationId: row.id, codingId });
      }
      return row;
    });
    await inChunks(relationRows, (chunk) => tx.codeRelation.createMany({ data: chunk }));
    await inChunks(evidence, (chunk) => tx.relationEvidence.createMany({ data: chunk }));

    return {
      projectId,
      counts: { codes: plan.codes.length, sources: plan.sources.length, codings: codingRows.length, memos: memoRows.length, cases: plan.cases.length, relations: relationRows.length, placeholders },
    };
  }, IMPORT_TRANSACTION);
}
