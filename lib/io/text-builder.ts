/**
 * Builds an importer's output text while tracking its length in code points, so page and turn
 * boundaries are recorded in the unit of `lib/coding/offsets` without re-scanning the text.
 */
import { codePointLength } from '../coding/offsets';

/**
 * An append-only text whose `position` is its length in code points.
 *
 * @example
 * const b = new TextBuilder();
 * b.append('😀 ');
 * b.position; // 2
 */
export class TextBuilder {
  private parts: string[] = [];
  private cp = 0;

  /** Current length in code points: the offset the next appended character will have. */
  get position(): number {
    return this.cp;
  }

  /**
   * Append text.
   * @param s - the text to add.
   */
  append(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.cp += codePointLength(s);
  }

  /** The text built so far. */
  toString(): string {
    return this.parts.join('');
  }
}
