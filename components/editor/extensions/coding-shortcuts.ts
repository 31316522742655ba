import { Extension } from '@tiptap/core';

/**
 * What the coding shortcuts do; each returns true when it handled the key. Read through a
 * getter at key time, so a React component can pass fresh callbacks without recreating the
 * editor.
 */
export interface CodingShortcutHandlers {
  /** Mod-K or C: open the code picker on the selection. */
  openPicker(): boolean;
  /** L: code the selection with the last-used code. */
  applyLastCode(): boolean;
  /** V: create an in-vivo code from the selected words. */
  inVivo(): boolean;
  /** N or ]: next coding. */
  next(): boolean;
  /** P or [: previous coding. */
  previous(): boolean;
  /** Enter: show the codings under the caret (or confirm an adjustment). */
  enter(): boolean;
  /** Escape: close what is open. */
  escape(): boolean;
  /** Mod-Z: undo the last coding action. */
  undo(): boolean;
  /** Mod-Shift-Z or Mod-Y: redo. */
  redo(): boolean;
}

/** Options of {@link CodingShortcuts}. */
export interface CodingShortcutsOptions {
  getHandlers: () => Partial<CodingShortcutHandlers>;
}

/**
 * Keyboard shortcuts of the coding workbench. Single letters are safe here: the source text is
 * read-only, so letters typed into it do nothing else, and they only act while the text has
 * focus (WCAG 2.1.4 allows single-key shortcuts that are active only on focus). Mod-K is the
 * familiar "command" key for the picker.
 *
 * @example
 * CodingShortcuts.configure({ getHandlers: () => handlersRef.current })
 */
export const CodingShortcuts = Extension.create<CodingShortcutsOptions>({
  name: 'codingShortcuts',

  addOptions() {
    return { getHandlers: () => ({}) };
  },

  addKeyboardShortcuts() {
    const call = (name: keyof CodingShortcutHandlers) => () => this.options.getHandlers()[name]?.() ?? false;
    return {
      'Mod-k': call('openPicker'),
      c: call('openPicker'),
      l: call('applyLastCode'),
      v: call('inVivo'),
      n: call('next'),
      ']': call('next'),
      p: call('previous'),
      '[': call('previous'),
      Enter: call('enter'),
      Escape: call('escape'),
      'Mod-z': call('undo'),
      'Mod-Shift-z': call('redo'),
      'Mod-y': call('redo'),
    };
  },
});
