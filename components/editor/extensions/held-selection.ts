import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const heldSelectionKey = new PluginKey<DecorationSet>('heldSelection');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    heldSelection: {
      /** Keep [from, to) painted as selected while focus is elsewhere (null: stop). */
      holdSelection: (range: { from: number; to: number } | null) => ReturnType;
    };
  }
}

/**
 * Paints a range as still selected while focus is in a popover (the code picker): the browser
 * hides a text selection whose editor lost focus, and the coder should still see what they are
 * about to code. A decoration only: the document and the real selection are untouched.
 */
export const HeldSelection = Extension.create({
  name: 'heldSelection',

  addCommands() {
    return {
      holdSelection:
        (range) =>
        ({ tr, dispatch }) => {
          dispatch?.(tr.setMeta(heldSelectionKey, range));
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: heldSelectionKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const range = tr.getMeta(heldSelectionKey) as { from: number; to: number } | null | undefined;
            if (range === undefined) return set.map(tr.mapping, tr.doc);
            if (range === null || range.from >= range.to) return DecorationSet.empty;
            return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: 'gw-held-selection' })]);
          },
        },
        props: {
          decorations: (state) => heldSelectionKey.getState(state),
        },
      }),
    ];
  },
});
