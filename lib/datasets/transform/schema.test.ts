import { describe, expect, it } from 'vitest';
import { ZTransformSchema, type Transform } from './schema';

describe('transform schema', () => {
  const ok: Transform[] = [
    { op: 'log', name: 'l', variable: 'x', base: 10, offset: 1, label: 'log of x + 1' },
    { op: 'standardize', name: 'z', variable: 'x' },
    { op: 'center', name: 'c', variable: 'x', group: 'g' },
    { op: 'reverse', name: 'r', variable: 'x', min: 1, max: 7 },
    { op: 'recode', name: 'rc', variable: 'x', rules: [{ from: { min: 1, max: 2 }, to: 1 }, { from: 'a', to: null }], otherwise: 'missing', valueLabels: { '1': 'low' } },
    { op: 'dummy', variable: 'g', reference: 2, prefix: 'grp', names: { '3': 'grp_three' } },
    { op: 'interaction', name: 'i', variables: ['x', 'w'], center: true },
    { op: 'lag', name: 'l1', variable: 'x', entity: 'id', time: 't', k: 2 },
    { op: 'lead', name: 'f1', variable: 'x', entity: 'id', time: 't' },
    { op: 'diff', name: 'd1', variable: 'x', entity: 'id', time: 't' },
    { op: 'scaleScore', name: 's', items: ['a', 'b', 'c'], reversed: ['b'], score: 'sum', minValid: 2, min: 1, max: 5, scaleId: 'sc1' },
  ];
  it('accepts every op and survives a JSON round trip unchanged', () => {
    for (const t of ok) expect(ZTransformSchema.parse(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });
  const issues = (t: unknown) => {
    const r = ZTransformSchema.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('refuses unknown fields (typos in stored recipes)', () => {
    expect(issues({ op: 'standardize', name: 'z', variable: 'x', varaible: 'y' })).toEqual([': Unrecognized key: "varaible"']);
  });
  it('checks new names with the naming rule', () => {
    expect(issues({ op: 'standardize', name: 'z score', variable: 'x' })[0]).toMatch(/^name: 'z score' contains ' '/);
    expect(issues({ op: 'dummy', variable: 'g', reference: 'a', names: { b: '1b' } })[0]).toMatch(/^names.b: '1b' does not start with a letter/);
  });
  it('checks options', () => {
    expect(issues({ op: 'log', name: 'l', variable: 'x', base: -2 })).toEqual(['base: The base must be positive and not 1.']);
    expect(issues({ op: 'log', name: 'l', variable: 'x', offset: Infinity })[0]).toMatch(/^offset: /);
    expect(issues({ op: 'reverse', name: 'r', variable: 'x', min: 5, max: 1 })).toEqual(['max: Give both min and max, with min < max.']);
    expect(issues({ op: 'lag', name: 'l', variable: 'x', entity: 'id', time: 't', k: 0 })).toEqual(['k: k is at least 1.']);
    expect(issues({ op: 'lag', name: 'l', variable: 'x', entity: 'id', time: 't', k: 1.5 })).toEqual(['k: k is a whole number.']);
    expect(issues({ op: 'recode', name: 'r', variable: 'x', rules: [] })).toEqual(['rules: Add at least one rule.']);
    expect(issues({ op: 'recode', name: 'r', variable: 'x', rules: [{ from: {}, to: 1 }] })).toEqual(['rules.0.from: Give min, max or both.']);
    expect(issues({ op: 'scaleScore', name: 's', items: ['a'] })).toEqual(['items: A scale needs at least 2 items.']);
    expect(issues({ op: 'scaleScore', name: 's', items: ['a', 'a'] })).toEqual(['items: An item is listed twice.']);
    expect(issues({ op: 'interaction', name: 'i', variables: ['x'] })[0]).toMatch(/^variables: /);
  });
});
