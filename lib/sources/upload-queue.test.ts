import { describe, expect, it } from 'vitest';

import { preflight, readStreamLines, summarise, type UploadItem, uploadReducer } from './upload-queue';

const items: UploadItem[] = [
  { key: 'a', name: 'a.docx', size: 10, status: 'queued', progress: 0 },
  { key: 'b', name: 'b.pdf', size: 20, status: 'queued', progress: 0 },
];

describe('uploadReducer', () => {
  it('moves one file through upload, import and done without touching the others', () => {
    let s = uploadReducer(items, { type: 'start', key: 'a' });
    s = uploadReducer(s, { type: 'progress', key: 'a', loaded: 5, total: 10 });
    expect(s[0]).toMatchObject({ status: 'uploading', progress: 0.5 });
    s = uploadReducer(s, { type: 'sent', key: 'a' });
    expect(s[0]).toMatchObject({ status: 'importing', progress: 1 });
    s = uploadReducer(s, { type: 'done', key: 'a', sourceId: 's1' });
    expect(s[0]).toMatchObject({ status: 'done', sourceId: 's1' });
    expect(s[1]).toEqual(items[1]);
    s = uploadReducer(s, { type: 'failed', key: 'b', message: 'scanned PDF: no text to code' });
    expect(summarise(s)).toBe('1 of 2 imported, 1 failed');
  });
});

describe('preflight', () => {
  it('refuses empty and oversized files before uploading', () => {
    expect(preflight({ name: 'x.txt', size: 0 }, 100)).toBe('x.txt is empty.');
    expect(preflight({ name: 'big.pdf', size: 30 * 1024 * 1024 }, 25 * 1024 * 1024)).toBe('big.pdf is larger than the 25 MB limit.');
    expect(preflight({ name: 'ok.pdf', size: 10 }, 100)).toBeNull();
  });
});

describe('server-side progress', () => {
  it('shows the import stage after the bytes are sent, and a busy server as a retry', () => {
    let s = uploadReducer(items, { type: 'start', key: 'a' });
    s = uploadReducer(s, { type: 'sent', key: 'a' });
    s = uploadReducer(s, { type: 'stage', key: 'a', stage: 'received' });
    expect(s[0]).toMatchObject({ status: 'importing', stage: 'In the import queue…' });
    s = uploadReducer(s, { type: 'stage', key: 'a', stage: 'counting' });
    expect(s[0].stage).toBe('Counting words…');
    s = uploadReducer(s, { type: 'retry', key: 'a', seconds: 15 });
    expect(s[0]).toMatchObject({ status: 'queued', progress: 0, stage: undefined, message: 'The server is busy; trying again in 15 s.' });
    s = uploadReducer(s, { type: 'done', key: 'a', sourceId: 's1' });
    expect(s[0].stage).toBeUndefined();
  });

  it('reads complete NDJSON lines and leaves a partial line for the next event', () => {
    const first = '{"progress":{"stage":"received"}}\n{"progress":{"stage":"coun';
    const a = readStreamLines(first);
    expect(a.lines).toEqual([{ progress: { stage: 'received' } }]);
    const rest = first.slice(a.used) + 'ting"}}\n\n{"status":201,"source":{"id":"s1"}}\n';
    const b = readStreamLines(rest);
    expect(b.lines).toEqual([{ progress: { stage: 'counting' } }, { status: 201, source: { id: 's1' } }]);
    expect(b.used).toBe(rest.length);
    expect(readStreamLines('not json\n').lines).toEqual([{ status: 0, error: 'The server sent an unreadable answer.' }]);
  });
});
