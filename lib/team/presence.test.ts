import { describe, expect, it } from 'vitest';

import {
  applyPresenceSignal,
  expirePresence,
  initials,
  othersOnSource,
  parsePresenceSignal,
  PRESENCE_TTL_MS,
  presenceMode,
  presenceSnapshot,
  type PresenceRegistry,
  type PresenceSignal,
} from './presence';

const beat = (clientId: string, userId: string, name: string, sourceId: string | null, mode: 'viewing' | 'coding' = 'viewing'): PresenceSignal => ({
  kind: 'beat',
  projectId: 'p1',
  clientId,
  userId,
  name,
  sourceId,
  mode,
});

describe('presence registry', () => {
  it('tracks who views and who codes each source, one person per user across tabs', () => {
    const reg: PresenceRegistry = new Map();
    applyPresenceSignal(reg, beat('t1', 'u1', 'Ana Bell', 's1', 'viewing'), 0);
    applyPresenceSignal(reg, beat('t2', 'u1', 'Ana Bell', 's1', 'coding'), 0);
    applyPresenceSignal(reg, beat('t3', 'u2', 'Ben Cho', 's1', 'viewing'), 0);
    applyPresenceSignal(reg, beat('t4', 'u3', 'Cai Li', null), 0);
    const snap = presenceSnapshot(reg.get('p1')!.values(), 1000);
    expect(snap.online.map((p) => p.name)).toEqual(['Ana Bell', 'Ben Cho', 'Cai Li']);
    expect(snap.sources.s1.coding).toEqual([{ userId: 'u1', name: 'Ana Bell' }]);
    expect(snap.sources.s1.viewing).toEqual([{ userId: 'u2', name: 'Ben Cho' }]);
    expect(Object.keys(snap.sources)).toEqual(['s1']);
    expect(othersOnSource(snap, 's1', 'u2')).toEqual([{ userId: 'u1', name: 'Ana Bell', mode: 'coding' }]);
    expect(othersOnSource(snap, 's9', 'u2')).toEqual([]);
  });

  it('reports a change only when what others see changes', () => {
    const reg: PresenceRegistry = new Map();
    expect(applyPresenceSignal(reg, beat('t1', 'u1', 'Ana', 's1'), 0)).toBe(true);
    expect(applyPresenceSignal(reg, beat('t1', 'u1', 'Ana', 's1'), 15_000)).toBe(false);
    expect(applyPresenceSignal(reg, beat('t1', 'u1', 'Ana', 's1', 'coding'), 16_000)).toBe(true);
    expect(applyPresenceSignal(reg, beat('t1', 'u1', 'Ana', 's2', 'coding'), 17_000)).toBe(true);
    expect(applyPresenceSignal(reg, { kind: 'leave', projectId: 'p1', clientId: 't1' }, 18_000)).toBe(true);
    expect(reg.has('p1')).toBe(false);
    expect(applyPresenceSignal(reg, { kind: 'leave', projectId: 'p1', clientId: 't1' }, 18_000)).toBe(false);
  });

  it('expires clients silent for longer than the TTL, and a heartbeat keeps them', () => {
    const reg: PresenceRegistry = new Map();
    applyPresenceSignal(reg, beat('t1', 'u1', 'Ana', 's1'), 0);
    applyPresenceSignal(reg, beat('t2', 'u2', 'Ben', 's1'), 0);
    applyPresenceSignal(reg, beat('t2', 'u2', 'Ben', 's1'), 30_000);
    expect(expirePresence(reg, PRESENCE_TTL_MS)).toEqual([]);
    expect(expirePresence(reg, PRESENCE_TTL_MS + 1)).toEqual(['p1']);
    expect([...reg.get('p1')!.keys()]).toEqual(['t2']);
    // The snapshot already leaves stale entries out before the sweep runs.
    expect(presenceSnapshot(reg.get('p1')!.values(), 30_000 + PRESENCE_TTL_MS + 1).online).toEqual([]);
    expect(expirePresence(reg, 30_000 + PRESENCE_TTL_MS + 1)).toEqual(['p1']);
    expect(reg.size).toBe(0);
  });
});

describe('presence helpers', () => {
  it('initials', () => {
    expect(initials('Ana Bell')).toBe('AB');
    expect(initials('ana maria bell')).toBe('AB');
    expect(initials('李娜')).toBe('李');
    expect(initials('  ')).toBe('?');
    expect(initials('😀 Smile')).toBe('😀S');
  });

  it('mode: coding while selecting or within a minute of coding', () => {
    expect(presenceMode({ selecting: true, lastCodedAt: null, now: 0 })).toBe('coding');
    expect(presenceMode({ selecting: false, lastCodedAt: null, now: 0 })).toBe('viewing');
    expect(presenceMode({ selecting: false, lastCodedAt: 1000, now: 60_999 })).toBe('coding');
    expect(presenceMode({ selecting: false, lastCodedAt: 1000, now: 61_000 })).toBe('viewing');
  });

  it('parses only well-formed signals', () => {
    expect(parsePresenceSignal(JSON.stringify(beat('t1', 'u1', 'Ana', null)))).toEqual(beat('t1', 'u1', 'Ana', null));
    expect(parsePresenceSignal(JSON.stringify({ kind: 'leave', projectId: 'p1', clientId: 't1' }))).toEqual({ kind: 'leave', projectId: 'p1', clientId: 't1' });
    expect(parsePresenceSignal('not json')).toBeNull();
    expect(parsePresenceSignal(JSON.stringify({ ...beat('t1', 'u1', 'Ana', null), mode: 'editing' }))).toBeNull();
    expect(parsePresenceSignal(JSON.stringify({ ...beat('t1', 'u1', 'Ana', null), projectId: '' }))).toBeNull();
    expect(parsePresenceSignal(JSON.stringify({ ...beat('t1', 'u1', 'Ana', null), sourceId: 5 }))).toBeNull();
  });
});
