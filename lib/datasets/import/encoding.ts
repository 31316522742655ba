/**
 * Bytes → text for CSV files. The detection is the one sources use (lib/io/decode-text), which
 * is tested on realistic Chinese and Western files:
 * 1. an encoding chosen by the user wins (re-import after a wrong guess);
 * 2. a byte order mark (UTF-8 with BOM, as Excel's "CSV UTF-8" writes; UTF-16, as Excel's
 *    "Unicode text" writes);
 * 3. strict UTF-8: legacy bytes are practically never valid UTF-8, so a file that decodes is UTF-8;
 * 4. otherwise chardet's statistical models when they name another legacy encoding (Cyrillic,
 *    Japanese, …) with confidence;
 * 5. the choice that matters most for survey exports — GB18030 (Excel's "CSV" on a Chinese
 *    Windows) or Windows-1252 (on a Western one: "Müller", "José", "3,5 €") — is made here by
 *    {@link scoreGb18030}, not by the prose-tuned heuristic of lib/io: a CSV has few non-ASCII
 *    bytes, and "Größe" or "Avaliação" form byte pairs that are valid GB18030.
 */
import { decodeText, describeEncoding } from '@/lib/io/decode-text';
import { ImportError } from '@/lib/io/errors';

import { DatasetImportError } from './errors';

/** A decoded CSV file. */
export type DecodedCsv = {
  /** The text, without BOM, with `\n` line endings. */
  text: string;
  /** WHATWG encoding name: 'utf-8', 'gb18030', 'windows-1252', 'utf-16le', … */
  encoding: string;
  /** How the encoding was found: 'override', 'bom', 'utf-8', 'detected', 'guessed', … */
  evidence: string;
  /** For the user, e.g. that the encoding was a guess. */
  warnings: string[];
};

/**
 * Decode a CSV file's bytes.
 *
 * @param bytes - the file.
 * @param encoding - an encoding to force (any WHATWG label: 'gbk', 'latin1', 'utf-8', …).
 * @returns the text, the encoding and how it was found.
 * @throws {DatasetImportError} `UNKNOWN_ENCODING` for an unknown `encoding`; `BINARY_FILE`
 *   when the bytes are not text.
 * @example
 * decodeCsv(bytes).encoding; // 'gb18030' for a CSV saved by Excel on a Chinese Windows
 */
export function decodeCsv(bytes: Uint8Array, encoding?: string): DecodedCsv {
  try {
    const decoded = decodeText(bytes, encoding ? { encoding } : {});
    const statistical = decoded.evidence === 'detected' || decoded.evidence === 'guessed';
    if (encoding || !statistical || (decoded.encoding !== 'gb18030' && decoded.encoding !== 'windows-1252')) {
      return { text: decoded.text, encoding: decoded.encoding, evidence: decoded.evidence, warnings: decoded.warnings };
    }
    const score = scoreGb18030(bytes);
    const chosen = score.encoding;
    const text = chosen === decoded.encoding ? decoded.text : decodeText(bytes, { encoding: chosen }).text;
    const warnings = score.confident
      ? []
      : [`The text encoding was guessed as ${describeEncoding(chosen)}. If characters look wrong, import the file again choosing its encoding.`];
    return { text, encoding: chosen, evidence: score.confident ? 'detected' : 'guessed', warnings };
  } catch (error) {
    if (error instanceof ImportError) {
      if (error.code === 'UNKNOWN_ENCODING') throw new DatasetImportError('UNKNOWN_ENCODING', error.userMessage, {}, error);
      if (error.code === 'BINARY_FILE') {
        throw new DatasetImportError('BINARY_FILE', 'This file is not a CSV text file (it contains binary data). Upload a CSV, an Excel workbook (.xlsx) or an SPSS file (.sav).', {}, error);
      }
    }
    throw error;
  }
}

/**
 * The text encoding of a CSV file.
 *
 * @param bytes - the file.
 * @returns a WHATWG encoding name: 'utf-8' (with or without BOM), 'gb18030', 'windows-1252',
 *   'utf-16le', …
 * @throws {DatasetImportError} `BINARY_FILE` when the bytes are not text.
 * @example
 * detectEncoding(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])); // 'windows-1252' ("Müller")
 */
export function detectEncoding(bytes: Uint8Array): string {
  return decodeCsv(bytes).encoding;
}

/** The verdict of {@link scoreGb18030}. */
export type Gb18030Score = {
  encoding: 'gb18030' | 'windows-1252';
  /** False when the evidence is thin (few multi-byte sequences, or a ratio near the threshold). */
  confident: boolean;
  /** Multi-byte GB18030 sequences that are common Chinese characters or CJK punctuation. */
  common: number;
  /** All multi-byte GB18030 sequences. */
  total: number;
};

// The sample is enough: a Chinese file has Chinese in its header and first rows.
const SCORE_SAMPLE_BYTES = 4 * 1024 * 1024;

/**
 * GB18030 or Windows-1252, for bytes that are not UTF-8 (no BOM, invalid as UTF-8).
 *
 * Chinese text in GB18030 is almost entirely GB2312's level-1 characters (the 3,755 most
 * frequent, lead byte 0xB0–0xD7, trail byte 0xA1–0xFE) and GB2312 symbols (full-width
 * punctuation, lead 0xA1–0xA9). Western text read as GB18030 fails in one of three ways:
 * a high byte followed by a delimiter, space or line break is invalid GB18030 ("José;");
 * an accented letter followed by an ASCII letter makes a GBK-extension pair ("Straße");
 * two accented lower-case letters make a pair with lead ≥ 0xD8 ("ção", "öß"), a rare level-2
 * character or none at all. So: GB18030 when the sample is valid GB18030 and at least 80 % of
 * its multi-byte sequences are level-1 characters or symbols.
 *
 * @param bytes - the file (its first 4 MB are scored).
 * @returns the encoding, and whether the evidence is strong.
 * @example
 * scoreGb18030(gbkBytesOf('编号,性别\n1,男')).encoding; // 'gb18030'
 */
export function scoreGb18030(bytes: Uint8Array): Gb18030Score {
  const end = Math.min(bytes.length, SCORE_SAMPLE_BYTES);
  let common = 0;
  let total = 0;
  const western = (confident: boolean): Gb18030Score => ({ encoding: 'windows-1252', confident, common, total });
  for (let i = 0; i < end; i++) {
    const b1 = bytes[i];
    if (b1 < 0x80) continue;
    total++;
    if (b1 === 0x80 || b1 === 0xff) continue; // '€' alone in GB18030; 0xFF is invalid there, common in 1252 ('ÿ')
    if (i + 1 >= end) break; // a sequence cut by the sample's end
    const b2 = bytes[i + 1];
    if (b2 >= 0x30 && b2 <= 0x39) {
      // Four-byte sequence (rare characters, emoji): valid but not evidence of Chinese.
      if (i + 3 >= end) break;
      if (!(bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xfe && bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39)) return western(true);
      i += 3;
      continue;
    }
    if (b2 < 0x40 || b2 === 0x7f || b2 === 0xff) return western(true); // not a GB18030 trail byte
    if (b2 >= 0xa1 && ((b1 >= 0xb0 && b1 <= 0xd7) || (b1 >= 0xa1 && b1 <= 0xa9))) common++;
    i += 1;
  }
  if (total === 0) return western(false);
  const ratio = common / total;
  if (ratio >= 0.8) return { encoding: 'gb18030', confident: common >= 4 || ratio === 1, common, total };
  return western(ratio < 0.5 || total >= 20);
}
