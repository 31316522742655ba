// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { findMentionMatch } from './mention-match';

beforeAll(() => {
  // jsdom has no layout: ProseMirror asks for rectangles when it scrolls the selection into view.
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
  Range.prototype.getBoundingClientRect ??= rect;
  Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  document.elementFromPoint ??= () => null;
});

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.innerHTML = '';
});

/** An editor whose `@` suggestion records the query of the open suggestion (null: closed). */
function setup() {
  const state: { query: string | null; range: { from: number; to: number } | null; pick?: (attrs: { id: string; label: string }) => void } = { query: null, range: null };
  const element = document.createElement('div');
  document.body.append(element);
  const show = (props: { query: string; range: { from: number; to: number }; command: (attrs: { id: string; label: string }) => void }) => {
    state.query = props.query;
    state.range = props.range;
    state.pick = props.command;
  };
  editor = new Editor({
    element,
    extensions: [
      StarterKit,
      Mention.configure({
        suggestion: {
          char: '@',
          allowSpaces: true,
          allowedPrefixes: null,
          findSuggestionMatch: findMentionMatch,
          render: () => ({
            onStart: show,
            onUpdate: show,
            onExit: () => {
              state.query = null;
              state.range = null;
            },
          }),
        },
      }),
    ],
    content: '<p></p>',
  });
  const type = (text: string) => {
    for (const ch of Array.from(text)) editor!.commands.insertContent(ch);
  };
  return { state, type, editor };
}

describe('findMentionMatch in the mention suggestion', () => {
  // Issue 14 (8): tiptap only opened suggestions after a space; Chinese has none.
  it.each([
    ['after Chinese punctuation', '见，@物流', '物流'],
    ['after CJK text', '请看@物流', '物流'],
    ['after an opening parenthesis', 'see (@Trust', 'Trust'],
    ['after a space', 'see @Trust in', 'Trust in'],
    ['at the start of the line', '@', ''],
  ])('opens %s', (_name, typed, query) => {
    const { state, type } = setup();
    type(typed);
    expect(state.query).toBe(query);
  });

  it('stays closed inside an e-mail address or after a digit', () => {
    const { state, type } = setup();
    type('ana@example');
    expect(state.query).toBeNull();
    type(' 3@x');
    expect(state.query).toBeNull();
  });

  it('replaces "@query" with the mention picked, after "，"', () => {
    const { state, type, editor } = setup();
    type('见，@物流');
    expect(state.range).toEqual({ from: 3, to: 6 });
    editor.view.dom.focus();
    state.pick!({ id: 'c1', label: '物流成本' });
    const json = editor.getJSON();
    expect(json.content?.[0].content?.slice(0, 2)).toEqual([
      { type: 'text', text: '见，' },
      { type: 'mention', attrs: { id: 'c1', label: '物流成本', mentionSuggestionChar: '@' } },
    ]);
  });

  it('opens right after an existing mention, and does not reach across a line break', () => {
    const { state, type, editor } = setup();
    editor.commands.insertContent([{ type: 'mention', attrs: { id: 'c1', label: 'A' } }]);
    type('@B');
    expect(state.query).toBe('B');
    editor.commands.setHardBreak();
    type('x');
    expect(state.query).toBeNull();
  });
});
