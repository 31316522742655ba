/**
 * SPSS system files (.sav, and .zsav with zlib-compressed data) → columns with their metadata:
 * variable labels, value labels, user-missing values (turned into null and recorded), the
 * measurement level, and dates as ISO strings.
 *
 * Why not a library: `sav-reader` 2.0.8 was evaluated and is not usable here. It decodes every
 * string as UTF-8 in 8-byte pieces, so a Chinese value whose character straddles a piece
 * boundary comes out as U+FFFD ("北京大学" → "北京��学"); long variable names are decoded as
 * Latin-1 and never match a non-ASCII short name, so "满意度" stays "满意"; it ignores the
 * file's character encoding (Windows-1252 and GBK files are garbled); it rejects .zsav; and it
 * reads one value per promise — 45 MB (100,000 × 50) took 122 s. The format itself is small and
 * fully documented, so this module reads it synchronously from the bytes.
 *
 * Format reference: GNU PSPP Developers Guide, "System File Format" (file header, variable,
 * value label, document and extension records; bytecode and zlib data). Checked against files
 * written by GNU PSPP 1.6 (fixtures/make-fixtures.sh).
 */
import { unzlibSync } from 'fflate';

import { decodeWindows1252 } from '@/lib/io/windows-1252';

import { scoreGb18030 } from './encoding';
import { DatasetImportError } from './errors';
import { type DatasetLimits, formatBytes } from './limits';
import type { RawColumn, RawTable } from './table';

/** SPSS measurement level (the variable display record). */
export type SavMeasure = 'nominal' | 'ordinal' | 'scale';

/** One variable of a .sav file, as SPSS's Variable View shows it. */
export type SavVariable = {
  name: string;
  label: string;
  /** 'string' variables have a `width` in bytes. */
  kind: 'numeric' | 'string';
  width: number;
  /** Print format, e.g. { type: 'F', width: 8, decimals: 2 } or { type: 'DATE', … }. */
  format: { type: string; width: number; decimals: number };
  measure?: SavMeasure;
  /** Value → label; numeric values as numbers, string values trimmed of trailing spaces. */
  valueLabels: Array<{ value: number | string; label: string }>;
  /** User-missing values: up to three discrete values, and/or a numeric range (ends included). */
  missing: { values: Array<number | string>; range?: { low: number; high: number } };
};

/** A decoded .sav file. */
export type SavFile = {
  variables: SavVariable[];
  /** One array per variable: numbers (numeric), strings (string), null = system-missing. */
  columns: Array<Array<number | string | null>>;
  rowCount: number;
  /** WHATWG name of the character encoding used for names, labels and strings. */
  encoding: string;
  /** 'none', 'bytecode' or 'zlib'. */
  compression: 'none' | 'bytecode' | 'zlib';
  fileLabel: string;
  warnings: string[];
};

const SYSMIS = -Number.MAX_VALUE;

// Print format codes (PSPP format.def): the ones that hold dates, and their names for metadata.
const FORMAT_NAMES: Record<number, string> = {
  1: 'A', 2: 'AHEX', 3: 'COMMA', 4: 'DOLLAR', 5: 'F', 6: 'IB', 7: 'PIBHEX', 8: 'P', 9: 'PIB', 10: 'PK', 11: 'RB',
  12: 'RBHEX', 15: 'Z', 16: 'N', 17: 'E', 20: 'DATE', 21: 'TIME', 22: 'DATETIME', 23: 'ADATE', 24: 'JDATE',
  25: 'DTIME', 26: 'WKDAY', 27: 'MONTH', 28: 'MOYR', 29: 'QYR', 30: 'WKYR', 31: 'PCT', 32: 'DOT', 33: 'CCA',
  34: 'CCB', 35: 'CCC', 36: 'CCD', 37: 'CCE', 38: 'EDATE', 39: 'SDATE', 40: 'MTIME', 41: 'YMDHMS',
};
/** Formats whose value is a calendar date (seconds since 14 Oct 1582). TIME, DTIME, MTIME are durations. */
const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'MOYR', 'QYR', 'WKYR']);
const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);
// 1582-10-14 (the Gregorian calendar's start, SPSS's day 0) is 12,219,379,200 s before 1970-01-01.
const SPSS_EPOCH_TO_UNIX_SECONDS = 12_219_379_200;

// Windows code pages (machine integer info record, character_code) → WHATWG labels.
const CODE_PAGES: Record<number, string> = {
  2: 'windows-1252', // 7-bit ASCII; some writers put 2 on Windows-1252 files
  3: 'windows-1252', // 8-bit ASCII
  437: 'ibm866', // not exact, but no WHATWG decoder has CP437; rare
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  20127: 'windows-1252',
  20932: 'euc-jp',
  28591: 'windows-1252',
  54936: 'gb18030',
  65001: 'utf-8',
};

/** A .sav that cannot be read: names the byte offset, for logs and bug reports. */
function corrupt(detail: string, cause?: unknown): DatasetImportError {
  return new DatasetImportError(
    'CORRUPT_SAV',
    `This SPSS file cannot be read: ${detail}. The file may be truncated or damaged; save it again from SPSS and upload the new copy.`,
    {},
    cause,
  );
}

/** Bounds-checked little- or big-endian reads over the file's bytes. */
class Reader {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public le = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string): void {
    if (!(n >= 0) || this.pos + n > this.bytes.length) {
      throw corrupt(`the ${what} at byte ${this.pos} runs past the end of the file (${this.bytes.length} bytes)`);
    }
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  i64(what: string): number {
    this.need(8, what);
    const v = Number(this.view.getBigInt64(this.pos, this.le));
    this.pos += 8;
    return v;
  }
  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.le);
    this.pos += 8;
    return v;
  }
  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** A variable record as read (before long names, very long strings and decoding). */
type RawVar = {
  /** Index among the case's 8-byte slots (0-based). */
  slot: number;
  /** 0 = numeric, else the string width (1–255). */
  width: number;
  /** Number of 8-byte slots the record occupies (1 + its continuation records). */
  slots: number;
  shortName: Uint8Array;
  label?: Uint8Array;
  print: number;
  missingCount: number;
  missingRaw: Uint8Array[];
  missingNumbers: number[];
  measure?: SavMeasure;
  valueLabels: Array<{ raw: Uint8Array; label: Uint8Array }>;
};

/** A logical variable: one RawVar, or the segments of a very long string. */
type LogicalVar = { first: RawVar; segments: RawVar[]; width: number; name?: string };

/**
 * Read an SPSS system file.
 *
 * @param bytes - the .sav or .zsav file.
 * @param limits - row, column, cell and (for .zsav) uncompressed-size limits.
 * @returns variables with metadata, and their columns.
 * @throws {DatasetImportError} `CORRUPT_SAV` for a truncated or damaged file (naming the byte
 *   offset); `UNSUPPORTED_SAV` for EBCDIC files; `TOO_LARGE` over a limit.
 * @example
 * const sav = readSav(bytes, DATASET_LIMITS);
 * sav.variables[0].valueLabels; // [{ value: 1, label: 'Strongly disagree' }, …]
 */
export function readSav(bytes: Uint8Array, limits: DatasetLimits): SavFile {
  const r = new Reader(bytes);
  if (bytes.length < 176) throw corrupt(`the file has ${bytes.length} bytes, fewer than a .sav header (176)`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== '$FL2' && magic !== '$FL3') {
    if (bytes[0] === 0x5b && bytes[1] === 0xc6 && bytes[2] === 0xd3) {
      throw new DatasetImportError('UNSUPPORTED_SAV', 'This SPSS file uses the EBCDIC character set (from a mainframe), which Groundwork cannot read. Save it again from a current SPSS.');
    }
    throw corrupt('it does not start with the SPSS signature "$FL2"');
  }
  // Layout code 2 or 3 tells the byte order.
  const layoutLe = r.view.getInt32(64, true);
  if (layoutLe !== 2 && layoutLe !== 3) {
    const layoutBe = r.view.getInt32(64, false);
    if (layoutBe !== 2 && layoutBe !== 3) throw corrupt(`its layout code ${layoutLe} is neither 2 nor 3`);
    r.le = false;
  }
  r.pos = 68;
  const nominalCaseSize = r.i32('header');
  const compressionCode = r.i32('header');
  r.i32('header'); // weight index
  let ncases = r.i32('header');
  const bias = r.f64('header');
  r.pos = 109;
  const fileLabelBytes = r.take(64, 'header');
  r.pos = 176;
  if (compressionCode < 0 || compressionCode > 2) throw corrupt(`unknown compression code ${compressionCode}`);
  if ((compressionCode === 2) !== (magic === '$FL3')) throw corrupt(`signature ${magic} does not match compression code ${compressionCode}`);
  const compression = compressionCode === 0 ? 'none' : compressionCode === 1 ? 'bytecode' : 'zlib';

  const rawVars: RawVar[] = [];
  /** Slot index (0-based) → the RawVar that starts there. */
  const bySlot = new Map<number, RawVar>();
  let slotCount = 0;
  let encodingName: string | undefined;
  let characterCode: number | undefined;
  let sysmis = SYSMIS;
  let longNames: Uint8Array | undefined;
  let veryLongStrings: Uint8Array | undefined;
  let display: { view: DataView; count: number } | undefined;
  const longStringLabels: Uint8Array[] = [];
  const longStringMissing: Uint8Array[] = [];
  const warnings: string[] = [];

  for (;;) {
    const recordAt = r.pos;
    const recType = r.i32('record type');
    if (recType === 2) {
      const width = r.i32('variable record');
      const hasLabel = r.i32('variable record');
      const missingCount = r.i32('variable record');
      const print = r.i32('variable record');
      r.i32('variable record'); // write format
      const shortName = r.take(8, 'variable name');
      let label: Uint8Array | undefined;
      if (hasLabel !== 0 && hasLabel !== 1) throw corrupt(`variable record at byte ${recordAt} has has_var_label ${hasLabel}`);
      if (hasLabel === 1) {
        const len = r.i32('variable label length');
        if (len < 0 || len > 65_535) throw corrupt(`variable label at byte ${recordAt} has length ${len}`);
        label = r.take(len, 'variable label');
        r.take((4 - (len % 4)) % 4, 'variable label padding');
      }
      if (![0, 1, 2, 3, -2, -3].includes(missingCount)) throw corrupt(`variable record at byte ${recordAt} has ${missingCount} missing values`);
      const missingRaw: Uint8Array[] = [];
      for (let i = 0; i < Math.abs(missingCount); i++) missingRaw.push(r.take(8, 'missing value'));
      if (width === -1) {
        // Continuation of the previous long string: one more 8-byte slot.
        const prev = rawVars[rawVars.length - 1];
        if (!prev || prev.width === 0) throw corrupt(`continuation record at byte ${recordAt} follows no string variable`);
        prev.slots++;
      } else {
        if (width < 0 || width > 255) throw corrupt(`variable record at byte ${recordAt} has width ${width}`);
        const v: RawVar = {
          slot: slotCount,
          width,
          slots: 1,
          shortName,
          label,
          print,
          missingCount,
          missingRaw,
          missingNumbers: width === 0 ? missingRaw.map((b) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, r.le)) : [],
          valueLabels: [],
        };
        rawVars.push(v);
        bySlot.set(slotCount, v);
      }
      slotCount++;
    } else if (recType === 3) {
      const count = r.i32('value label count');
      if (count < 0 || count > (bytes.length - r.pos) / 9) throw corrupt(`value label record at byte ${recordAt} claims ${count} labels`);
      const labels: Array<{ raw: Uint8Array; label: Uint8Array }> = [];
      for (let i = 0; i < count; i++) {
        const raw = r.take(8, 'value label');
        const len = r.u8('value label');
        const label = r.take(len, 'value label');
        r.take((8 - ((len + 1) % 8)) % 8, 'value label padding');
        labels.push({ raw, label });
      }
      if (r.i32('value label variables record') !== 4) throw corrupt(`value label record at byte ${recordAt} is not followed by its variables record`);
      const n = r.i32('value label variables');
      if (n < 0 || n > slotCount) throw corrupt(`value label variables record at byte ${recordAt} lists ${n} variables`);
      for (let i = 0; i < n; i++) {
        const index = r.i32('value label variable index');
        const v = bySlot.get(index - 1);
        if (!v) throw corrupt(`value labels at byte ${recordAt} refer to variable position ${index}, which is not a variable`);
        v.valueLabels.push(...labels);
      }
    } else if (recType === 6) {
      const lines = r.i32('document record');
      if (lines < 0) throw corrupt(`document record at byte ${recordAt} has ${lines} lines`);
      r.take(lines * 80, 'document record');
    } else if (recType === 7) {
      const subtype = r.i32('extension record');
      const size = r.i32('extension record');
      const count = r.i32('extension record');
      if (size < 0 || count < 0 || size * count > bytes.length) throw corrupt(`extension record ${subtype} at byte ${recordAt} has size ${size} × ${count}`);
      const data = r.take(size * count, `extension record ${subtype}`);
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && size === 4 && count >= 8) characterCode = dv.getInt32(28, r.le);
      else if (subtype === 4 && size === 8 && count >= 1) sysmis = dv.getFloat64(0, r.le);
      else if (subtype === 11 && size === 4) display = { view: dv, count };
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLongStrings = data;
      else if (subtype === 16 && size === 8 && count >= 2) {
        const n64 = Number(dv.getBigInt64(8, r.le));
        if (ncases === -1 && n64 >= 0) ncases = n64;
      } else if (subtype === 20) encodingName = asciiOf(data).replace(/[\0\s]+$/, '');
      else if (subtype === 21) longStringLabels.push(data);
      else if (subtype === 22) longStringMissing.push(data);
      // Other subtypes (multiple response sets, attributes, …) carry nothing we keep.
    } else if (recType === 999) {
      r.i32('dictionary termination');
      break;
    } else {
      throw corrupt(`unknown record type ${recType} at byte ${recordAt}`);
    }
  }

  if (rawVars.length === 0) throw new DatasetImportError('EMPTY_FILE', 'This SPSS file has no variables.');
  if (nominalCaseSize !== -1 && nominalCaseSize !== slotCount) {
    warnings.push(`The file header says each case has ${nominalCaseSize} slots, the dictionary has ${slotCount}; the dictionary was used.`);
  }

  const encoding = resolveEncoding(encodingName, characterCode, rawVars, warnings);
  const decode = makeDecoder(encoding);

  // Variable display parameters: measure, width and alignment (or measure and alignment in old
  // files) per named variable record, segments of very long strings included.
  if (display) {
    const perVar = display.count === rawVars.length * 3 ? 3 : display.count === rawVars.length * 2 ? 2 : 0;
    if (perVar === 0) warnings.push('The measurement levels in this file do not match its variables and were ignored.');
    else {
      rawVars.forEach((v, i) => {
        const m = display!.view.getInt32(i * perVar * 4, r.le);
        v.measure = m === 1 ? 'nominal' : m === 2 ? 'ordinal' : m === 3 ? 'scale' : undefined;
      });
    }
  }

  // Short name → logical variable, then long names and very long strings.
  const logical: LogicalVar[] = rawVars.map((v) => ({ first: v, segments: [v], width: v.width }));
  const byShort = new Map<string, LogicalVar>();
  for (const lv of logical) byShort.set(trimSpaces(decode(lv.first.shortName)), lv);
  if (veryLongStrings) {
    for (const entry of decode(veryLongStrings).split(/[\t\0]+/)) {
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      const lv = byShort.get(entry.slice(0, eq));
      const width = Number.parseInt(entry.slice(eq + 1), 10);
      if (!lv || !(width > 255)) continue;
      // A string of width w is stored as ceil(w / 252) segment variables (PSPP: EFFECTIVE_VLS_CHUNK).
      const n = Math.ceil(width / 252);
      const at = logical.indexOf(lv);
      if (at + n > logical.length) throw corrupt(`very long string '${entry.slice(0, eq)}' needs ${n} segments, the file has fewer variables`);
      const parts = logical.splice(at + 1, n - 1);
      lv.segments.push(...parts.map((p) => p.first));
      lv.width = width;
    }
  }
  if (longNames) {
    for (const pair of decode(longNames).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const lv = byShort.get(pair.slice(0, eq));
      if (lv) lv.name = pair.slice(eq + 1).replace(/[\0 ]+$/, '');
    }
  }

  const variables: SavVariable[] = logical.map((lv) => {
    const v = lv.first;
    const name = lv.name ?? trimSpaces(decode(v.shortName));
    const formatType = FORMAT_NAMES[(v.print >> 16) & 0xff] ?? `format ${(v.print >> 16) & 0xff}`;
    const kind = v.width === 0 ? 'numeric' : 'string';
    const missing: SavVariable['missing'] = { values: [] };
    if (kind === 'numeric') {
      const m = v.missingNumbers;
      if (v.missingCount > 0) missing.values.push(...m);
      else if (v.missingCount < 0) {
        missing.range = { low: m[0], high: m[1] };
        if (v.missingCount === -3) missing.values.push(m[2]);
      }
    } else if (v.missingCount > 0) {
      missing.values.push(...v.missingRaw.map((b) => trimSpaces(decode(b))));
    }
    return {
      name,
      label: v.label ? decode(v.label).trim() : '',
      kind,
      width: lv.width,
      // A very long string's print format is its first segment's (A255); the real width is the variable's.
      format: { type: formatType, width: lv.segments.length > 1 ? lv.width : (v.print >> 8) & 0xff, decimals: v.print & 0xff },
      measure: v.measure,
      valueLabels: v.valueLabels.map(({ raw, label }) => ({
        value: kind === 'numeric' ? new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, r.le) : trimSpaces(decode(raw.subarray(0, Math.min(8, lv.width)))),
        label: decode(label).trim(),
      })),
      missing,
    };
  });
  const byName = new Map<string, number>();
  variables.forEach((v, i) => {
    if (v.name === '') throw corrupt(`variable ${i + 1} has no name`);
    if (byName.has(v.name)) throw corrupt(`two variables are named '${v.name}'`);
    byName.set(v.name, i);
  });
  for (const data of longStringLabels) readLongStringLabels(data, r.le, decode, (name, value, label) => {
    const i = byName.get(name);
    if (i !== undefined) variables[i].valueLabels.push({ value, label });
  });
  for (const data of longStringMissing) readLongStringMissing(data, r.le, decode, (name, value) => {
    const i = byName.get(name);
    if (i !== undefined) variables[i].missing.values.push(value);
  });

  if (variables.length > limits.maxColumns) {
    throw new DatasetImportError('TOO_LARGE', `This SPSS file has ${variables.length.toLocaleString('en-US')} variables; Groundwork imports at most ${limits.maxColumns.toLocaleString('en-US')}.`);
  }
  if (ncases > limits.maxRows) throw tooManyRows(ncases, limits);
  if (ncases > 0 && ncases * variables.length > limits.maxCells) throw tooManyCells(ncases, variables.length, limits);

  // The data: for .zsav, inflate the zlib blocks into the same bytecode stream first.
  let data: Uint8Array;
  let dataStart: number;
  if (compression === 'zlib') {
    data = inflateZsav(r, limits);
    dataStart = 0;
  } else {
    data = bytes;
    dataStart = r.pos;
  }
  const columns = readCases(
    { data, start: dataStart, mode: compression === 'none' ? 'none' : 'bytecode', le: r.le, bias, sysmis, slotCount },
    logical,
    ncases,
    limits,
    decode,
  );
  const rowCount = columns.length === 0 ? 0 : columns[0].length;
  if (ncases >= 0 && rowCount < ncases) throw corrupt(`the header promises ${ncases} cases but the data end after ${rowCount}`);

  return { variables, columns, rowCount, encoding, compression, fileLabel: trimSpaces(decode(fileLabelBytes)), warnings };
}

function tooManyRows(rows: number, limits: DatasetLimits): DatasetImportError {
  return new DatasetImportError('TOO_LARGE', `This file has more than ${limits.maxRows.toLocaleString('en-US')} rows (${rows.toLocaleString('en-US')}); split it or select fewer cases before importing.`);
}

function tooManyCells(rows: number, columns: number, limits: DatasetLimits): DatasetImportError {
  return new DatasetImportError(
    'TOO_LARGE',
    `This file has ${rows.toLocaleString('en-US')} rows × ${columns.toLocaleString('en-US')} columns, more than the ${limits.maxCells.toLocaleString('en-US')} cells Groundwork imports at once.`,
  );
}

/** Where the data records are and how they are coded. */
type CaseSource = {
  data: Uint8Array;
  start: number;
  mode: 'none' | 'bytecode';
  le: boolean;
  bias: number;
  sysmis: number;
  slotCount: number;
};

/** Decode the data records into one column per logical variable. */
function readCases(
  src: CaseSource,
  logical: LogicalVar[],
  ncases: number,
  limits: DatasetLimits,
  decode: (b: Uint8Array) => string,
): Array<Array<number | string | null>> {
  const { data, mode, le, bias, sysmis } = src;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const columns: Array<Array<number | string | null>> = logical.map(() => []);
  // Strings: a scratch buffer per variable; segment k of a very long string holds
  // min(255, width − 255k) bytes (PSPP: REAL_VLS_CHUNK), the rest of its slots is padding.
  const plan = logical.map((lv) => {
    if (lv.first.width === 0) return undefined;
    const used = lv.segments.map((_, k) => (lv.segments.length === 1 ? lv.first.width : Math.min(255, lv.width - 255 * k)));
    const joinedAt = used.map((_, k) => used.slice(0, k).reduce((a, b) => a + b, 0));
    const total = used.reduce((a, b) => a + b, 0);
    const slots = lv.segments.map((s) => s.slots);
    return { used, joinedAt, total, slots, buffer: new Uint8Array(slots.reduce((n, k) => n + k * 8, 0)) };
  });
  const end = data.length;
  let pos = src.start;
  // Bytecode: blocks of 8 command bytes, each block followed by the raw 8-byte values of its 253 codes.
  let block = -1;
  let index = 8;
  let raw = 0;
  /** The next element's code (253: eight raw bytes at `raw`), or -1 at the end of the data. */
  const nextCode = (): number => {
    for (;;) {
      if (index === 8) {
        if (pos + 8 > end) return -1;
        block = pos;
        pos += 8;
        index = 0;
      }
      const code = data[block + index++];
      if (code === 0) continue; // padding
      if (code === 253) {
        if (pos + 8 > end) throw corrupt(`the data end inside a value at byte ${pos}`);
        raw = pos;
        pos += 8;
      }
      return code;
    }
  };

  const caseBytes = src.slotCount * 8;
  let row = 0;
  let eof = false;
  while (ncases < 0 || row < ncases) {
    if (mode === 'none' && pos + caseBytes > end) {
      if (pos < end && ncases < 0) throw corrupt(`the last case is incomplete (${end - pos} of ${caseBytes} bytes)`);
      break;
    }
    if (row >= limits.maxRows) throw tooManyRows(row + 1, limits);
    if ((row + 1) * logical.length > limits.maxCells) throw tooManyCells(row + 1, logical.length, limits);
    for (let j = 0; j < logical.length && !eof; j++) {
      const p = plan[j];
      if (!p) {
        let value: number | null;
        if (mode === 'none') {
          value = view.getFloat64(pos, le);
          pos += 8;
        } else {
          const code = nextCode();
          if (code === -1 || code === 252) {
            if (j > 0) throw corrupt(`case ${row + 1} ends after ${j} of ${logical.length} variables`);
            eof = true;
            break;
          }
          value = code === 253 ? view.getFloat64(raw, le) : code >= 254 ? null : code - bias;
        }
        columns[j].push(value === sysmis || Number.isNaN(value) ? null : value);
        continue;
      }
      let o = 0;
      for (let s = 0; s < p.slots.length && !eof; s++) {
        const segmentAt = o;
        for (let k = 0; k < p.slots[s]; k++) {
          if (mode === 'none') {
            p.buffer.set(data.subarray(pos, pos + 8), o);
            pos += 8;
          } else {
            const code = nextCode();
            if (code === -1 || code === 252) {
              if (j > 0 || s > 0 || k > 0) throw corrupt(`case ${row + 1} ends inside variable ${j + 1}`);
              eof = true;
              break;
            }
            if (code === 253) p.buffer.set(data.subarray(raw, raw + 8), o);
            else p.buffer.fill(code === bias ? 0 : 0x20, o, o + 8); // 254: eight spaces; bias (value 0): zero bytes
          }
          o += 8;
        }
        // Move the used bytes of this segment next to the previous segment's.
        if (!eof && s > 0) p.buffer.copyWithin(p.joinedAt[s], segmentAt, segmentAt + p.used[s]);
      }
      if (eof) break;
      let n = p.total;
      while (n > 0 && (p.buffer[n - 1] === 0x20 || p.buffer[n - 1] === 0)) n--;
      columns[j].push(n === 0 ? '' : decode(p.buffer.subarray(0, n)));
    }
    if (eof) break;
    row++;
  }
  return columns;
}

/**
 * .zsav: the zlib header after the dictionary points to a trailer that lists the compressed
 * blocks; inflated one after the other they are the usual bytecode stream. Sizes are checked
 * against the limit before anything is inflated, and each block is inflated into a buffer of
 * its declared size, so a lying block cannot grow past it.
 */
function inflateZsav(r: Reader, limits: DatasetLimits): Uint8Array {
  const headerAt = r.pos;
  const zheaderOfs = r.i64('zlib header');
  const ztrailerOfs = r.i64('zlib header');
  const ztrailerLen = r.i64('zlib header');
  if (zheaderOfs !== headerAt) throw corrupt(`the zlib header at byte ${headerAt} says it is at byte ${zheaderOfs}`);
  if (ztrailerOfs < headerAt + 24 || ztrailerOfs + ztrailerLen > r.bytes.length) {
    throw corrupt(`the zlib trailer (byte ${ztrailerOfs}, ${ztrailerLen} bytes) lies outside the file`);
  }
  r.pos = ztrailerOfs;
  r.i64('zlib trailer'); // bias, as an integer
  r.i64('zlib trailer'); // zero
  r.i32('zlib trailer'); // block size
  const nBlocks = r.i32('zlib trailer');
  if (nBlocks < 0 || 24 + 24 * nBlocks !== ztrailerLen) throw corrupt(`the zlib trailer lists ${nBlocks} blocks in ${ztrailerLen} bytes`);
  const blocks: Array<{ at: number; size: number; out: number }> = [];
  let total = 0;
  for (let i = 0; i < nBlocks; i++) {
    r.i64('zlib block'); // uncompressed offset
    const at = r.i64('zlib block');
    const out = r.i32('zlib block');
    const size = r.i32('zlib block');
    if (at < headerAt + 24 || size < 0 || out < 0 || at + size > ztrailerOfs) throw corrupt(`zlib block ${i + 1} (byte ${at}, ${size} bytes) lies outside the data`);
    total += out;
    blocks.push({ at, size, out });
  }
  if (total > limits.maxUncompressedBytes) {
    throw new DatasetImportError(
      'TOO_LARGE',
      `This SPSS file's data expand to ${formatBytes(total)}, more than the ${formatBytes(limits.maxUncompressedBytes)} Groundwork imports.`,
    );
  }
  const data = new Uint8Array(total);
  let o = 0;
  for (const [i, b] of blocks.entries()) {
    let inflated: Uint8Array;
    try {
      inflated = unzlibSync(r.bytes.subarray(b.at, b.at + b.size), { out: data.subarray(o, o + b.out) });
    } catch (error) {
      throw corrupt(`zlib block ${i + 1} is damaged (${(error as Error).message})`, error);
    }
    if (inflated.length !== b.out) throw corrupt(`zlib block ${i + 1} inflates to ${inflated.length} bytes, not ${b.out}`);
    o += b.out;
  }
  return data;
}

function readLongStringLabels(data: Uint8Array, le: boolean, decode: (b: Uint8Array) => string, add: (name: string, value: string, label: string) => void): void {
  const r = new Reader(data, le);
  while (r.pos < data.length) {
    const name = decode(r.take(r.i32('long string value labels'), 'long string value labels'));
    r.i32('long string value labels'); // width
    const n = r.i32('long string value labels');
    if (n < 0) throw corrupt(`long string value labels of '${name}' claim ${n} labels`);
    for (let i = 0; i < n; i++) {
      const value = trimSpaces(decode(r.take(r.i32('long string value label'), 'long string value label')));
      const label = decode(r.take(r.i32('long string value label'), 'long string value label')).trim();
      add(name, value, label);
    }
  }
}

function readLongStringMissing(data: Uint8Array, le: boolean, decode: (b: Uint8Array) => string, add: (name: string, value: string) => void): void {
  const r = new Reader(data, le);
  while (r.pos < data.length) {
    const name = decode(r.take(r.i32('long string missing values'), 'long string missing values'));
    const n = r.u8('long string missing values');
    const len = r.i32('long string missing values');
    for (let i = 0; i < n; i++) add(name, trimSpaces(decode(r.take(len, 'long string missing value'))));
  }
}

/**
 * The encoding of names, labels and strings: the character encoding record (SPSS 16+, PSPP),
 * else the code page of the machine integer record, else detected from the label bytes.
 */
function resolveEncoding(name: string | undefined, characterCode: number | undefined, vars: RawVar[], warnings: string[]): string {
  if (name) {
    const fromName = canonical(name.replace(/^cp(\d+)$/i, (_, n: string) => CODE_PAGES[Number(n)] ?? `windows-${n}`).replace(/^(us-)?ascii$/i, 'windows-1252'));
    if (fromName) return fromName;
    warnings.push(`The file declares the unknown character encoding '${name}'; it was detected instead.`);
  } else if (characterCode !== undefined && CODE_PAGES[characterCode]) {
    return canonical(CODE_PAGES[characterCode]) ?? 'windows-1252';
  } else if (characterCode !== undefined && canonical(`windows-${characterCode}`)) {
    return canonical(`windows-${characterCode}`)!;
  }
  // Old files without either: look at the bytes of names and labels.
  const parts: Uint8Array[] = [];
  for (const v of vars) {
    parts.push(v.shortName);
    if (v.label) parts.push(v.label);
    for (const l of v.valueLabels) parts.push(l.label);
  }
  const sample = concat(parts, 10);
  if (sample.every((b) => b < 0x80)) return 'windows-1252';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return scoreGb18030(sample).encoding;
  }
}

function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** A decoder for the file's encoding; pure-ASCII byte runs (most names and values) take a fast path. */
function makeDecoder(encoding: string): (b: Uint8Array) => string {
  const decoder = encoding === 'windows-1252' ? undefined : new TextDecoder(encoding);
  return (b) => {
    let ascii = true;
    for (let i = 0; i < b.length; i++) {
      if (b[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return b.length < 4096 ? String.fromCharCode.apply(null, b as unknown as number[]) : new TextDecoder('latin1').decode(b);
    return decoder ? decoder.decode(b) : decodeWindows1252(b);
  };
}

function asciiOf(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b);
}

function trimSpaces(s: string): string {
  return s.replace(/[ \0]+$/, '');
}

function concat(parts: Uint8Array[], separator: number): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
    out[o++] = separator;
  }
  return out;
}

/**
 * A .sav file as a {@link RawTable}: user-missing values become null (and are listed in
 * `missingCodes`: the discrete codes, plus the codes actually found inside a missing range),
 * date formats become ISO strings ('2024-03-01', or '2024-03-01T09:30:00' for DATETIME).
 *
 * @param sav - from {@link readSav}.
 * @returns the columns with labels, value labels, missing codes and hints (storage type,
 *   measurement level).
 * @example
 * const table = savToTable(readSav(bytes, DATASET_LIMITS));
 */
export function savToTable(sav: SavFile): RawTable {
  const warnings = [...sav.warnings];
  const withStringMissing: string[] = [];
  const columns: RawColumn[] = sav.variables.map((v, j) => {
    const cells = sav.columns[j];
    const isDate = v.kind === 'numeric' && (DATE_FORMATS.has(v.format.type) || DATETIME_FORMATS.has(v.format.type));
    // fromEntries: a code such as '__proto__' becomes an ordinary key.
    const valueLabels: Record<string, string> = Object.fromEntries(v.valueLabels.map(({ value, label }) => [String(value), label]));
    const discrete = new Set(v.missing.values);
    const range = v.missing.range;
    const inRange = new Set<number>();
    const out: Array<number | string | null> = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null) {
        out[i] = null;
      } else if (discrete.has(c)) {
        out[i] = null;
      } else if (range && typeof c === 'number' && c >= range.low && c <= range.high) {
        inRange.add(c);
        out[i] = null;
      } else if (isDate) {
        out[i] = spssDateToIso(c as number, DATETIME_FORMATS.has(v.format.type));
      } else {
        out[i] = typeof c === 'string' ? c.trim() : c;
      }
    }
    if (v.kind === 'string' && discrete.size > 0) withStringMissing.push(v.name);
    const missingCodes =
      v.kind === 'numeric' ? [...(v.missing.values as number[]), ...[...inRange].filter((c) => !discrete.has(c)).sort((a, b) => a - b)] : [];
    return {
      name: v.name,
      label: v.label,
      cells: out,
      valueLabels,
      missingCodes,
      hint: { kind: isDate ? 'date' : v.kind, ...(v.measure ? { measure: v.measure } : {}) },
    };
  });
  if (withStringMissing.length > 0) {
    warnings.push(`User-missing text values of ${withStringMissing.map((n) => `'${n}'`).join(', ')} were read as missing.`);
  }
  return { columns, rowCount: sav.rowCount, warnings };
}

/**
 * An SPSS date (seconds since 14 October 1582) as an ISO 8601 string.
 *
 * @param seconds - the stored value.
 * @param withTime - keep the time of day (DATETIME formats).
 * @returns e.g. '2024-03-01' or '2024-03-01T09:30:00'.
 * @example
 * spssDateToIso(13928630400, false); // '2024-03-01'
 */
export function spssDateToIso(seconds: number, withTime: boolean): string {
  const iso = new Date((seconds - SPSS_EPOCH_TO_UNIX_SECONDS) * 1000).toISOString(); // 2024-03-01T00:00:00.000Z
  if (!withTime) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
