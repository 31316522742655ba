// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';

import { createDocPositionIndex, textToDocJSON } from '@/lib/coding/doc-positions';
import { sourceMarkers } from '@/lib/sources/markers';

import { ReadOnlySource } from './read-only-source';
import { SourceMarkers } from './source-markers';
import { sourceSchema } from './source-schema';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.innerHTML = '';
});

describe('SourceMarkers', () => {
  it('labels turn starts without adding text to the document', () => {
    const text = 'A: 你好🙂\nB: fine';
    const index = createDocPositionIndex(text);
    const markers = sourceMarkers({
      turns: [
        { speaker: 'A', startMs: 0, endMs: 1000, start: 0, end: 6 },
        { speaker: 'B', startMs: 83_000, endMs: 90_000, start: 7, end: 14 },
      ],
    }).map((m) => ({ ...m, pos: index.cpToPos(m.start) }));
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({ element, extensions: [...sourceSchema, ReadOnlySource, SourceMarkers.configure({ markers })], content: textToDocJSON(text) });

    const labels = [...element.querySelectorAll<HTMLElement>('.gw-marker')].map((el) => [el.dataset.label, el.closest('p')?.textContent]);
    expect(labels).toEqual([
      ['0:00', 'A: 你好🙂'],
      ['1:23', 'B: fine'],
    ]);
    // The labels are CSS-drawn: the document text and the rendered text are unchanged.
    expect(editor.getText({ blockSeparator: '\n' })).toBe(text);
    expect(element.querySelector('.ProseMirror')!.textContent).toBe('A: 你好🙂B: fine');
  });

  it('puts each of 3,000 turn markers in its own paragraph (built per paragraph, in one pass)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${i % 2 ? 'B' : 'A'}: turn ${i} 你好🙂`);
    const text = lines.join('\n');
    const index = createDocPositionIndex(text);
    let start = 0;
    const turns = lines.map((line, i) => {
      const turn = { speaker: i % 2 ? 'B' : 'A', startMs: i * 60_000, endMs: i * 60_000 + 1000, start, end: start + [...line].length };
      start = turn.end + 1;
      return turn;
    });
    // Given out of order: the extension sorts them.
    const markers = sourceMarkers({ turns })
      .map((m) => ({ ...m, pos: index.cpToPos(m.start) }))
      .reverse();
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({ element, extensions: [...sourceSchema, ReadOnlySource, SourceMarkers.configure({ markers })], content: textToDocJSON(text) });
    const paragraphs = [...element.querySelectorAll('p')];
    expect(markers.find((m) => m.start === turns[1499].start)?.label).toBe('24:59:00');
    expect(paragraphs).toHaveLength(3000);
    for (const i of [0, 1, 1499, 2999]) {
      const labels = [...paragraphs[i].querySelectorAll<HTMLElement>('.gw-marker')].map((el) => el.dataset.label);
      expect(labels).toEqual([markers.find((m) => m.start === turns[i].start)?.label]);
      expect(paragraphs[i].firstElementChild?.classList.contains('gw-marker')).toBe(true);
    }
    expect(element.querySelectorAll('.gw-marker')).toHaveLength(3000);
    // jsdom drawing 3,000 paragraphs takes seconds on a loaded machine.
  }, 60_000);
});
