import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Key of the plugin that keeps the document unchanged. */
export const readOnlySourceKey = new PluginKey('readOnlySource');

/**
 * Keeps the source text exactly as stored while the editor stays `editable`: a caret, keyboard
 * selection (Shift+arrows), focus and keyboard shortcuts need an editable view, but offsets are
 * defined on the stored text, so no transaction may change the document.
 *
 * Two layers: input is stopped before the browser edits the DOM (beforeinput, key presses,
 * paste, drop), and `filterTransaction` refuses every document change that gets through anyway
 * (IME composition cannot be cancelled); ProseMirror then redraws the touched paragraph from
 * the unchanged state. Selection-only and metadata transactions (decorations) pass.
 *
 * @example
 * new Editor({ extensions: [...sourceSchema, ReadOnlySource], content })
 */
export const ReadOnlySource = Extension.create({
  name: 'readOnlySource',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlySourceKey,
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': 'true', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' },
          handleKeyPress: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              // Cancelable input (typing, deleting, pasting, formatting) never reaches the DOM.
              if (event.cancelable) event.preventDefault();
              return event.cancelable;
            },
          },
        },
      }),
    ];
  },
});
