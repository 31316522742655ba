import { codePointLength } from '../coding/offsets';
import type { ImportedSource } from '../io/types';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Words as a word processor counts them, in any script: Intl.Segmenter splits Chinese and
 * Japanese into words too, so a Chinese interview is not "one word per paragraph".
 */
export function countWords(text: string): number {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

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
