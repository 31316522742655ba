import { describe, expect, it } from 'vitest';

import { mentionQuery, triggersMention } from './mention-trigger';

describe('triggersMention', () => {
  it('triggers at the start, after spaces, brackets and any punctuation', () => {
    for (const before of ['', 'see ', 'see (', '"', '，', '见（', '。', '—', '\n']) expect(triggersMention(before), JSON.stringify(before)).toBe(true);
  });
  it('triggers after CJK characters, which have no spaces between words', () => {
    expect(triggersMention('请看')).toBe(true);
    expect(triggersMention('日本語')).toBe(true);
  });
  it('stays literal inside e-mail addresses and identifiers', () => {
    for (const before of ['ana', 'user_1', 'a.b', 'x+', 'ü', '7']) expect(triggersMention(before), before).toBe(false);
  });
});

describe('mentionQuery', () => {
  it('returns the text typed after a triggering @', () => {
    expect(mentionQuery('见（@物流')).toEqual({ query: '物流', at: 2 });
    expect(mentionQuery('(@Trust in')).toEqual({ query: 'Trust in', at: 1 });
    expect(mentionQuery('@')).toEqual({ query: '', at: 0 });
  });
  it('ignores e-mail addresses, finished lines and over-long queries', () => {
    expect(mentionQuery('mail ana@exa')).toBeNull();
    expect(mentionQuery('@Trust\nnext')).toBeNull();
    expect(mentionQuery(`@${'x'.repeat(41)}`)).toBeNull();
    expect(mentionQuery('no at sign')).toBeNull();
  });
});
