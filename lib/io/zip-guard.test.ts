import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { readFixture } from './fixtures/read-fixture';
import { DEFAULT_ZIP_LIMITS, ZipGuardError, checkZipLimits, extractZipEntries, readZipDirectory } from './zip-guard';

const enc = (s: string) => new TextEncoder().encode(s);

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZipGuardError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('readZipDirectory', () => {
  it('lists the entries of a real .docx with their sizes', () => {
    const entries = readZipDirectory(readFixture('interview.docx'));
    const doc = entries.find((e) => e.name === 'word/document.xml');
    expect(doc).toBeDefined();
    expect(doc!.method).toBe(8);
    expect(doc!.uncompressedSize).toBeGreaterThan(doc!.compressedSize);
  });

  it('reports a truncated archive as corrupt', () => {
    expect(reasonOf(() => readZipDirectory(readFixture('corrupt.docx')))).toBe('corrupt');
    expect(reasonOf(() => readZipDirectory(enc('not a zip at all')))).toBe('corrupt');
  });
});

describe('checkZipLimits', () => {
  it('accepts a real document under the default limits', () => {
    expect(() => checkZipLimits(readZipDirectory(readFixture('interview.docx')))).not.toThrow();
  });

  it('rejects the zip-bomb fixture by its compression ratio', () => {
    const entries = readZipDirectory(readFixture('zip-bomb.docx'));
    expect(() => checkZipLimits(entries)).toThrow(/word\/document\.xml' expands 10\d\d:1 \(limit 100:1\)/);
  });

  it('rejects too many entries and a too-large declared total', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) files[`f${i}.xml`] = enc(`<x>${i}</x>`);
    const entries = readZipDirectory(zipSync(files));
    expect(() => checkZipLimits(entries, { ...DEFAULT_ZIP_LIMITS, maxEntries: 5 })).toThrow(/6 entries \(limit 5\)/);
    expect(() => checkZipLimits(entries, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 20 })).toThrow(/declared uncompressed size/);
  });
});

describe('extractZipEntries', () => {
  it('extracts stored and deflated entries', () => {
    const zip = zipSync({ 'a.xml': [enc('<a>stored</a>'), { level: 0 }], 'b.xml': enc('<b>' + 'deflated '.repeat(100) + '</b>') });
    const out = extractZipEntries(zip, readZipDirectory(zip));
    expect(new TextDecoder().decode(out['a.xml'])).toBe('<a>stored</a>');
    expect(new TextDecoder().decode(out['b.xml'])).toContain('deflated deflated');
  });

  it('stops an entry that inflates beyond its declared size (a lying header)', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(100_000) });
    // Patch the central directory: declare 1,000 bytes instead of 100,000, so the size and ratio checks pass.
    const view = new DataView(zip.buffer);
    const cd = zip.length - 22 - (46 + 'word/document.xml'.length);
    expect(view.getUint32(cd, true)).toBe(0x02014b50);
    view.setUint32(cd + 24, 1000, true);
    const entries = readZipDirectory(zip);
    expect(() => checkZipLimits(entries)).not.toThrow();
    expect(() => extractZipEntries(zip, entries)).toThrow(/inflates beyond 1000 bytes/);
  });

  it('enforces the total budget on actual output', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(5000), 'b.xml': new Uint8Array(5000) });
    const entries = readZipDirectory(zip);
    expect(reasonOf(() => extractZipEntries(zip, entries, { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 8000 }))).toBe('bomb');
  });

  it('reports damaged deflate data as corrupt', () => {
    const zip = zipSync({ 'a.xml': enc('<a>' + 'text '.repeat(500) + '</a>') });
    const entries = readZipDirectory(zip);
    // Overwrite the middle of the compressed data.
    const dataStart = 30 + 'a.xml'.length;
    zip.fill(0xff, dataStart + 2, dataStart + 12);
    expect(reasonOf(() => extractZipEntries(zip, entries))).toBe('corrupt');
  });
});
