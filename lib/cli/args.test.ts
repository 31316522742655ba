import { describe, expect, it } from 'vitest';
import { CliUsageError, parseArgs } from './args';
import { factorOption } from './stats/ols';

describe('parseArgs', () => {
  it('positionals, values, =values, flags and repeats', () => {
    const a = parseArgs(['stats', 'ols', '--y', 'w', '--x=a,b, c', '--json', '--block', 'a', '--block', 'b,c', '--level', '0.9'], ['json']);
    expect(a.positional).toEqual(['stats', 'ols']);
    expect(a.string('y')).toBe('w');
    expect(a.list('x')).toEqual(['a', 'b', 'c']);
    expect(a.flag('json')).toBe(true);
    expect(a.lists('block')).toEqual([['a'], ['b', 'c']]);
    expect(a.number('level')).toBe(0.9);
  });
  it('usage errors', () => {
    const a = parseArgs(['--y', 'a', '--y', 'b', '--n', 'x', '--se', 'robust', '--z']);
    expect(() => a.string('y')).toThrow(CliUsageError);
    expect(() => a.number('n')).toThrow(/must be a number/);
    expect(() => a.choice('se', ['classic', 'hc1'])).toThrow(/must be one of classic, hc1/);
    expect(() => a.string('z')).toThrow(/needs a value/);
    expect(() => a.string('missing', true)).toThrow(/missing required option --missing/);
  });
  it('--factor NAME[=REF]', () => {
    expect(factorOption(parseArgs(['--factor', 'sector=public,region']))).toEqual({ sector: 'public', region: null });
    expect(() => factorOption(parseArgs(['--factor', 'a=']))).toThrow(CliUsageError);
  });
});
