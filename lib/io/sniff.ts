/**
 * What a file really is, from its first bytes. Extensions and browser-sent MIME types are hints
 * only: users rename files, and a "report.txt" that is a PNG must be refused as binary, while a
 * "paper.txt" that is really a PDF can be imported as a PDF.
 */

/** The container a file's bytes belong to. */
export type SniffedKind =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'binary'; description: string }
  | { kind: 'text' };

// Signatures of common binary formats that end up in upload dialogs, for a useful message.
const SIGNATURES: { bytes: number[]; offset?: number; description: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], description: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], description: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], description: 'an audio or video file (RIFF: WAV, AVI, WebP)' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, description: 'an audio or video file (MP4, M4A, MOV, HEIC)' },
  { bytes: [0x49, 0x44, 0x33], description: 'an MP3 audio file' },
  { bytes: [0xff, 0xfb], description: 'an MP3 audio file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], description: 'an Ogg audio file' },
  { bytes: [0x66, 0x4c, 0x61, 0x43], description: 'a FLAC audio file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], description: 'a WebM/Matroska video' },
  { bytes: [0x1f, 0x8b], description: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], description: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], description: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], description: 'a program (ELF)' },
  { bytes: [0x4d, 0x5a], description: 'a Windows program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], description: 'a macOS program' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], description: 'an SQLite database' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], description: 'an RTF document' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], description: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], description: 'a TIFF image' },
];

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

/**
 * Identify the container of a file from its magic bytes.
 *
 * @param bytes - the file's bytes.
 * @returns 'pdf', 'zip' (docx and friends), 'ole' (legacy Office or an encrypted docx),
 *   'binary' with a description, or 'text' (to be decoded and checked further).
 * @example
 * sniffBytes(new TextEncoder().encode('%PDF-1.7')); // { kind: 'pdf' }
 */
export function sniffBytes(bytes: Uint8Array): SniffedKind {
  // PDF readers accept the header anywhere in the first 1024 bytes (some generators prepend junk).
  const head = bytes.subarray(0, 1024);
  const pdfAt = indexOfAscii(head, '%PDF-');
  // …but a text file that merely mentions "%PDF-" early on stays text.
  if (pdfAt === 0 || (pdfAt > 0 && !looksTextual(head.subarray(0, pdfAt)))) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes, sig.offset ?? 0)) {
      // 'MZ', 'ID3', 0xFFFB and RIFF are short; only call it binary if the rest is not text.
      if (sig.bytes.length <= 3 && looksTextual(bytes.subarray(0, 512))) continue;
      return { kind: 'binary', description: sig.description };
    }
  }
  return { kind: 'text' };
}

/**
 * What an OLE compound file (D0 CF 11 E0 …) holds. Directory entry names are UTF-16LE, so the
 * stream names are found by searching for them: "EncryptedPackage" is a password-protected
 * .docx/.xlsx/.pptx (Office wraps the encrypted zip in OLE), "WordDocument" a Word 97–2003 .doc.
 *
 * @param bytes - an OLE compound file.
 * @returns which kind of Office file it is, as far as can be told.
 * @example
 * describeOle(bytes); // 'encrypted-ooxml'
 */
export function describeOle(bytes: Uint8Array): 'encrypted-ooxml' | 'word-97' | 'excel-97' | 'powerpoint-97' | 'unknown' {
  if (indexOfUtf16le(bytes, 'EncryptedPackage') !== -1) return 'encrypted-ooxml';
  if (indexOfUtf16le(bytes, 'WordDocument') !== -1) return 'word-97';
  if (indexOfUtf16le(bytes, 'Workbook') !== -1) return 'excel-97';
  if (indexOfUtf16le(bytes, 'PowerPoint Document') !== -1) return 'powerpoint-97';
  return 'unknown';
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  return indexOfBytes(bytes, Array.from(needle, (c) => c.charCodeAt(0)));
}

function indexOfUtf16le(bytes: Uint8Array, needle: string): number {
  const seq: number[] = [];
  for (const c of needle) seq.push(c.charCodeAt(0), 0);
  return indexOfBytes(bytes, seq);
}

function indexOfBytes(bytes: Uint8Array, seq: number[]): number {
  const first = seq[0];
  let i = bytes.indexOf(first);
  while (i !== -1 && i + seq.length <= bytes.length) {
    let k = 1;
    while (k < seq.length && bytes[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
    i = bytes.indexOf(first, i + 1);
  }
  return -1;
}

/** No NULs and few C0 controls: plausibly the start of a text file. */
function looksTextual(bytes: Uint8Array): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= bytes.length * 0.02;
}
