// Issue 16 (data integrity), end to end below the browser: the JSON API's route handlers and
// the server actions, called as a direct POST would call them, against SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import { IDLE } from '@/lib/validation/form-state';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { db } from '../../db/client';
import { createCode } from '../code/create-code';
import { updateCode } from '../code/update-code';
import { addMemo } from '../memo/memos';
import { createSourceFromText } from '../source/create-source';
import { updateProject } from './update-project';

// The route handlers and actions read the session through currentUser / requireActionUser.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string } }));
vi.mock('@/lib/server/auth/session', () => ({
  currentUser: async () => session.user,
  requireActionUser: async () => {
    if (!session.user) throw new AppError('UNAUTHORIZED');
    return session.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const projectRoute = await import('@/app/api/projects/[projectId]/route');
const projectsRoute = await import('@/app/api/projects/route');
const sourceRoute = await import('@/app/api/projects/[projectId]/sources/[sourceId]/route');
const memoActions = await import('@/app/(app)/projects/[projectId]/memos/actions');
const hierarchyActions = await import('@/app/(app)/projects/[projectId]/hierarchy/actions');
const settingsActions = await import('@/app/(app)/projects/[projectId]/settings/actions');
const codeActions = await import('@/app/(app)/projects/[projectId]/codes/actions');

const json = (method: string, body: unknown) =>
  new Request('http://localhost/api/projects', { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const params = (projectId: string) => ({ params: Promise.resolve({ projectId }) });

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

let owner: { id: string; email: string; name: string };
let projectId: string;

beforeEach(async () => {
  owner = await makeUser();
  session.user = owner;
  projectId = (await makeProject(owner.id)).id;
  await db.project.update({ where: { id: projectId }, data: { description: 'Interviews with platform workers, 2024.' } });
});
afterEach(() => {
  session.user = null;
});

describe('1. a partial update changes only the fields sent', () => {
  it('PATCH {name} renames and keeps the description', async () => {
    const res = await projectRoute.PATCH(json('PATCH', { name: 'renamed only' }), params(projectId));
    expect(res.status).toBe(200);
    expect((await res.json()).project).toMatchObject({ name: 'renamed only', description: 'Interviews with platform workers, 2024.' });
    const row = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, description: true, corePrefix: true } });
    expect(row).toMatchObject({ name: 'renamed only', description: 'Interviews with platform workers, 2024.' });
  });

  it('PATCH {} and PATCH with only unknown fields get 400 and change nothing', async () => {
    for (const body of [{}, { nmae: 'typo' }]) {
      const res = await projectRoute.PATCH(json('PATCH', body), params(projectId));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/Nothing to update/);
    }
    const row = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, description: true } });
    expect(row).toEqual({ name: 'Test project', description: 'Interviews with platform workers, 2024.' });
  });

  it('PATCH {description} keeps the name; a code update keeps the fields not sent', async () => {
    const res = await projectRoute.PATCH(json('PATCH', { description: 'Only this.' }), params(projectId));
    expect((await res.json()).project).toMatchObject({ name: 'Test project', description: 'Only this.' });
    const code = await createCode({ userId: owner.id, projectId, input: { name: 'trust', definition: 'Reliance on the platform.' } });
    await updateCode({ userId: owner.id, projectId, codeId: code.id, input: { name: 'trust in platforms' } });
    expect(await db.code.findUniqueOrThrow({ where: { id: code.id }, select: { name: true, definition: true, color: true } })).toEqual({
      name: 'trust in platforms',
      definition: 'Reliance on the platform.',
      color: code.color,
    });
  });
});

describe('1b. the same for sources (PATCH /api/projects/:id/sources/:sourceId)', () => {
  it('a title-only PATCH keeps folder, authors, year and interviewee; {} is 400', async () => {
    const folder = await db.folder.create({ data: { projectId, name: 'Wave 1' }, select: { id: true } });
    const source = await createSourceFromText({ userId: owner.id, projectId, input: { title: 'Interview 1', kind: 'interview', folderId: folder.id, text: 'Some words.' } });
    await db.source.update({ where: { id: source.id }, data: { authors: 'Ana', year: 2024, interviewee: 'P1' } });
    const at = { params: Promise.resolve({ projectId, sourceId: source.id }) };
    expect((await sourceRoute.PATCH(json('PATCH', { title: 'Interview 1 (P1)' }), at)).status).toBe(200);
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { title: true, folderId: true, authors: true, year: true, interviewee: true } })).toEqual({
      title: 'Interview 1 (P1)',
      folderId: folder.id,
      authors: 'Ana',
      year: 2024,
      interviewee: 'P1',
    });
    expect((await sourceRoute.PATCH(json('PATCH', {}), at)).status).toBe(400);
  });
});

describe('2. text that cannot be stored is refused at validation', () => {
  it('the API refuses lone surrogates and NUL in project names and descriptions with a message', async () => {
    // JSON escapes deliver a lone surrogate intact to the handler ("\ud800" in the body).
    for (const body of ['{"name":"bad \\ud800"}', '{"name":"bad \\udc00"}', '{"name":"nul \\u0000"}', '{"description":"x\\u0000"}']) {
      const res = await projectRoute.PATCH(json('PATCH', body), params(projectId));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/broken character|NUL/);
    }
    const created = await projectsRoute.POST(json('POST', '{"name":"\\ud800"}'), params(''));
    expect(created.status).toBe(400);
    expect(await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } })).toEqual({ name: 'Test project' });
  });

  it('project and code names are stored in NFC, so decomposed spellings collide with composed ones', async () => {
    const res = await projectRoute.PATCH(json('PATCH', { name: 'Cafe\u0301 study' }), params(projectId));
    expect((await res.json()).project.name).toBe('Café study');
    const add = (name: string) => hierarchyActions.createCodeAtLevelAction(projectId, { name });
    expect(await add('Re\u0301sume\u0301')).toMatchObject({ ok: true });
    expect(await add('Résumé')).toEqual({ ok: false, message: 'A code named “Résumé” already exists.' });
    expect(await db.code.findMany({ where: { projectId }, select: { name: true } })).toEqual([{ name: 'Résumé' }]);
  });

  it('memo actions refuse a lone surrogate or NUL anywhere in the document; the data layer does too', async () => {
    const code = await createCode({ userId: owner.id, projectId, input: { name: 'memo target', definition: '' } });
    const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    for (const text of ['half \ud800 pair', 'nul \u0000 byte']) {
      const result = await memoActions.addMemoAction(projectId, { target: { codeId: code.id }, body: doc(text) });
      expect(result).toMatchObject({ ok: false });
      expect((result as { message: string }).message).toMatch(/broken character|NUL/);
      expect(await errorCode(addMemo({ userId: owner.id, projectId, target: { codeId: code.id }, body: doc(text), text }))).toBe('INVALID_INPUT');
    }
    expect(await memoActions.addMemoAction(projectId, { target: { codeId: code.id }, body: doc('fine 🙂') })).toMatchObject({ ok: true });
    expect(await db.memo.count({ where: { codeId: code.id } })).toBe(1);
  });
});

describe('3. names are refused with the limit named, never cut', () => {
  it('a 10,000-character code name is refused by the action and by the data layer', async () => {
    const long = 'x'.repeat(10_000);
    expect(await hierarchyActions.createCodeAtLevelAction(projectId, { name: long })).toEqual({ ok: false, message: 'Use at most 200 characters (this has 10,000).' });
    const form = new FormData();
    form.set('name', long);
    const state = await codeActions.createCodeAction(projectId, IDLE, form);
    expect(state).toMatchObject({ status: 'error', fieldErrors: { name: ['Use at most 200 characters (this has 10,000).'] } });
    // Called directly (bypassing the schema), the data layer refuses too instead of cutting.
    const error = await createCode({ userId: owner.id, projectId, input: { name: long, definition: '' } }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    expect((error as AppError).userMessage).toMatch(/at most 200 characters/);
    expect(await db.code.count({ where: { projectId } })).toBe(0);
  });

  it('a 200-character name (emoji counted once) is kept whole', async () => {
    const name = '🙂'.repeat(200);
    expect(await hierarchyActions.createCodeAtLevelAction(projectId, { name })).toMatchObject({ ok: true });
    expect((await db.code.findFirstOrThrow({ where: { projectId }, select: { name: true } })).name).toBe(name);
  });
});

describe('4. server actions answer wrong-shaped arguments with a message, not a throw', () => {
  it('JSON actions: wrong input shape, a bound id that is an object, a missing argument', async () => {
    expect(await memoActions.addMemoAction(projectId, 'not an object')).toMatchObject({ ok: false });
    expect(await memoActions.addMemoAction(projectId, undefined)).toMatchObject({ ok: false });
    // A Prisma operator smuggled in as the bound project id never reaches a query.
    const smuggled = { not: '' } as unknown as string;
    expect(await hierarchyActions.createCodeAtLevelAction(smuggled, { name: 'x' })).toEqual({ ok: false, message: 'This request could not be read. Reload the page and try again.' });
    expect(await hierarchyActions.deleteHierarchyCodeAction(projectId, { id: 1 } as unknown as string)).toMatchObject({ ok: false });
    expect(await db.code.count({ where: { projectId } })).toBe(0);
  });

  it('form actions: a body that is not FormData, or a bound id of the wrong type, gets an error state', async () => {
    const bad = { status: 'error', message: 'This request could not be read. Reload the page and try again.' };
    expect(await settingsActions.updateProjectAction(projectId, IDLE, 'name=x' as unknown as FormData)).toEqual(bad);
    expect(await settingsActions.updateProjectAction(projectId, IDLE, undefined as unknown as FormData)).toEqual(bad);
    const form = new FormData();
    form.set('name', 'x');
    expect(await codeActions.createCodeAction(['a'] as unknown as string, IDLE, form)).toEqual(bad);
    expect(await codeActions.deleteCodeAction(projectId, 42 as unknown as string, IDLE)).toEqual(bad);
  });

  it('the settings form (all fields sent) still saves; the data layer keeps fields the input leaves out', async () => {
    const form = new FormData();
    form.set('name', 'Settings name');
    form.set('description', 'Settings description');
    form.set('corePrefix', 'K');
    expect(await settingsActions.updateProjectAction(projectId, IDLE, form)).toEqual({ status: 'success', message: 'Saved.' });
    await updateProject({ userId: owner.id, projectId, input: { corePrefix: 'CC' } });
    expect(await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, description: true, corePrefix: true } })).toEqual({
      name: 'Settings name',
      description: 'Settings description',
      corePrefix: 'CC',
    });
  });
});
