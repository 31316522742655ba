import 'server-only';

import { type MemoDoc, memoMentionIds, memoToPlainText, rewriteMentions, ZMemoDoc } from '@/lib/coding/memo';

import type { db } from '../../db/client';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Target = { id: string; label: string | null } | null;

/**
 * Keeps a memo's mentions inside the project: a mention of a code that is not one of the
 * project's (deleted meanwhile, or another project's id sent by hand) becomes plain `@label`
 * text. Used wherever a memo is stored (storyline, relation, code, source and coding memos).
 */
export async function scopeMentions(tx: Pick<Tx, 'code'>, projectId: string, doc: MemoDoc): Promise<MemoDoc> {
  const ids = memoMentionIds(doc);
  if (ids.length === 0) return doc;
  const known = new Set((await tx.code.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  return known.size === ids.length ? doc : rewriteMentions(doc, (m) => (known.has(m.id) ? m : null));
}

/**
 * Rewrites stored mentions of codes that are merged away or deleted, in the storyline, relation
 * memos and memo logs: `targets` maps a code id to the code its mentions now name, or to null
 * to turn them into plain text.
 */
export async function rewriteStoredMentions(tx: Tx, projectId: string, targets: ReadonlyMap<string, Target>): Promise<void> {
  if (targets.size === 0) return;
  const rewrite = (doc: MemoDoc) => rewriteMentions(doc, (m) => (targets.has(m.id) ? targets.get(m.id)! : m));
  const mentionsAny = (body: string) => [...targets.keys()].some((id) => body.includes(`"${id}"`));
  const read = (body: string): MemoDoc | null => {
    try {
      const parsed = ZMemoDoc.safeParse(JSON.parse(body));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const contains = [...targets.keys()].map((id) => ({ contains: id }));

  const project = await tx.project.findUnique({ where: { id: projectId }, select: { storyline: true } });
  const storyline = project?.storyline && mentionsAny(project.storyline) ? read(project.storyline) : null;
  if (storyline) {
    const next = rewrite(storyline);
    await tx.project.update({ where: { id: projectId }, data: { storyline: JSON.stringify(next), storylineText: memoToPlainText(next) } });
  }
  const relations = await tx.codeRelation.findMany({ where: { projectId, OR: contains.map((c) => ({ memo: c })) }, select: { id: true, memo: true } });
  for (const r of relations) {
    const doc = mentionsAny(r.memo) ? read(r.memo) : null;
    if (!doc) continue;
    const next = rewrite(doc);
    await tx.codeRelation.update({ where: { id: r.id }, data: { memo: JSON.stringify(next), memoText: memoToPlainText(next) } });
  }
  const memos = await tx.memo.findMany({ where: { projectId, OR: contains.map((c) => ({ body: c })) }, select: { id: true, body: true } });
  for (const m of memos) {
    const doc = mentionsAny(m.body) ? read(m.body) : null;
    if (!doc) continue;
    const next = rewrite(doc);
    await tx.memo.update({ where: { id: m.id }, data: { body: JSON.stringify(next), text: memoToPlainText(next) } });
  }
}
