import { CODE_COLORS } from '../../lib/coding/colors';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_PROJECT_NAME } from '../../lib/demo';
import { hashPassword } from '../../lib/server/auth/password';
import { db } from '../../lib/server/db/client';
import { prepareSource } from '../../lib/sources/prepare-source';
import { DEMO_CODES, DEMO_CODINGS, DEMO_FOLDERS, DEMO_SOURCES, locate } from './demo-content';

/**
 * The demo workspace a newcomer signs in to after `npm start`: the demo account owns a
 * project with a coder and a reviewer, five sources in three folders, and their open coding
 * by two coders. Idempotent: does nothing when the demo account exists.
 * @returns whether anything was created.
 */
export async function seedDemo(): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [demo, coder, reviewer] = await db.$transaction([
    db.user.create({ data: { email: DEMO_EMAIL, name: 'Dana Demo', passwordHash }, select: { id: true } }),
    db.user.create({ data: { email: 'lin.wei@groundwork.test', name: 'Lin Wei', passwordHash }, select: { id: true } }),
    db.user.create({ data: { email: 'sam.okafor@groundwork.test', name: 'Sam Okafor', passwordHash }, select: { id: true } }),
  ]);
  const project = await db.project.create({
    data: {
      name: DEMO_PROJECT_NAME,
      description:
        'How do small cross-border e-commerce sellers build trust with overseas buyers? ' +
        'Semi-structured interviews with 18 sellers and platform managers, coded in grounded-theory style ' +
        '(open → axial → selective coding), with a follow-up survey of 312 sellers.',
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
  await seedDemoCoding(project.id, { demo: demo.id, lin: coder.id });
  return true;
}

const memoDoc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function seedDemoCoding(projectId: string, coders: Record<'demo' | 'lin', string>) {
  const folders = new Map<string, string>();
  for (const name of DEMO_FOLDERS) folders.set(name, (await db.folder.create({ data: { projectId, name }, select: { id: true } })).id);
  const sources = new Map<string, { id: string; text: string }>();
  for (const s of DEMO_SOURCES) {
    const row = await db.source.create({
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
  const codes = new Map<string, string>();
  for (const [i, c] of DEMO_CODES.entries()) {
    const row = await db.code.create({
      data: { projectId, name: c.name, definition: c.definition, color: CODE_COLORS[i % CODE_COLORS.length], createdById: coders.demo },
      select: { id: true },
    });
    codes.set(c.name, row.id);
  }
  for (const c of DEMO_CODINGS) {
    const source = sources.get(c.source)!;
    const range = locate(source.text, c.phrase, c.nth);
    const coding = await db.coding.create({
      data: { projectId, sourceId: source.id, codeId: codes.get(c.code)!, ...range, coderId: coders[c.coder] },
      select: { id: true },
    });
    if (c.memo) await db.memo.create({ data: { projectId, codingId: coding.id, authorId: coders[c.coder], body: memoDoc(c.memo), text: c.memo } });
  }
}
