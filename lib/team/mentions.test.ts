import { describe, expect, it } from 'vitest';

import { commentToPlainText, extractMentionIds, insertMention, mentionToken, parseComment, scopeCommentMentions, typedMention } from './mentions';

describe('comment mentions', () => {
  it('parses member and code tokens between text, and leaves malformed tokens as text', () => {
    const body = 'Ask @[Ana Silva](user:u1) about @[B2 Risk](code:c_2)! @[broken](team:x) @[x](user:bad id)';
    expect(parseComment(body)).toEqual([
      { type: 'text', text: 'Ask ' },
      { type: 'mention', kind: 'user', id: 'u1', label: 'Ana Silva' },
      { type: 'text', text: ' about ' },
      { type: 'mention', kind: 'code', id: 'c_2', label: 'B2 Risk' },
      { type: 'text', text: '! @[broken](team:x) @[x](user:bad id)' },
    ]);
    expect(parseComment('')).toEqual([]);
  });

  it('extracts distinct ids per kind in order of first mention', () => {
    expect(extractMentionIds('@[A](user:u2) @[B](code:c1) @[A](user:u2) @[C](user:u1)')).toEqual({ users: ['u2', 'u1'], codes: ['c1'] });
    expect(extractMentionIds('mail ana@example.org')).toEqual({ users: [], codes: [] });
  });

  it('cleans labels so a "]" or line break cannot end the token early', () => {
    const token = mentionToken({ kind: 'code', id: 'c1', label: 'Odd ] name\nhere' });
    expect(token).toBe('@[Odd name here](code:c1)');
    expect(parseComment(token)).toEqual([{ type: 'mention', kind: 'code', id: 'c1', label: 'Odd name here' }]);
  });

  it('renders plain text and drops mentions outside the project to plain @label', () => {
    const body = 'See @[Trust](code:c1) and @[Eve](user:u9)';
    expect(commentToPlainText(body)).toBe('See @Trust and @Eve');
    expect(scopeCommentMentions(body, (m) => m.kind === 'code')).toBe('See @[Trust](code:c1) and @Eve');
  });

  it('inserts a mention at the caret using the trigger rule', () => {
    expect(insertMention('Ask @an', 7, { kind: 'user', id: 'u1', label: 'Ana' })).toEqual({ text: 'Ask @[Ana](user:u1) ', caret: 20 });
    expect(insertMention('见（@物流 later', 5, { kind: 'code', id: 'c1', label: '物流' })).toEqual({ text: '见（@[物流](code:c1)  later', caret: 17 });
    // An e-mail address never opens a mention.
    expect(insertMention('ana@ex', 6, { kind: 'user', id: 'u1', label: 'Ana' })).toBeNull();
  });

  it('does not treat text typed after a finished token as a new mention', () => {
    const text = 'Ask @[Ana](user:u1) hello';
    expect(typedMention(text, text.length)).toBeNull();
    expect(typedMention(`${text} @Tr`, text.length + 4)).toEqual({ query: 'Tr', at: text.length + 1 });
  });
});
