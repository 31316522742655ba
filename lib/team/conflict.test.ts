import { describe, expect, it } from 'vitest';

import type { MemoDoc } from '@/lib/coding/memo';

import { changedCodeFields, conflictMessage, mergeCodeFields, mergeMemoDocs, mergeText, VersionConflictError } from './conflict';

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const doc = (...texts: string[]): MemoDoc => ({ type: 'doc', content: texts.map(p) });
const marker = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });

describe('mergeMemoDocs', () => {
  it('puts their version first, then yours, each under a marker naming it', () => {
    expect(mergeMemoDocs(doc('theirs 1', 'theirs 2'), doc('yours'), { theirsBy: 'Ana' })).toEqual({
      type: 'doc',
      content: [marker('Version by Ana:'), p('theirs 1'), p('theirs 2'), marker('Your version:'), p('yours')],
    });
  });
  it('merges equal documents to one and an appended document to the longer one', () => {
    expect(mergeMemoDocs(doc('same'), doc('same'))).toEqual(doc('same'));
    expect(mergeMemoDocs(doc('a'), doc('a', 'b'))).toEqual(doc('a', 'b'));
    expect(mergeMemoDocs(doc('a', 'b'), doc('a'))).toEqual(doc('a', 'b'));
  });
  it('keeps the other side when one is empty', () => {
    expect(mergeMemoDocs({ type: 'doc', content: [] }, doc('yours'))).toEqual(doc('yours'));
    expect(mergeMemoDocs(doc('theirs'), { type: 'doc', content: [] })).toEqual(doc('theirs'));
  });
});

describe('mergeText and code fields', () => {
  it('joins different definitions theirs first, and keeps the longer when one contains the other', () => {
    expect(mergeText('Trust in sellers.', 'Belief in the platform.')).toBe('Trust in sellers.\n\nBelief in the platform.');
    expect(mergeText('Trust', 'Trust in sellers')).toBe('Trust in sellers');
    expect(mergeText('Trust in sellers', 'Trust')).toBe('Trust in sellers');
    expect(mergeText('', 'mine')).toBe('mine');
    expect(mergeText('theirs', '  ')).toBe('theirs');
  });
  it('prefills a code merge with your name and colour and both definitions; lists what differs', () => {
    const theirs = { name: 'platform trust', color: '#111111', definition: 'A', label: 'C1' };
    const yours = { name: 'trust in sellers', color: '#111111', definition: 'B', label: 'C1' };
    expect(mergeCodeFields(theirs, yours)).toEqual({ name: 'trust in sellers', color: '#111111', definition: 'A\n\nB', label: 'C1' });
    expect(changedCodeFields(theirs, yours)).toEqual(['name', 'definition']);
    expect(changedCodeFields(theirs, theirs)).toEqual([]);
  });
});

describe('VersionConflictError', () => {
  it('is a 409 CONFLICT naming the entity and the other writer', () => {
    const error = new VersionConflictError({
      entity: 'storyline',
      entityId: 'p1',
      yours: { baseVersion: 3, value: doc('mine') },
      theirs: { version: 4, value: doc('theirs'), byName: 'Ana', at: '2026-01-01T00:00:00.000Z' },
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.userMessage).toBe(conflictMessage(error.conflict));
    expect(error.userMessage).toBe('Someone else changed this storyline while you were editing (Ana saved version 4).');
  });
});
