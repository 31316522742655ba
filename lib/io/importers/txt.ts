/**
 * Plain text (.txt): the decoded text is stored exactly as decoded (line endings normalised
 * to `\n`), so what the participant's transcript said is what gets coded.
 */
import type { DecodedText } from '../decode-text';
import type { ImportedSource } from '../types';

/**
 * Import a decoded plain-text file.
 *
 * @param decoded - the output of `decodeText`.
 * @param fallbackTitle - the file name without extension.
 * @returns the text unchanged, with its encoding.
 * @example
 * importTxt(decodeText(bytes), 'interview-07');
 */
export function importTxt(decoded: DecodedText, fallbackTitle: string): ImportedSource {
  return { text: decoded.text, format: 'txt', title: fallbackTitle, encoding: decoded.encoding, warnings: [...decoded.warnings] };
}
