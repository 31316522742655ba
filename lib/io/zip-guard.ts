/**
 * Safe reading of zip containers (.docx) before any library unpacks them.
 *
 * A .docx is a zip, and a zip can declare (or really hold) gigabytes in a few kilobytes — a
 * "zip bomb" that would exhaust the server's memory inside mammoth. So we:
 * 1. read the central directory ourselves and refuse too many entries, a declared total
 *    that is too large, or an entry compressed more than `maxRatio`:1 (XML in real documents
 *    compresses 5–30:1; bombs reach 1000:1);
 * 2. inflate the entries we need with fflate's streaming inflater, in small slices, counting
 *    output and aborting as soon as an entry yields more than it declared (a lying header) or
 *    the total budget is spent.
 * The verified entries can then be handed to another library re-packed, so it never sees the
 * original archive.
 */
import { Inflate } from 'fflate';

/** Why a zip was refused. */
export type ZipGuardReason = 'corrupt' | 'bomb' | 'encrypted' | 'unsupported';

/** A zip that cannot be read safely. `reason` lets importers choose the user message. */
export class ZipGuardError extends Error {
  readonly reason: ZipGuardReason;
  constructor(reason: ZipGuardReason, message: string) {
    super(message);
    this.name = 'ZipGuardError';
    this.reason = reason;
  }
}

/** Limits applied to one archive. */
export type ZipLimits = {
  /** Most entries allowed (default 5,000; a typical .docx has 15–100). */
  maxEntries: number;
  /** Largest total uncompressed size, declared or actual, in bytes (default 200 MB). */
  maxTotalUncompressed: number;
  /** Largest compression ratio of an entry bigger than `ratioMinSize` (default 100). */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio check (default 1 MB). */
  ratioMinSize: number;
};

/** The default {@link ZipLimits}. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioMinSize: 1024 * 1024,
};

/** One file in a zip's central directory. */
export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
};

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

/**
 * Read a zip's central directory (no decompression).
 *
 * @param bytes - the archive.
 * @returns its entries.
 * @throws {ZipGuardError} `corrupt` when there is no valid end-of-directory record or a
 *   directory entry is damaged (a truncated download).
 * @example
 * const entries = readZipDirectory(bytes);
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw new ZipGuardError('corrupt', 'no end-of-central-directory record: the zip is truncated or not a zip');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // ZIP64 archives: only needed beyond 65,535 entries or 4 GB, never by a real .docx.
    throw new ZipGuardError('unsupported', 'ZIP64 archive (more than 65,535 entries or 4 GB)');
  }
  if (cdOffset + cdSize > eocd) throw new ZipGuardError('corrupt', `central directory (offset ${cdOffset}, size ${cdSize}) overlaps its end record`);

  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (cdOffset + 46 > eocd || view.getUint32(cdOffset, true) !== CDH_SIG) {
      throw new ZipGuardError('corrupt', `central directory entry ${i} is damaged`);
    }
    const flags = view.getUint16(cdOffset + 8, true);
    const method = view.getUint16(cdOffset + 10, true);
    let compressedSize = view.getUint32(cdOffset + 20, true);
    let uncompressedSize = view.getUint32(cdOffset + 24, true);
    const nameLength = view.getUint16(cdOffset + 28, true);
    const extraLength = view.getUint16(cdOffset + 30, true);
    const commentLength = view.getUint16(cdOffset + 32, true);
    let localHeaderOffset = view.getUint32(cdOffset + 42, true);
    const nameStart = cdOffset + 46;
    if (nameStart + nameLength + extraLength > eocd) throw new ZipGuardError('corrupt', `central directory entry ${i} is truncated`);
    const name = utf8.decode(bytes.subarray(nameStart, nameStart + nameLength));
    // ZIP64 extended information (header 0x0001) carries the real values of fields set to 0xFFFFFFFF.
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let p = nameStart + nameLength;
      const extraEnd = p + extraLength;
      while (p + 4 <= extraEnd) {
        const id = view.getUint16(p, true);
        const size = view.getUint16(p + 2, true);
        if (id === 0x0001) {
          let q = p + 4;
          const read64 = () => {
            const v = Number(view.getBigUint64(q, true));
            q += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = read64();
          if (compressedSize === 0xffffffff) compressedSize = read64();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = read64();
          break;
        }
        p += 4 + size;
      }
    }
    entries.push({ name, method, compressedSize, uncompressedSize, encrypted: (flags & 1) !== 0, localHeaderOffset });
    cdOffset = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === EOCD_SIG && p + 22 + view.getUint16(p + 20, true) <= view.byteLength) return p;
  }
  return -1;
}

/**
 * Check a directory against the limits, from the declared sizes alone.
 *
 * @param entries - from {@link readZipDirectory}.
 * @param limits - the limits; defaults to {@link DEFAULT_ZIP_LIMITS}.
 * @throws {ZipGuardError} `bomb` naming the limit and the entry that breaks it.
 * @example
 * checkZipLimits(readZipDirectory(bytes));
 */
export function checkZipLimits(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) {
    throw new ZipGuardError('bomb', `${entries.length} entries (limit ${limits.maxEntries})`);
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize >= limits.ratioMinSize) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > limits.maxRatio) {
        throw new ZipGuardError('bomb', `entry '${e.name}' expands ${Math.round(ratio)}:1 (limit ${limits.maxRatio}:1)`);
      }
    }
  }
  if (total > limits.maxTotalUncompressed) {
    throw new ZipGuardError('bomb', `declared uncompressed size ${total} bytes (limit ${limits.maxTotalUncompressed})`);
  }
}

// Compressed bytes fed to the inflater per step: deflate expands at most ~1032:1, so one step
// can produce at most ~4 MB before we count it.
const INFLATE_SLICE = 4096;

/**
 * Decompress selected entries, enforcing the limits on the *actual* output.
 *
 * @param bytes - the archive.
 * @param entries - the entries to extract (from {@link readZipDirectory}).
 * @param limits - the limits; defaults to {@link DEFAULT_ZIP_LIMITS}.
 * @returns the entries' contents by name.
 * @throws {ZipGuardError} `bomb` when an entry inflates beyond its declared size or the total
 *   budget; `encrypted` for zip-encrypted entries; `unsupported` for methods other than
 *   stored/deflate; `corrupt` for damaged data.
 * @example
 * const files = extractZipEntries(bytes, entries.filter((e) => e.name.endsWith('.xml')));
 */
export function extractZipEntries(
  bytes: Uint8Array,
  entries: ZipEntry[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Record<string, Uint8Array> = {};
  let budget = limits.maxTotalUncompressed;
  for (const e of entries) {
    if (e.encrypted) throw new ZipGuardError('encrypted', `entry '${e.name}' is encrypted`);
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== LFH_SIG) {
      throw new ZipGuardError('corrupt', `local header of '${e.name}' is missing at offset ${h}`);
    }
    const dataStart = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const dataEnd = dataStart + e.compressedSize;
    if (dataEnd > bytes.length) throw new ZipGuardError('corrupt', `data of '${e.name}' is truncated`);
    const data = bytes.subarray(dataStart, dataEnd);
    const allowed = Math.min(e.uncompressedSize, budget);
    let content: Uint8Array;
    if (e.method === 0) {
      if (data.length > allowed) throw new ZipGuardError('bomb', `stored entry '${e.name}' exceeds its limit`);
      content = data;
    } else if (e.method === 8) {
      content = inflateBounded(data, allowed, e.name);
    } else {
      throw new ZipGuardError('unsupported', `entry '${e.name}' uses compression method ${e.method}`);
    }
    budget -= content.length;
    out[e.name] = content;
  }
  return out;
}

function inflateBounded(data: Uint8Array, limit: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new ZipGuardError('bomb', `entry '${name}' inflates beyond ${limit} bytes (its declared size or the total budget)`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let p = 0; p < data.length; p += INFLATE_SLICE) {
      const end = Math.min(data.length, p + INFLATE_SLICE);
      inflater.push(data.subarray(p, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipGuardError) throw error;
    throw new ZipGuardError('corrupt', `entry '${name}' has damaged data: ${(error as Error).message}`);
  }
  if (!ended) throw new ZipGuardError('corrupt', `entry '${name}' ends early`);
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    joined.set(c, o);
    o += c.length;
  }
  return joined;
}
