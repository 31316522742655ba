import { Node } from '@tiptap/core';

/**
 * The schema of a source in the workbench: a document of plain-text paragraphs, one per line of
 * the stored text (lib/coding/doc-positions.ts). These three nodes live in one file because
 * offsets depend on exactly this shape — any other node (a heading, a hard break) or a mark
 * would shift every ProseMirror position — so they are only ever used together, instead of
 * StarterKit, whose set of nodes may grow between versions.
 */

/** Top node: one or more paragraphs. */
export const SourceDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'paragraph+',
});

/** One line of the stored text; `dir="auto"` so right-to-left lines display right to left. */
export const SourceParagraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  marks: '',
  parseHTML() {
    return [{ tag: 'p' }];
  },
  renderHTML() {
    return ['p', { dir: 'auto' }, 0];
  },
});

/** Plain text. */
export const SourceText = Node.create({
  name: 'text',
  group: 'inline',
});

/** All nodes of the source schema, in the order the editor needs them. */
export const sourceSchema = [SourceDocument, SourceParagraph, SourceText];
