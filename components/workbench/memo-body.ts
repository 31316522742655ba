/** A tiptap JSON paragraph of plain text (an empty line has no content). */
type MemoParagraph = { type: 'paragraph'; content?: [{ type: 'text'; text: string }] };

/**
 * The tiptap JSON document for a plain-text memo: one paragraph per line, e.g.
 * `{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }`.
 * Empty lines become empty paragraphs (ProseMirror forbids empty text nodes).
 *
 * @param text - what the user typed in the memo textarea.
 * @returns the memo body to send to `setCodingMemo`.
 * @example
 * api.setCodingMemo({ codingId, body: memoBodyFromText('Irony?') });
 */
export function memoBodyFromText(text: string): { type: 'doc'; content: MemoParagraph[] } {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/u, '').split('\n');
  return {
    type: 'doc',
    content: lines.map((line): MemoParagraph => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}
