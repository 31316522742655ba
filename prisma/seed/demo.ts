import { runAnalysis } from '../../lib/cli/run';
import { CODE_COLORS } from '../../lib/coding/colors';
import { scaleScoreTransform } from '../../lib/datasets/scales';
import { encodeDataset } from '../../lib/datasets/storage';
import { applyTransforms } from '../../lib/datasets/transform';
import type { Dataset } from '../../lib/datasets/types';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_PROJECT_DESCRIPTION, DEMO_PROJECT_NAME } from '../../lib/demo';
import { hashPassword } from '../../lib/server/auth/password';
import { db } from '../../lib/server/db/client';
import { prepareSource } from '../../lib/sources/prepare-source';
import {
  DEMO_CODES,
  DEMO_CODINGS,
  DEMO_FOLDERS,
  DEMO_RELATIONS,
  DEMO_SOURCES,
  demoCodeLabels,
  demoCodingKey,
  demoStoryline,
  locate,
} from './demo-content';
import { linkTargetKey } from '../../lib/mixed/links';
import { DEMO_LINKS, demoCaseName } from './demo-mixed';
import { DEMO_PANEL_ANALYSES, DEMO_SURVEY_ANALYSES, demoPanel, demoSurvey, SURVEY_SCALES } from './demo-survey';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Coders = Record<'demo' | 'lin', string>;

/**
 * The demo workspace a newcomer signs in to after `npm start`: the demo account owns a
 * project with a coder and a reviewer, eight sources in three folders, and the whole
 * grounded-theory path through them — open coding by two coders, concepts placed in
 * categories, main categories and core categories, typed relations with memos and evidence,
 * and a storyline. Idempotent: does nothing when the demo account exists; written in one
 * transaction, so a failed run leaves nothing behind and the next run starts afresh.
 * @returns whether anything was created.
 */
export async function seedDemo(): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const demo = await tx.user.create({ data: { email: DEMO_EMAIL, name: 'Dana Demo', passwordHash }, select: { id: true } });
      const coder = await tx.user.create({ data: { email: 'lin.wei@groundwork.test', name: 'Lin Wei', passwordHash }, select: { id: true } });
      const reviewer = await tx.user.create({ data: { email: 'sam.okafor@groundwork.test', name: 'Sam Okafor', passwordHash }, select: { id: true } });
      const project = await tx.project.create({
        data: {
          name: DEMO_PROJECT_NAME,
          description: DEMO_PROJECT_DESCRIPTION,
          members: {
            create: [
              { userId: demo.id, role: 'owner' },
              { userId: coder.id, role: 'coder' },
              { userId: reviewer.id, role: 'reviewer' },
            ],
          },
        },
        select: { id: true },
      });
      await seedDemoProject(tx, project.id, { demo: demo.id, lin: coder.id });
      await seedDemoData(tx, project.id, demo.id);
      await seedDemoMixed(tx, project.id, demo.id);
    },
    // Some hundred statements; generous limits for a slow disk or a remote PostgreSQL.
    { maxWait: 10_000, timeout: 60_000 },
  );
  return true;
}

const memoDoc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Identifies a stored coding by its row values (no coder codes one span with one code twice). */
const rowKey = (c: { sourceId: string; start: number; end: number; codeId: string; coderId: string | null }) =>
  JSON.stringify([c.sourceId, c.start, c.end, c.codeId, c.coderId]);

async function seedDemoProject(tx: Tx, projectId: string, coders: Coders) {
  const folders = new Map<string, string>();
  for (const name of DEMO_FOLDERS) folders.set(name, (await tx.folder.create({ data: { projectId, name }, select: { id: true } })).id);
  const sources = new Map<string, { id: string; text: string }>();
  for (const s of DEMO_SOURCES) {
    const row = await tx.source.create({
      data: {
        projectId,
        folderId: s.folder ? folders.get(s.folder) : null,
        kind: s.kind,
        title: s.title,
        format: 'paste',
        interviewee: s.interviewee ?? '',
        interviewDate: s.interviewDate ?? '',
        interviewer: s.interviewer ?? '',
        authors: s.authors ?? '',
        year: s.year ?? null,
        venue: s.venue ?? '',
        createdById: coders.demo,
        ...prepareSource({ text: s.text }),
      },
      select: { id: true },
    });
    sources.set(s.key, { id: row.id, text: s.text });
  }

  // Codes: labels numbered per level in DEMO_CODES order; parents set once every id is known.
  const labels = demoCodeLabels();
  await tx.code.createMany({
    data: DEMO_CODES.map((c, i) => ({
      projectId,
      name: c.name,
      definition: c.definition,
      level: c.level,
      label: labels.get(c.name)!,
      color: CODE_COLORS[i % CODE_COLORS.length],
      createdById: coders.demo,
    })),
  });
  const codes = new Map((await tx.code.findMany({ where: { projectId }, select: { id: true, name: true } })).map((c) => [c.name, c.id]));
  const children = new Map<string, string[]>();
  for (const c of DEMO_CODES) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), codes.get(c.name)!]);
  for (const [parent, ids] of children) await tx.code.updateMany({ where: { id: { in: ids } }, data: { parentId: codes.get(parent)! } });

  // Codings, then their ids read back by row values (createMany returns counts only).
  const rows = DEMO_CODINGS.map((c) => {
    const source = sources.get(c.source)!;
    return { projectId, sourceId: source.id, codeId: codes.get(c.code)!, ...locate(source.text, c.phrase, c.nth), coderId: coders[c.coder] };
  });
  await tx.coding.createMany({ data: rows });
  const stored = await tx.coding.findMany({ where: { projectId }, select: { id: true, sourceId: true, start: true, end: true, codeId: true, coderId: true } });
  const idByRow = new Map(stored.map((c) => [rowKey(c), c.id]));
  const codingIds = DEMO_CODINGS.map((_, i) => idByRow.get(rowKey(rows[i]))!);
  await tx.memo.createMany({
    data: DEMO_CODINGS.flatMap((c, i) =>
      c.memo ? [{ projectId, codingId: codingIds[i], authorId: coders[c.coder], body: memoDoc(c.memo), text: c.memo }] : [],
    ),
  });

  // Relations cite codings by source, phrase and code; the first such coding is the evidence.
  const codingByRef = new Map<string, string>();
  DEMO_CODINGS.forEach((c, i) => {
    const key = demoCodingKey(c);
    if (!codingByRef.has(key)) codingByRef.set(key, codingIds[i]);
  });
  for (const r of DEMO_RELATIONS) {
    await tx.codeRelation.create({
      data: {
        projectId,
        fromId: codes.get(r.from)!,
        toId: codes.get(r.to)!,
        type: r.type,
        customType: r.customType ?? '',
        memo: memoDoc(r.memo),
        memoText: r.memo,
        createdById: coders.demo,
        evidence: { create: r.evidence.map((e) => ({ codingId: codingByRef.get(demoCodingKey(e))! })) },
      },
      select: { id: true },
    });
  }

  const storyline = demoStoryline(new Map(DEMO_CODES.map((c) => [c.name, { id: codes.get(c.name)!, label: labels.get(c.name)! }])));
  await tx.project.update({
    where: { id: projectId },
    data: { storyline: JSON.stringify(storyline.doc), storylineText: storyline.text, storylineUpdatedAt: new Date() },
  });
}

/** Stores one dataset version (the same form the import and compute routes store). */
async function storeVersion(tx: Tx, datasetId: string, number: number, note: string, dataset: Dataset, userId: string, extra: { recipe?: unknown[]; origin?: unknown } = {}) {
  const encoded = encodeDataset(dataset);
  return tx.datasetVersion.create({
    data: {
      datasetId,
      number,
      note,
      recipe: JSON.stringify(extra.recipe ?? []),
      origin: JSON.stringify(extra.origin ?? {}),
      variables: JSON.stringify(encoded.variables),
      data: new Uint8Array(encoded.data),
      rowCount: encoded.rowCount,
      createdById: userId,
    },
    select: { id: true },
  });
}

/**
 * The survey of 312 sellers (items, then a version with the five scale scores), its scales and
 * saved analyses — descriptives, correlations, hierarchical OLS, mediation, moderation — and a
 * seller × year panel with a two-way FE model, each run by the same engine the pages use.
 */
async function seedDemoData(tx: Tx, projectId: string, userId: string) {
  const survey = await tx.dataset.create({ data: { projectId, name: 'Follow-up survey of 312 sellers', createdById: userId }, select: { id: true } });
  const items = demoSurvey();
  await storeVersion(tx, survey.id, 1, 'Imported seller-survey.sav', items, userId, { origin: { fileName: 'seller-survey.sav', format: 'sav' } });
  const scales = [];
  for (const s of SURVEY_SCALES) {
    const row = await tx.scale.create({
      data: { datasetId: survey.id, name: s.name, items: JSON.stringify(s.items), reversed: JSON.stringify(s.reversed), score: 'mean' },
      select: { id: true },
    });
    scales.push(scaleScoreTransform({ id: row.id, name: s.name, items: s.items, reversed: s.reversed, score: 'mean' }, { name: s.scoreName, minValid: 3 }));
  }
  const scored = applyTransforms(items, scales);
  const v2 = await storeVersion(tx, survey.id, 2, 'Added the five scale scores', scored, userId, { recipe: scales });
  for (const a of DEMO_SURVEY_ANALYSES) {
    const result = runAnalysis(a.kind, scored.columns, a.options);
    await tx.analysis.create({
      data: { datasetId: survey.id, versionId: v2.id, kind: a.kind, title: a.title, spec: JSON.stringify({ kind: a.kind, options: a.options }), result: JSON.stringify(result), createdById: userId },
    });
  }

  const panelDataset = await tx.dataset.create({ data: { projectId, name: 'Seller panel 2019–2023', createdById: userId }, select: { id: true } });
  const panel = demoPanel();
  const p1 = await storeVersion(tx, panelDataset.id, 1, 'Imported seller-panel.xlsx', panel, userId, { origin: { fileName: 'seller-panel.xlsx', format: 'xlsx', sheet: 'panel' } });
  for (const a of DEMO_PANEL_ANALYSES) {
    const result = runAnalysis(a.kind, panel.columns, a.options);
    await tx.analysis.create({
      data: { datasetId: panelDataset.id, versionId: p1.id, kind: a.kind, title: a.title, spec: JSON.stringify({ kind: a.kind, options: a.options }), result: JSON.stringify(result), createdById: userId },
    });
  }
}

/**
 * Cases from the interviewees (sellers as the survey's `seller` ids, platform managers by their
 * own ids, so matching shows both matched and unmatched cases) with their role as an attribute, and the links of DEMO_LINKS with
 * their first coded segments as exemplar quotes and the team's meta-inference.
 */
async function seedDemoMixed(tx: Tx, projectId: string, userId: string) {
  const sources = await tx.source.findMany({ where: { projectId, NOT: { interviewee: '' } }, select: { id: true, interviewee: true } });
  const caseIds = new Map<string, string>();
  for (const s of sources) {
    const name = demoCaseName(s.interviewee);
    if (!name) continue;
    if (!caseIds.has(name)) caseIds.set(name, (await tx.case.create({ data: { projectId, name }, select: { id: true } })).id);
    await tx.source.update({ where: { id: s.id }, data: { caseId: caseIds.get(name)! } });
  }

  // A typed attribute for the case table and the case matrix's key columns.
  const role = await tx.caseAttribute.create({ data: { projectId, name: 'Role', type: 'choice', choices: JSON.stringify(['seller', 'platform manager']) }, select: { id: true } });
  for (const [name, caseId] of caseIds) {
    await tx.caseAttributeValue.create({ data: { caseId, attributeId: role.id, value: name.startsWith('P') ? 'platform manager' : 'seller' } });
  }

  const survey = await tx.dataset.findFirstOrThrow({ where: { projectId, name: 'Follow-up survey of 312 sellers' }, select: { id: true, scales: { select: { id: true, name: true } } } });
  const codes = await tx.code.findMany({ where: { projectId }, select: { id: true, name: true, parentId: true } });
  const byName = new Map(codes.map((c) => [c.name, c.id]));
  for (const l of DEMO_LINKS) {
    const codeId = byName.get(l.code)!;
    const scale = survey.scales.find((s) => s.name === l.scale)!;
    const subtree = [codeId, ...codes.filter((c) => c.parentId === codeId).map((c) => c.id)];
    // One quote per source first, so the exemplars show the range of interviews.
    const candidates = await tx.coding.findMany({ where: { codeId: { in: subtree } }, orderBy: [{ source: { createdAt: 'asc' } }, { start: 'asc' }], select: { id: true, sourceId: true } });
    const picked: string[] = [];
    const seen = new Set<string>();
    for (const c of candidates) if (picked.length < l.exemplars && !seen.has(c.sourceId)) (picked.push(c.id), seen.add(c.sourceId));
    for (const c of candidates) if (picked.length < l.exemplars && !picked.includes(c.id)) picked.push(c.id);
    await tx.codeLink.create({
      data: {
        projectId,
        codeId,
        datasetId: survey.id,
        scaleId: scale.id,
        target: linkTargetKey({ kind: 'scale', datasetId: survey.id, scaleId: scale.id }),
        rationale: l.rationale,
        inference: l.inference,
        inferenceNote: l.note,
        createdById: userId,
        exemplars: { create: picked.map((codingId, position) => ({ codingId, position })) },
      },
    });
  }
}
