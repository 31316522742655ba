import { describe, expect, it } from 'vitest';

import { parseThreadKey, threadKey, unreadByThread } from './comment-unread';

const t = (minute: number) => new Date(Date.UTC(2026, 11, 6, 8, minute));
const c = (thread: string, authorId: string | null, minute: number, mentioned: string[] = []) => ({ thread, authorId, createdAt: t(minute), mentionedUserIds: mentioned });

describe('unreadByThread', () => {
  it('counts others’ comments after the read mark in threads the member follows', () => {
    const comments = [
      c('code:a', 'me', 1),
      c('code:a', 'ana', 2),
      c('code:a', 'ana', 5),
      c('code:b', 'ana', 3, ['me']), // mentioned: followed, no mark yet
      c('code:b', null, 4), // a former member's comment counts too
      c('code:c', 'ana', 6), // never touched: not counted
      c('code:d', 'ana', 1),
      c('code:d', 'bo', 9),
    ];
    const reads = new Map([
      ['code:a', t(2)],
      ['code:d', t(10)],
    ]);
    expect(unreadByThread(comments, reads, 'me')).toEqual(
      new Map([
        ['code:a', 1],
        ['code:b', 2],
      ]),
    );
  });

  it('never counts the member’s own comments', () => {
    expect(unreadByThread([c('code:a', 'me', 1, ['me'])], new Map(), 'me').size).toBe(0);
  });
});

describe('thread keys', () => {
  it('round-trips and refuses malformed keys', () => {
    expect(parseThreadKey(threadKey('relation', 'r1'))).toEqual({ targetType: 'relation', targetId: 'r1' });
    expect(parseThreadKey('nokey')).toBeNull();
    expect(parseThreadKey(':x')).toBeNull();
    expect(parseThreadKey('code:')).toBeNull();
  });
});
