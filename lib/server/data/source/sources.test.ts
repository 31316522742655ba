import { describe, expect, it } from 'vitest';

import { readFixture as fixture } from '@/lib/io/fixtures/read-fixture';
import { makeProject, makeUser } from '@/prisma/seed/factories';

import { readBytes } from '../../api/read-bytes';
import { db } from '../../db/client';
import { rejection } from '../../testing/rejection';
import { createFolder } from '../folder/create-folder';
import { deleteFolder } from '../folder/delete-folder';
import { createSourceFromFile, createSourceFromText } from './create-source';
import { getSource } from './get-source';
import { listSources } from './list-sources';
import { updateSource } from './update-source';

async function setup() {
  const owner = await makeUser();
  const viewer = await makeUser();
  const project = await makeProject(owner.id, [{ userId: viewer.id, role: 'viewer' }]);
  return { owner, viewer, project };
}

describe('sources', () => {
  it('imports a .docx interview and a .pdf article, keeping text, pages and counts', async () => {
    const { owner, project } = await setup();
    const docx = await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'interview.docx', bytes: fixture('interview.docx') });
    const pdf = await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'article.pdf', bytes: fixture('article.pdf') });
    // "Detect from file": the .docx is written as speaker turns (Interviewer:/Participant:), so an interview.
    expect(docx).toMatchObject({ format: 'docx', kind: 'interview' });
    expect(pdf).toMatchObject({ format: 'pdf', kind: 'literature' });
    const stored = await getSource({ userId: owner.id, projectId: project.id, sourceId: pdf.id });
    expect(stored.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(stored.length).toBe([...stored.text].length);
    expect(stored.wordCount).toBeGreaterThan(10);
    const list = await listSources({ userId: owner.id, projectId: project.id });
    expect(list.map((s) => s.id).sort()).toEqual([docx.id, pdf.id].sort());
  });

  // Issue 14 (6a): the same file uploaded twice silently made two sources.
  it('reports the same file uploaded twice by its content hash, and stores it only when asked to keep it', async () => {
    const { owner, project } = await setup();
    const bytes = () => fixture('interview.docx');
    const first = await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'interview.docx', bytes: bytes() });
    const stored = await db.source.findUniqueOrThrow({ where: { id: first.id }, select: { contentHash: true, text: true } });
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // Paragraphs are lines, with no blank line between them (issue 14, item 5).
    expect(stored.text).not.toMatch(/\n\n/);

    // Renamed, the bytes are still the same file.
    for (const duplicates of [undefined, 'ask', 'skip'] as const) {
      const error = await rejection(createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'copy of interview.docx', bytes: bytes(), duplicates }));
      expect(error).toMatchObject({ code: 'CONFLICT', duplicateOf: { id: first.id, title: first.title } });
      expect(error.userMessage).toBe(`This file is already in the project as “${first.title}”.`);
    }
    expect(await db.source.count({ where: { projectId: project.id } })).toBe(1);

    const kept = await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'interview.docx', bytes: bytes(), duplicates: 'keep' });
    expect(kept.id).not.toBe(first.id);
    expect(await db.source.count({ where: { projectId: project.id } })).toBe(2);

    // Another file, or the same file in another project, is no duplicate.
    await createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: 'article.pdf', bytes: fixture('article.pdf') });
    const other = await setup();
    await createSourceFromFile({ userId: other.owner.id, projectId: other.project.id, fileName: 'interview.docx', bytes: bytes() });
  });

  it('refuses bad files with the importer’s message and stores nothing', async () => {
    const { owner, project } = await setup();
    for (const [name, message] of [
      ['corrupt.docx', /damaged|corrupt|not a valid/i],
      ['scanned.pdf', /scanned PDF: no text to code/i],
      ['zip-bomb.docx', /.+/],
      ['binary-renamed.txt', /.+/],
    ] as const) {
      const error = await rejection(createSourceFromFile({ userId: owner.id, projectId: project.id, fileName: name, bytes: fixture(name) }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.userMessage).toMatch(message);
    }
    expect(await db.source.count({ where: { projectId: project.id } })).toBe(0);
  });

  it('keeps pasted Chinese, emoji and right-to-left text exactly (line endings normalised)', async () => {
    const { owner, project } = await setup();
    const text = '受访者：我们先做亚马逊🙂\r\nשלום עולם\r\nnaïve e\u0301';
    const created = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: '访谈 1', kind: 'interview', folderId: null, text } });
    const stored = await getSource({ userId: owner.id, projectId: project.id, sourceId: created.id });
    expect(stored.text).toBe(text.replace(/\r\n/g, '\n'));
    expect(stored.length).toBe([...stored.text].length);
    expect(stored.title).toBe('访谈 1');
  });

  it('lets owners and coders write, viewers only read, strangers nothing', async () => {
    const { owner, viewer, project } = await setup();
    const stranger = await makeUser();
    const input = { title: 'Note', kind: 'fieldnote' as const, folderId: null, text: 'observed' };
    expect((await rejection(createSourceFromText({ userId: viewer.id, projectId: project.id, input }))).code).toBe('FORBIDDEN');
    expect((await rejection(createSourceFromFile({ userId: stranger.id, projectId: project.id, fileName: 'a.txt', bytes: new TextEncoder().encode('hello') }))).code).toBe(
      'NOT_FOUND',
    );
    const created = await createSourceFromText({ userId: owner.id, projectId: project.id, input });
    expect((await getSource({ userId: viewer.id, projectId: project.id, sourceId: created.id })).text).toBe('observed');
    expect((await rejection(getSource({ userId: stranger.id, projectId: project.id, sourceId: created.id }))).code).toBe('NOT_FOUND');
    expect((await rejection(updateSource({ userId: viewer.id, projectId: project.id, sourceId: created.id, input: { title: 'x' } }))).code).toBe('FORBIDDEN');
  });

  it('never reaches a source through another project’s id', async () => {
    const a = await setup();
    const b = await setup();
    const created = await createSourceFromText({ userId: a.owner.id, projectId: a.project.id, input: { title: 'A', kind: 'other', folderId: null, text: 'secret' } });
    expect((await rejection(getSource({ userId: b.owner.id, projectId: b.project.id, sourceId: created.id }))).code).toBe('NOT_FOUND');
    expect((await rejection(updateSource({ userId: b.owner.id, projectId: b.project.id, sourceId: created.id, input: { title: 'pwned' } }))).code).toBe('NOT_FOUND');
    // Nor file it into a folder of another project.
    const foreign = await createFolder({ userId: b.owner.id, projectId: b.project.id, input: { name: 'B folder' } });
    expect((await rejection(updateSource({ userId: a.owner.id, projectId: a.project.id, sourceId: created.id, input: { folderId: foreign.id } }))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('files sources in folders; deleting a folder unfiles them; names are unique per project', async () => {
    const { owner, project } = await setup();
    const folder = await createFolder({ userId: owner.id, projectId: project.id, input: { name: 'Sellers' } });
    expect((await rejection(createFolder({ userId: owner.id, projectId: project.id, input: { name: 'Sellers' } }))).code).toBe('CONFLICT');
    const s = await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'S1', kind: 'interview', folderId: folder.id, text: 'x' } });
    expect((await listSources({ userId: owner.id, projectId: project.id, folderId: folder.id })).map((x) => x.id)).toEqual([s.id]);
    await deleteFolder({ userId: owner.id, projectId: project.id, folderId: folder.id });
    expect((await getSource({ userId: owner.id, projectId: project.id, sourceId: s.id })).folderId).toBeNull();
  });

  it('deleting a project deletes its sources', async () => {
    const { owner, project } = await setup();
    await createSourceFromText({ userId: owner.id, projectId: project.id, input: { title: 'S', kind: 'other', folderId: null, text: 'x' } });
    await db.project.delete({ where: { id: project.id } });
    expect(await db.source.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe('readBytes', () => {
  const stream = (chunks: number[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const n of chunks) c.enqueue(new Uint8Array(n));
        c.close();
      },
    });

  it('reads a body under the limit', async () => {
    const bytes = await readBytes(new Request('http://x/', { method: 'POST', body: stream([3, 4]), duplex: 'half' } as RequestInit), 10);
    expect(bytes.byteLength).toBe(7);
  });

  it('stops at the limit even without Content-Length, and trusts a declared one first', async () => {
    expect((await rejection(readBytes(new Request('http://x/', { method: 'POST', body: stream([6, 6]), duplex: 'half' } as RequestInit), 10))).code).toBe('TOO_LARGE');
    const declared = new Request('http://x/', { method: 'POST', body: 'abc', headers: { 'content-length': '999999' } });
    expect((await rejection(readBytes(declared, 10))).code).toBe('TOO_LARGE');
  });
});
