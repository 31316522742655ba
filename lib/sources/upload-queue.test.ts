import { describe, expect, it } from 'vitest';

import { preflight, summarise, type UploadItem, uploadReducer } from './upload-queue';

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
