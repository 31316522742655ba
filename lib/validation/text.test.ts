import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ZCreateCodeSchema, ZUpdateCodeSchema } from './coding';
import { ZRelationSchema, ZReplaceRelationSchema } from './hierarchy';
import { ZCreateProjectSchema, ZProjectSettingsSchema, ZUpdateProjectSchema } from './project';
import { ZPasteSourceSchema, ZSourceDetailsSchema, ZUpdateSourceSchema } from './source';
import { charCount, deepTextProblem, shortenDerived, TEXT_MESSAGES, textProblem, updateSchema, ZText } from './text';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('textProblem', () => {
  it('accepts ordinary text, astral characters (valid surrogate pairs) and other scripts', () => {
    for (const ok of ['trust', 'Vertrauen in die Plattform', '信任🙂', 'e\u0301', 'a\tb\nc']) expect(textProblem(ok)).toBeNull();
  });

  it('refuses lone surrogates (high, low, reversed pair) and NUL', () => {
    expect(textProblem('a\ud800')).toBe(TEXT_MESSAGES.surrogate);
    expect(textProblem('\udc00b')).toBe(TEXT_MESSAGES.surrogate);
    expect(textProblem('\ude00\ud83d')).toBe(TEXT_MESSAGES.surrogate); // 🙂's halves in the wrong order
    expect(textProblem('a\u0000b')).toBe(TEXT_MESSAGES.nul);
  });

  it('refuses line breaks and controls only in single-line text', () => {
    expect(textProblem('a\nb', { singleLine: true })).toBe(TEXT_MESSAGES.control);
    expect(textProblem('a\u0085b', { singleLine: true })).toBe(TEXT_MESSAGES.control);
    expect(textProblem('a\u2028b', { singleLine: true })).toBe(TEXT_MESSAGES.control);
    expect(textProblem('a\u0007b')).toBeNull();
  });

  it('counts characters as code points', () => {
    expect(charCount('🙂🙂')).toBe(2);
    expect('🙂🙂'.length).toBe(4);
  });
});

describe('ZText', () => {
  const ZName = ZText({ max: 5, required: 'Name it.', singleLine: true, label: 'The name' });

  it('trims, normalises names to NFC and counts emoji once', () => {
    expect(ZName.parse('  Cafe\u0301 ')).toBe('Café');
    expect(ZName.parse('Café')).toBe(ZName.parse('Cafe\u0301'));
    expect(ZName.parse('🙂🙂🙂🙂🙂')).toBe('🙂🙂🙂🙂🙂');
  });

  it('refuses a too-long value with the limit and the length named, never cuts it', () => {
    expect(messages(ZName.safeParse('abcdef'))).toEqual(['Use at most 5 characters (this has 6).']);
    expect(messages(ZName.safeParse(''))).toEqual(['Name it.']);
  });

  it('names the field and the problem for broken text', () => {
    expect(messages(ZName.safeParse('x\ud800'))).toEqual([`The name ${TEXT_MESSAGES.surrogate}`]);
    expect(messages(ZName.safeParse('x\u0000'))).toEqual([`The name ${TEXT_MESSAGES.nul}`]);
    expect(messages(ZName.safeParse('x\ny'))).toEqual([`The name ${TEXT_MESSAGES.control}`]);
  });

  it('keeps long text as typed apart from trimming (no NFC: quotes stay verbatim)', () => {
    const ZLong = ZText({ max: 100 });
    expect(ZLong.parse(' line 1\nCafe\u0301 ')).toBe('line 1\nCafe\u0301');
    expect(ZLong.safeParse('x\u0000').success).toBe(false);
  });
});

describe('deepTextProblem', () => {
  it('finds a bad string at any depth, in values and keys', () => {
    expect(deepTextProblem({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }] })).toBeNull();
    expect(deepTextProblem({ content: [{ content: [{ text: 'bad\ud800' }] }] })).toBe(TEXT_MESSAGES.surrogate);
    expect(deepTextProblem({ ['k\u0000']: 1 })).toBe(TEXT_MESSAGES.nul);
    expect(deepTextProblem([1, null, true, 'fine'])).toBeNull();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(deepTextProblem(deep)).toBe(TEXT_MESSAGES.nul);
  });
});

describe('update schemas change only the fields sent', () => {
  it('updateSchema refuses a field with a default, since .partial() would keep it', () => {
    expect(() => updateSchema({ description: z.string().default('') })).toThrow(/description/);
    expect(() => updateSchema({ description: z.string().optional() })).toThrow(/description/);
  });

  it('project: a rename leaves the description out; {} and unknown fields alone are refused', () => {
    expect(ZUpdateProjectSchema.parse({ name: 'renamed only' })).toEqual({ name: 'renamed only' });
    expect(ZUpdateProjectSchema.parse({ description: 'new' })).toEqual({ description: 'new' });
    expect(messages(ZUpdateProjectSchema.safeParse({}))).toEqual(['Nothing to update: send at least one of name, description, corePrefix, language.']);
    expect(ZUpdateProjectSchema.safeParse({ nmae: 'typo' }).success).toBe(false);
    expect(ZUpdateProjectSchema.parse({ language: 'zh' })).toEqual({ language: 'zh' });
    expect(messages(ZUpdateProjectSchema.safeParse({ language: 'klingon' }))).toEqual(['Choose a language from the list.']);
    // Create and settings (all fields sent) still default / require as before.
    expect(ZCreateProjectSchema.parse({ name: 'P' })).toEqual({ name: 'P', description: '' });
    expect(ZProjectSettingsSchema.safeParse({ name: 'P', corePrefix: 'K' }).success).toBe(false);
  });

  it('source: a PATCH of the title keeps folder, year and people', () => {
    expect(ZUpdateSourceSchema.parse({ title: 'New title' })).toEqual({ title: 'New title' });
    expect(ZUpdateSourceSchema.parse({ folderId: null })).toEqual({ folderId: null });
    expect(ZUpdateSourceSchema.safeParse({}).success).toBe(false);
    expect(ZSourceDetailsSchema.parse({ title: 'T', kind: 'interview' })).toMatchObject({ folderId: null, authors: '', year: null });
  });

  it('code: only the fields sent; {} refused', () => {
    expect(ZUpdateCodeSchema.parse({ name: 'trust' })).toEqual({ name: 'trust' });
    expect(ZUpdateCodeSchema.safeParse({}).success).toBe(false);
    expect(ZCreateCodeSchema.parse({ name: 'trust' })).toEqual({ name: 'trust', definition: '' });
  });

  it('relation: a replacement must send the evidence list (no default that would erase it)', () => {
    const relation = { fromId: 'a', toId: 'b', type: 'context', customType: '' };
    expect(ZRelationSchema.parse(relation).evidenceCodingIds).toEqual([]);
    expect(ZReplaceRelationSchema.safeParse(relation).success).toBe(false);
    expect(ZReplaceRelationSchema.parse({ ...relation, evidenceCodingIds: ['k1'] }).evidenceCodingIds).toEqual(['k1']);
  });
});

describe('the shared guard in every schema', () => {
  it('refuses broken text in names, descriptions, code names and pasted text', () => {
    expect(ZCreateProjectSchema.safeParse({ name: 'P\ud800' }).success).toBe(false);
    expect(ZCreateProjectSchema.safeParse({ name: 'P', description: 'd\u0000' }).success).toBe(false);
    expect(ZCreateCodeSchema.safeParse({ name: '\udc00' }).success).toBe(false);
    expect(ZPasteSourceSchema.safeParse({ title: 'T', kind: 'interview', text: 'text\u0000' }).success).toBe(false);
  });

  it('refuses a 10,000-character code name with the limit named instead of cutting it to 200', () => {
    const result = ZCreateCodeSchema.safeParse({ name: 'x'.repeat(10_000) });
    expect(messages(result)).toEqual(['Use at most 200 characters (this has 10,000).']);
    expect(ZCreateCodeSchema.parse({ name: '🙂'.repeat(200) }).name).toBe('🙂'.repeat(200));
    // Whitespace runs still collapse, as for in-vivo names from a selection.
    expect(ZCreateCodeSchema.parse({ name: '  trust\n  the   platform ' }).name).toBe('trust the platform');
  });

  it('puts code and project names in NFC, so composed and decomposed spellings are one name', () => {
    expect(ZCreateCodeSchema.parse({ name: 'Re\u0301sume\u0301' }).name).toBe('Résumé');
    expect(ZCreateProjectSchema.parse({ name: 'Cafe\u0301' }).name).toBe('Café');
  });
});

describe('shortenDerived', () => {
  it('keeps short text, and cuts long text at code points with an ellipsis, never inside an emoji', () => {
    expect(shortenDerived('interview', 300)).toBe('interview');
    const title = `${'x'.repeat(298)}😀😀tail`;
    const cut = shortenDerived(title, 300);
    expect([...cut]).toHaveLength(300);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(textProblem(cut)).toBeNull();
    expect(shortenDerived('a😀b', 2)).toBe('a…');
    expect(shortenDerived('😀😀', 2)).toBe('😀😀');
  });
});
