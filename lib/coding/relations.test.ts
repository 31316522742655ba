import { describe, expect, it } from 'vitest';

import { DEMO_RELATIONS } from '@/prisma/seed/demo-content';

import { PARADIGM_TYPES, relationLabel, relationLabelOf, relationReading } from './relations';

describe('relationReading', () => {
  it('puts the article that agrees with the phrase', () => {
    expect(relationReading('intervening-condition')).toBe('an intervening condition of');
    expect(relationReading('causal-condition')).toBe('a causal condition of');
    expect(relationReading('consequence')).toBe('a consequence of');
    expect(relationReading('strategy')).toBe('a strategy for');
    expect(relationReading('context')).toBe('the context of');
  });
});

describe('relation labels', () => {
  it('never show a stored type key with its hyphen', () => {
    for (const type of PARADIGM_TYPES) expect(relationLabel({ type, customType: '' })).not.toMatch(/-/);
    expect(relationLabelOf({ type: 'intervening-condition', customType: '' })).toBe('intervening condition of');
    expect(relationLabelOf({ type: 'custom', customType: 'is captured by' })).toBe('is captured by');
    expect(relationLabelOf({ type: 'legacy-type', customType: '' })).toBe('legacy-type');
  });

  it('label every demo relation in words', () => {
    for (const r of DEMO_RELATIONS) {
      const label = relationLabel({ type: r.type, customType: r.customType ?? '' });
      expect(label, `${r.from} → ${r.to}`).not.toMatch(/causal-condition|intervening-condition/);
    }
    expect(DEMO_RELATIONS.some((r) => r.type === 'intervening-condition')).toBe(true);
  });
});
