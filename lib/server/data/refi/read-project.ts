import 'server-only';

import { readChoices } from '@/lib/cases/attributes';
import type { GwSnapshot } from '@/lib/io/refi/from-groundwork';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

/**
 * Everything a REFI-QDA export writes, read in one snapshot transaction: the project, its
 * members and every user who coded, wrote or created something in it, folders, sources (with
 * text), codes, codings, memos, relations with evidence, case attributes and cases.
 * Members only (project:read). Blind coding does not hide anything from an export: exports are
 * for archiving and exchange, like the coded-segments export.
 */
export async function readProjectSnapshot(options: { userId: string; projectId: string }): Promise<GwSnapshot> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const projectId = options.projectId;
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { id: true, name: true, description: true, language: true, corePrefix: true, storyline: true, storylineText: true, createdAt: true },
    });
    const [members, folders, sources, codes, codings, memos, relations, attributes, cases] = await Promise.all([
      tx.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
      tx.folder.findMany({ where: { projectId }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
      tx.source.findMany({
        where: { projectId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true, title: true, kind: true, format: true, fileName: true, text: true, folderId: true, caseId: true, authors: true, year: true, venue: true,
          interviewee: true, interviewDate: true, interviewer: true, structure: true, codingOrder: true, saturationTest: true, createdById: true, createdAt: true,
        },
      }),
      tx.code.findMany({
        where: { projectId },
        orderBy: [{ level: 'desc' }, { label: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, color: true, definition: true, level: true, parentId: true, label: true, createdById: true, createdAt: true },
      }),
      tx.coding.findMany({ where: { projectId }, orderBy: [{ sourceId: 'asc' }, { start: 'asc' }, { end: 'asc' }, { id: 'asc' }], select: { id: true, sourceId: true, codeId: true, start: true, end: true, coderId: true, createdAt: true } }),
      tx.memo.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' }, select: { id: true, sourceId: true, codeId: true, codingId: true, authorId: true, body: true, text: true, createdAt: true } }),
      tx.codeRelation.findMany({
        where: { projectId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, fromId: true, toId: true, type: true, customType: true, memo: true, memoText: true, createdById: true, createdAt: true, evidence: { select: { codingId: true } } },
      }),
      tx.caseAttribute.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, type: true, choices: true } }),
      tx.case.findMany({ where: { projectId }, orderBy: { name: 'asc' }, select: { id: true, name: true, values: { select: { attributeId: true, value: true } } } }),
    ]);
    // Users: members first, then anyone else who left a trace (a former member, a placeholder coder).
    const userIds = new Set(members.map((m) => m.user.id));
    const others = new Set<string>();
    const note = (id: string | null) => {
      if (id && !userIds.has(id)) others.add(id);
    };
    for (const c of codings) note(c.coderId);
    for (const m of memos) note(m.authorId);
    for (const s of sources) note(s.createdById);
    for (const c of codes) note(c.createdById);
    for (const r of relations) note(r.createdById);
    const extra = others.size ? await tx.user.findMany({ where: { id: { in: [...others] } }, select: { id: true, name: true } }) : [];
    return {
      project,
      users: [...members.map((m) => m.user), ...extra],
      folders,
      sources,
      codes,
      codings,
      memos,
      relations: relations.map(({ evidence, ...r }) => ({ ...r, evidence: evidence.map((e) => e.codingId) })),
      attributes: attributes.map((a) => ({ id: a.id, name: a.name, type: a.type, choices: readChoices(a.choices) })),
      cases,
    };
  });
}

/** The codebook alone (for a .qdc export): the project's name and its codes. Members (project:read). */
export async function readCodebookSnapshot(options: { userId: string; projectId: string }): Promise<{ name: string; codes: GwSnapshot['codes'] }> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [project, codes] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } }),
    db.code.findMany({
      where: { projectId: options.projectId },
      orderBy: [{ level: 'desc' }, { label: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, color: true, definition: true, level: true, parentId: true, label: true, createdById: true, createdAt: true },
    }),
  ]);
  return { name: project.name, codes };
}
