/**
 * Windows-1252 decoding done by hand. Node's `TextDecoder('windows-1252')` (seen on Node 20.20,
 * ICU 78) decodes as ISO-8859-1, turning the curly quotes, dashes and € of bytes 0x80–0x9F into
 * invisible C1 control characters — exactly the characters Western Word users type. Bytes
 * 0x00–0x7F and 0xA0–0xFF are the same in both, so latin1 plus this table is Windows-1252.
 */

/** Windows-1252 bytes 0x80–0x9F → code points (WHATWG index; 0x81, 0x8D, 0x8F, 0x90, 0x9D map to themselves). */
export const WINDOWS_1252_HIGH: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

const C1 = /[\x80-\x9f]/g;

/**
 * Decode Windows-1252 bytes (a superset of ISO-8859-1 as browsers use it).
 *
 * @param bytes - the bytes.
 * @returns the text.
 * @example
 * decodeWindows1252(new Uint8Array([0x93, 0x48, 0x69, 0x94])); // '“Hi”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Node's 'latin1' decoder maps each byte to the same code point (verified by the tests).
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(C1, (c) => {
    const mapped = WINDOWS_1252_HIGH[c.charCodeAt(0)];
    return mapped === undefined ? c : String.fromCharCode(mapped);
  });
}
