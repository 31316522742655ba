/**
 * Bytes → text for the text formats (.txt, .md, .html, .vtt, .srt).
 *
 * Order of evidence, strongest first:
 * 1. an explicit `encoding` chosen by the user (re-import after a wrong guess);
 * 2. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
 * 3. UTF-16 without BOM, recognised by NUL bytes that sit on one side of each byte pair
 *    (ASCII characters in UTF-16) and a decoded text that is plausible;
 * 4. strict UTF-8: a legacy-encoded text with non-ASCII bytes is practically never valid UTF-8,
 *    so a file that decodes is UTF-8 — even when an HTML <meta> says otherwise (browsers
 *    re-save pages as UTF-8 and keep the old <meta>);
 * 5. an encoding declared inside the file (HTML <meta charset>), when the caller passes it;
 * 6. detection: chardet's statistical models when they are confident, otherwise a choice
 *    between GB18030 (a superset of GBK and GB2312) and Windows-1252 (a superset of
 *    ISO-8859-1) by how the non-ASCII bytes are laid out: Chinese comes as byte pairs,
 *    Western accents and curly quotes as single bytes between ASCII letters.
 *
 * Line endings become `\n`; nothing else changes (no Unicode normalisation), because coding
 * offsets are defined on the decoded text. Node's TextDecoder (full ICU) does the decoding.
 */
import chardet from 'chardet';

import { ImportError } from './errors';
import { decodeWindows1252 } from './windows-1252';

/** How the encoding of a text was determined. */
export type EncodingEvidence = 'override' | 'bom' | 'utf-16-pattern' | 'utf-8' | 'declared' | 'detected' | 'guessed';

/** The decoded text and how it was decoded. */
export type DecodedText = {
  /** The text with `\n` line endings and no byte order mark. */
  text: string;
  /** WHATWG encoding name, e.g. 'utf-8', 'utf-16le', 'gb18030', 'windows-1252'. */
  encoding: string;
  evidence: EncodingEvidence;
  /** Messages for the user, e.g. that the encoding was a guess. */
  warnings: string[];
};

/** Options of {@link decodeText}. */
export type DecodeTextOptions = {
  /** Force an encoding (any WHATWG label, e.g. 'gbk', 'latin1', 'utf-16le'). */
  encoding?: string;
  /** An encoding the file declares about itself (HTML <meta charset>); used after BOM and UTF-8. */
  declaredEncoding?: string;
};

// Legacy encodings we accept from chardet when it is confident. Latin-script single-byte
// encodings (ISO-8859-2, windows-1250, -1257, …) are left out on purpose: chardet confuses
// them on short texts ("naïve" → ISO-8859-2 "naďve"), and Windows-1252 is the right answer for
// most Western files; a user with Czech legacy text can re-import choosing the encoding.
const CHARDET_ACCEPTED: Record<string, string> = {
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  'windows-1253': 'windows-1253',
  'ISO-8859-7': 'iso-8859-7',
  'windows-1255': 'windows-1255',
  'ISO-8859-8': 'iso-8859-8',
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'iso-8859-6',
};
const CHARDET_MIN_CONFIDENCE = 60;
// chardet's cost grows with input; its verdict on the first 256 KB is as good as on 25 MB.
const DETECTION_SAMPLE_BYTES = 256 * 1024;

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  gb18030: 'GB18030/GBK, simplified Chinese',
  gbk: 'GBK, simplified Chinese',
  big5: 'Big5, traditional Chinese',
  shift_jis: 'Shift_JIS, Japanese',
  'euc-jp': 'EUC-JP, Japanese',
  'euc-kr': 'EUC-KR, Korean',
  'windows-1252': 'Windows-1252, Western European',
  'windows-1251': 'Windows-1251, Cyrillic',
  'koi8-r': 'KOI8-R, Cyrillic',
  'windows-1256': 'Windows-1256, Arabic',
  'windows-1255': 'Windows-1255, Hebrew',
  'windows-1253': 'Windows-1253, Greek',
};

/**
 * Decode the bytes of a text file.
 *
 * @param bytes - the file's bytes (not empty).
 * @param options - an encoding to force, or one declared by the file.
 * @returns the text with `\n` line endings, the encoding used and how it was found.
 * @throws {ImportError} `UNKNOWN_ENCODING` for an unknown `options.encoding`; `BINARY_FILE`
 *   when the bytes are not text (NUL bytes, or many control characters once decoded).
 * @example
 * const { text, encoding } = decodeText(bytes); // encoding: 'gb18030' for a GBK interview
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const warnings: string[] = [];
  let decoded: { text: string; encoding: string; evidence: EncodingEvidence };

  if (options.encoding) {
    const encoding = canonicalEncoding(options.encoding);
    if (!encoding) {
      throw new ImportError('UNKNOWN_ENCODING', {
        message: `unknown text encoding '${options.encoding}'`,
        userMessage: `"${options.encoding}" is not a text encoding Groundwork knows. Try UTF-8, GBK, Windows-1252 or UTF-16.`,
      });
    }
    decoded = { text: decodeWith(bytes, encoding), encoding, evidence: 'override' };
  } else {
    decoded = detectAndDecode(bytes, options.declaredEncoding, warnings);
  }

  // A user-chosen encoding that does not fit produces U+FFFD, not binary: show the result and
  // say so, rather than calling the file binary.
  assertTextual(decoded.text, decoded.evidence === 'override');
  if (decoded.evidence !== 'utf-8') {
    const invalid = countReplacement(decoded.text);
    if (invalid > 0) {
      warnings.push(
        `${invalid} byte sequence(s) are not valid ${describeEncoding(decoded.encoding)} and were replaced by �. The file may use another encoding.`,
      );
    }
  }
  return { ...decoded, text: normaliseNewlines(decoded.text), warnings };
}

function detectAndDecode(
  bytes: Uint8Array,
  declared: string | undefined,
  warnings: string[],
): { text: string; encoding: string; evidence: EncodingEvidence } {
  const bom = bomOf(bytes);
  if (bom) {
    return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, evidence: 'bom' };
  }

  if (bytes.indexOf(0) !== -1) {
    const utf16 = detectUtf16WithoutBom(bytes);
    if (utf16) return { text: utf16.text, encoding: utf16.encoding, evidence: 'utf-16-pattern' };
    throw binaryError('it contains NUL bytes');
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', evidence: 'utf-8' };

  const declaredEncoding = declared ? canonicalEncoding(declared) : undefined;
  // A declared UTF-8/UTF-16 that failed strict UTF-8 above is wrong; fall through to detection.
  if (declaredEncoding && !declaredEncoding.startsWith('utf-')) {
    return { text: decodeWith(bytes, declaredEncoding), encoding: declaredEncoding, evidence: 'declared' };
  }

  const sample = bytes.subarray(0, DETECTION_SAMPLE_BYTES);
  const top = chardet.analyse(sample)[0];
  const fromChardet = top ? CHARDET_ACCEPTED[top.name] : undefined;
  if (top && fromChardet && top.confidence >= CHARDET_MIN_CONFIDENCE) {
    // Multi-byte guesses must at least decode without errors.
    const text = fromChardet === 'windows-1252' ? decodeWindows1252(bytes) : tryDecode(bytes, fromChardet);
    if (text !== undefined) return { text, encoding: fromChardet, evidence: 'detected' };
  }

  const encoding = looksLikeGb18030(sample) ? 'gb18030' : 'windows-1252';
  warnings.push(
    `The text encoding was guessed as ${describeEncoding(encoding)}. If characters look wrong, import the file again choosing its encoding.`,
  );
  return { text: decodeWith(bytes, encoding), encoding, evidence: 'guessed' };
}

/**
 * A human description of an encoding name, for messages.
 *
 * @param encoding - a WHATWG encoding name.
 * @returns e.g. 'GB18030/GBK, simplified Chinese'.
 * @example
 * describeEncoding('windows-1252'); // 'Windows-1252, Western European'
 */
export function describeEncoding(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

/**
 * Replace CRLF and lone CR line endings with LF. Nothing else is touched.
 *
 * @param text - any text.
 * @returns the text with `\n` line endings.
 * @example
 * normaliseNewlines('a\r\nb\rc'); // 'a\nb\nc'
 */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** The WHATWG name for a label ('latin1' → 'windows-1252', 'GBK' → 'gbk'), or undefined. */
function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // ignoreBOM: a BOM is removed by bomOf; one left inside the data is the user's character.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without BOM: ASCII characters (spaces, newlines, digits, Latin letters) are a zero byte
 * plus the character, so the NULs cluster on one parity — odd offsets for little-endian. A
 * binary file has NULs everywhere. The decoded text must also be plausible (few controls or
 * unassigned code points), which rules out binaries that happen to match the pattern.
 */
function detectUtf16WithoutBom(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const end = Math.min(bytes.length, DETECTION_SAMPLE_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  // Some NULs on the other side are normal: U+xx00 characters (e.g. the low half of 😀, DE00).
  const encoding = odd > 0 && even <= odd * 0.1 ? 'utf-16le' : even > 0 && odd <= even * 0.1 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const text = tryDecode(bytes, encoding);
  if (text === undefined || implausibleRatio(text) > 0.01) return undefined;
  return { text, encoding };
}

/**
 * GB18030 rather than Windows-1252 when the non-ASCII bytes mostly come in runs of two or more
 * (a Chinese character is two bytes, and Chinese characters follow each other), the bytes are
 * valid GB18030, and what they decode to is mostly ideographs and CJK punctuation.
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] >= 0x80) {
      run++;
      continue;
    }
    high += run;
    if (run >= 2) inRuns += run;
    run = 0;
  }
  if (high === 0 || inRuns / high < 0.5) return false;
  // The sample may end inside a character: drop a trailing partial sequence before decoding.
  let text = tryDecode(bytes, 'gb18030');
  if (text === undefined && bytes.length > 4) {
    for (let cut = 1; cut <= 3 && text === undefined; cut++) text = tryDecode(bytes.subarray(0, bytes.length - cut), 'gb18030');
  }
  if (text === undefined) return false;
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms (，：？)
      (c >= 0x2010 && c <= 0x2027) // dashes, curly quotes, ellipsis as used in Chinese text
    ) {
      cjk++;
    }
  }
  return nonAscii > 0 && cjk / nonAscii >= 0.8;
}

// C0/C1 controls other than tab, LF, VT, FF, CR; private use; unassigned; lone surrogates;
// the replacement character. A little of this is normal (a stray \x1a at the end of a DOS
// file); a lot means the bytes are not text.
const IMPLAUSIBLE = /[\x00-\x08\x0e-\x1f\x7f-\x9f\p{Co}\p{Cn}\p{Cs}\ufffd]/gu;

const CONTROLS = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function implausibleRatio(text: string): number {
  if (text.length === 0) return 0;
  const bad = text.match(IMPLAUSIBLE)?.length ?? 0;
  return bad / text.length;
}

/**
 * Reject decoded "text" that is really binary: any NUL, or more than 2 % control, unassigned
 * or replacement characters (only control characters with `controlsOnly`).
 */
function assertTextual(text: string, controlsOnly: boolean): void {
  if (text.indexOf('\0') !== -1) throw binaryError('it contains NUL characters');
  // Checking a 25 MB text whole is wasteful: binary junk shows in any 64 K sample.
  const sample = text.length > 65536 ? text.slice(0, 32768) + text.slice(-32768) : text;
  const ratio = controlsOnly ? (sample.match(CONTROLS)?.length ?? 0) / Math.max(1, sample.length) : implausibleRatio(sample);
  if (ratio > 0.02) throw binaryError(`${(ratio * 100).toFixed(1)} % of its characters are control or invalid characters`);
}

function binaryError(reason: string): ImportError {
  return new ImportError('BINARY_FILE', {
    message: `not a text file: ${reason}`,
    userMessage: 'This file does not contain text (it looks like a binary file, such as an image or a program, that was renamed). Please upload the original document.',
  });
}
