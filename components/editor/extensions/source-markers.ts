import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

import { joinParagraphSets, paragraphSetsAt } from './paragraph-sets';

export const sourceMarkersKey = new PluginKey('sourceMarkers');

export interface SourceMarkersOptions {
  /** ProseMirror positions and labels (PDF page numbers, transcript timestamps). */
  markers: ReadonlyArray<{ pos: number; label: string; kind: string }>;
}

/**
 * Shows page numbers and timestamps as small inline labels where a page or turn begins. The
 * label is drawn by CSS (`content: attr(data-label)`) on an empty, non-editable widget, so it
 * adds no text: selections, copying and code-point offsets are unaffected.
 */
export const SourceMarkers = Extension.create<SourceMarkersOptions>({
  name: 'sourceMarkers',

  addOptions() {
    return { markers: [] };
  },

  addProseMirrorPlugins() {
    const { markers } = this.options;
    return [
      new Plugin({
        key: sourceMarkersKey,
        state: {
          init: (_, state) => {
            const sorted = [...markers].sort((a, b) => a.pos - b.pos);
            const make = (m: (typeof markers)[number], pos: number) =>
              Decoration.widget(
                pos,
                () => {
                  const el = document.createElement('span');
                  el.className = `gw-marker gw-marker--${m.kind}`;
                  el.dataset.label = m.label;
                  el.contentEditable = 'false';
                  el.setAttribute('aria-hidden', 'true');
                  return el;
                },
                { side: -1, ignoreSelection: true, key: `${m.kind}-${m.pos}-${m.label}` },
              );
            // One small set per paragraph (linear), not one scan of every marker per paragraph.
            return joinParagraphSets(paragraphSetsAt(state.doc, sorted, make), () =>
              DecorationSet.create(
                state.doc,
                sorted.map((m) => make(m, m.pos)),
              ),
            );
          },
          apply: (tr, set) => set.map(tr.mapping, tr.doc),
        },
        props: {
          decorations(state) {
            return sourceMarkersKey.getState(state);
          },
        },
      }),
    ];
  },
});
