import { describe, expect, it } from 'vitest';

import { formatTimestamp, sourceMarkers } from './markers';

describe('sourceMarkers', () => {
  it('marks transcript turns with their start time', () => {
    expect(
      sourceMarkers({ turns: [{ speaker: 'B', startMs: 83_456, endMs: 90_000, start: 20, end: 30 }, { speaker: 'A', startMs: 0, endMs: 5000, start: 0, end: 19 }] }),
    ).toEqual([
      { start: 0, label: '0:00', kind: 'time' },
      { start: 20, label: '1:23', kind: 'time' },
    ]);
  });

  it('marks pages only when there is more than one', () => {
    expect(sourceMarkers({ pages: [{ page: 1, start: 0, end: 5 }] })).toEqual([]);
    expect(sourceMarkers({ pages: [{ page: 1, start: 0, end: 5 }, { page: 2, start: 6, end: 9 }] }).map((m) => m.label)).toEqual(['p. 1', 'p. 2']);
    expect(sourceMarkers({})).toEqual([]);
  });
});

describe('formatTimestamp', () => {
  it('formats minutes and hours', () => {
    expect(formatTimestamp(83_456)).toBe('1:23');
    expect(formatTimestamp(3_683_000)).toBe('1:01:23');
  });
});
