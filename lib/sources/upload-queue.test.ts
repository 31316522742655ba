import { describe, expect, it } from 'vitest';

import { isFinished, preflight, readStreamLines, summarise, type UploadItem, uploadReducer } from './upload-queue';

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

// Issue 14 (6a): a file already in the project waits for the user: import anyway, or skip.
describe('duplicates', () => {
  it('holds a duplicate until the user keeps it (sent again) or skips it', () => {
    const duplicateOf = { id: 's0', title: 'Interview 3' };
    let s = uploadReducer(items, { type: 'start', key: 'a' });
    s = uploadReducer(s, { type: 'duplicate', key: 'a', duplicateOf });
    expect(s[0]).toMatchObject({ status: 'duplicate', duplicateOf, message: 'Already in this project as “Interview 3”.' });
    expect(isFinished(s[0])).toBe(false);
    expect(summarise(s)).toBe('0 of 2 imported, 1 already in the project: import anyway or skip, 1 in progress');

    const skipped = uploadReducer(s, { type: 'skip', key: 'a' });
    expect(skipped[0]).toMatchObject({ status: 'skipped', message: 'Skipped: already in this project as “Interview 3”.' });
    expect(isFinished(skipped[0])).toBe(true);
    // "Skip" only applies to a duplicate.
    expect(uploadReducer(skipped, { type: 'skip', key: 'b' })[1]).toEqual(items[1]);

    // "Import anyway": the file is sent again and imported.
    let kept = uploadReducer(s, { type: 'start', key: 'a' });
    kept = uploadReducer(kept, { type: 'done', key: 'a', sourceId: 's2' });
    expect(kept[0]).toMatchObject({ status: 'done', sourceId: 's2' });
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
