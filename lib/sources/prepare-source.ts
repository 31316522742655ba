import { codePointLength } from '../coding/offsets';
import type { ImportedSource } from '../io/types';
import { countWords } from '../text/segment';

/**
 * Words as a word processor counts them, in any script (Intl.Segmenter finds Chinese and
 * Japanese words too), in bounded pieces: linear in the length of the text (lib/text/segment).
 */
export { countWords };

/** The stored shape of an imported document: text never changes after this point. */
export interface PreparedSource {
  text: string;
  length: number;
  wordCount: number;
  structure: string | null;
}

/**
 * @param imported - what lib/io produced.
 * @returns text, its length in code points (the offset unit), word count and the page/turn
 *   structure as JSON (offsets in code points), or null when there is none.
 */
export function prepareSource(imported: Pick<ImportedSource, 'text' | 'pages' | 'turns'>): PreparedSource {
  const structure = imported.pages?.length || imported.turns?.length ? JSON.stringify({ pages: imported.pages, turns: imported.turns }) : null;
  return { text: imported.text, length: codePointLength(imported.text), wordCount: countWords(imported.text), structure };
}

/** Pasted text: line endings normalised to \n, nothing else changed. */
export function normalisePastedText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
