'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import { codeNameFromSelection } from '@/lib/coding/colors';
import { isPendingId } from '@/lib/coding/workbench-state';
import type { WorkbenchCode } from '@/lib/coding/workbench-types';

import styles from './workbench.module.css';

/** One choice in the picker. */
export type PickerOption =
  | { kind: 'code'; code: WorkbenchCode }
  | { kind: 'create'; name: string }
  | { kind: 'invivo'; name: string };

/**
 * The picker's options for a query: matching codes (exact name, then name prefix, then word
 * prefix, then substring; codebook order within each), then "create a code named <query>" when
 * no code has that name, then "in vivo" from the selected words.
 *
 * @param codes - the codebook, in display order.
 * @param query - what the user typed.
 * @param selectedText - the selected words (for in-vivo), '' for none.
 * @param lastCodeId - listed first when the query is empty.
 * @returns the options, in display order.
 */
export function pickerOptions(codes: readonly WorkbenchCode[], query: string, selectedText: string, lastCodeId: string | null): PickerOption[] {
  const q = query.trim().toLocaleLowerCase();
  const ranked: { code: WorkbenchCode; rank: number; i: number }[] = [];
  codes.forEach((code, i) => {
    const name = code.name.toLocaleLowerCase();
    let rank = -1;
    if (!q) rank = code.id === lastCodeId ? 0 : 1;
    else if (name === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (name.split(/[\s\-_/]+/u).some((w) => w.startsWith(q))) rank = 2;
    else if (name.includes(q)) rank = 3;
    if (rank >= 0) ranked.push({ code, rank, i });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const options: PickerOption[] = ranked.map(({ code }) => ({ kind: 'code', code }));
  const typed = codeNameFromSelection(query);
  if (typed && !codes.some((c) => c.name.toLocaleLowerCase() === typed.toLocaleLowerCase())) {
    options.push({ kind: 'create', name: typed });
  }
  const inVivo = codeNameFromSelection(selectedText);
  if (inVivo && inVivo.toLocaleLowerCase() !== typed.toLocaleLowerCase()) options.push({ kind: 'invivo', name: inVivo });
  return options;
}

/** Props of {@link CodePicker}. */
export interface CodePickerProps {
  codes: readonly WorkbenchCode[];
  selectedText: string;
  lastCodeId: string | null;
  /** Inside the document's positioned container: below a line (`top`) or above it (`bottom`). */
  position: { top?: number; bottom?: number; left: number };
  onApply(codeId: string): void;
  /** Create a code with this name and apply it to the selection. */
  onCreate(name: string): void;
  onClose(): void;
}

/**
 * Type-ahead code picker (combobox + listbox): ↑/↓ choose, Enter applies, Esc closes. Focus
 * moves to its input when it opens; the caller returns focus to the text when it closes.
 */
export function CodePicker({ codes, selectedText, lastCodeId, position, onApply, onCreate, onClose }: CodePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  const options = useMemo(() => pickerOptions(codes, query, selectedText, lastCodeId), [codes, query, selectedText, lastCodeId]);
  const current = Math.min(active, options.length - 1);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    if (option.kind === 'code') {
      if (!isPendingId(option.code.id)) onApply(option.code.id);
    } else onCreate(option.name);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(Math.min(a, options.length - 1) + 1, options.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(Math.min(a, options.length - 1) - 1, 0));
    else if (e.key === 'Home' && options.length) setActive(0);
    else if (e.key === 'End' && options.length) setActive(options.length - 1);
    else if (e.key === 'Enter') choose(options[current]);
    else if (e.key === 'Escape') onClose();
    else if (e.key === 'Tab') onClose();
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  const optionId = (i: number) => `${listId}-o${i}`;
  return (
    <div
      className={styles.popover}
      style={{ top: position.top, bottom: position.bottom, left: position.left }}
      role="dialog"
      aria-label="Apply a code to the selection"
      data-testid="code-picker"
    >
      <input
        ref={inputRef}
        className={styles.pickerInput}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-label="Search codes or type a new code name"
        placeholder="Search codes or name a new one…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label="Codes" className={styles.pickerList}>
        {options.map((option, i) => {
          const pending = option.kind === 'code' && isPendingId(option.code.id);
          return (
            <li
              key={option.kind === 'code' ? option.code.id : option.kind}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-disabled={pending || undefined}
              className={styles.pickerOption}
              // Keep focus in the input: a click must not blur it before it applies.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(option)}
            >
              {option.kind === 'code' ? (
                <>
                  <span className={styles.swatch} style={{ background: option.code.color }} aria-hidden="true" />
                  <span className={styles.optionName}>{option.code.name}</span>
                  <span className={styles.optionMeta}>
                    {pending ? 'saving…' : option.code.id === lastCodeId ? 'last used' : option.code.segmentCount}
                  </span>
                </>
              ) : (
                <>
                  <span className={styles.optionIcon} aria-hidden="true">
                    +
                  </span>
                  <span className={styles.optionName}>
                    {option.kind === 'create' ? 'Create code ' : 'In vivo: '}
                    <q>{option.name}</q>
                  </span>
                </>
              )}
            </li>
          );
        })}
        {options.length === 0 && <li className={styles.pickerEmpty}>No codes yet — type a name to create one.</li>}
      </ul>
      <p className={styles.pickerHint}>↑↓ choose · Enter apply · Esc close</p>
    </div>
  );
}
