import { describe, expect, it } from 'vitest';

import type { CodeLevel } from '../../lib/coding/hierarchy-types';
import { memoToPlainText, ZMemoDoc } from '../../lib/coding/memo';
import { relationProblem } from '../../lib/coding/relations';
import {
  DEMO_CODES,
  DEMO_CODINGS,
  DEMO_RELATIONS,
  DEMO_SOURCES,
  DEMO_STORYLINE,
  type DemoCoding,
  demoCodeLabels,
  demoCodingKey,
  demoStoryline,
  locate,
} from './demo-content';
import { DEMO_LINKS, demoCaseName } from './demo-mixed';
import { SURVEY_SCALES } from './demo-survey';

const byName = new Map(DEMO_CODES.map((c) => [c.name, c]));
const labels = demoCodeLabels();
const atLevel = (level: CodeLevel) => DEMO_CODES.filter((c) => c.level === level);
const range = (c: DemoCoding) => {
  const source = DEMO_SOURCES.find((s) => s.key === c.source)!;
  return { source: c.source, ...locate(source.text, c.phrase, c.nth) };
};

describe('demo content', () => {
  it('every coding finds its phrase and names a known concept', () => {
    for (const c of DEMO_CODINGS) {
      const source = DEMO_SOURCES.find((s) => s.key === c.source);
      expect(source, c.source).toBeDefined();
      expect(byName.get(c.code)?.level, c.code).toBe(1);
      const { start, end } = locate(source!.text, c.phrase, c.nth);
      expect([...source!.text].slice(start, end).join('')).toBe(c.phrase);
    }
  });

  it('no coder codes the same span with the same code twice', () => {
    const seen = new Set<string>();
    for (const c of DEMO_CODINGS) {
      const r = range(c);
      const key = JSON.stringify([r.source, r.start, r.end, c.code, c.coder]);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('code names are unique and every parent exists exactly one level up', () => {
    expect(byName.size).toBe(DEMO_CODES.length);
    for (const c of DEMO_CODES) {
      expect(c.definition.trim(), c.name).not.toBe('');
      if (c.parent === undefined) continue;
      const parent = byName.get(c.parent);
      expect(parent, `${c.name} → ${c.parent}`).toBeDefined();
      expect(parent!.level, `${c.name} → ${c.parent}`).toBe(c.level + 1);
    }
  });

  it('labels follow the hierarchy table, level by level', () => {
    expect(atLevel(4).map((c) => labels.get(c.name))).toEqual(['CC1', 'CC2']);
    expect(labels.get('trust deficit of the foreign newcomer')).toBe('A1');
    expect(labels.get('anonymity of the foreign seller')).toBe('B1');
    expect(labels.get('buyer suspicion of unknown sellers')).toBe('C1');
    // Concepts are numbered category by category, in the categories' own order.
    const categoryOrder = atLevel(2).map((c) => c.name);
    const placed = atLevel(1).filter((c) => c.parent);
    const ranks = placed.map((c) => categoryOrder.indexOf(c.parent!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Unplaced concepts come last.
    expect(atLevel(1).findIndex((c) => !c.parent)).toBe(placed.length);
  });

  it('has the stated size: sources, levels, codings, unplaced concepts', () => {
    expect(DEMO_SOURCES).toHaveLength(8);
    expect(atLevel(1).length).toBeGreaterThanOrEqual(28);
    expect(atLevel(1).length).toBeLessThanOrEqual(32);
    expect(atLevel(2).length).toBeGreaterThanOrEqual(9);
    expect(atLevel(2).length).toBeLessThanOrEqual(12);
    expect(atLevel(3).length).toBeGreaterThanOrEqual(4);
    expect(atLevel(3).length).toBeLessThanOrEqual(6);
    expect(atLevel(4)).toHaveLength(2);
    expect(DEMO_CODINGS.length).toBeGreaterThanOrEqual(110);
    expect(DEMO_CODINGS.length).toBeLessThanOrEqual(150);
    expect(new Set(DEMO_CODINGS.map((c) => c.coder))).toEqual(new Set(['demo', 'lin']));
    const unplaced = atLevel(1).filter((c) => !c.parent);
    expect(unplaced.length).toBeGreaterThanOrEqual(1);
    expect(unplaced.length).toBeLessThanOrEqual(2);
    // Everything above the concepts is placed, and every category, main and core has children.
    for (const c of DEMO_CODES.filter((c) => c.level > 1)) {
      if (c.level < 4) expect(c.parent, c.name).toBeDefined();
      expect(DEMO_CODES.some((child) => child.parent === c.name), c.name).toBe(true);
    }
    // Every concept is used, every source is coded.
    for (const c of atLevel(1)) expect(DEMO_CODINGS.some((d) => d.code === c.name), c.name).toBe(true);
    for (const s of DEMO_SOURCES) expect(DEMO_CODINGS.some((d) => d.source === s.key), s.key).toBe(true);
  });

  it('has same-span codings by two concepts of one category, and partial overlaps', () => {
    const ranged = DEMO_CODINGS.map((c) => ({ ...c, ...range(c) }));
    const sameSpanSameCategory = ranged.some((a, i) =>
      ranged.some(
        (b, j) =>
          j > i &&
          a.source === b.source &&
          a.start === b.start &&
          a.end === b.end &&
          a.code !== b.code &&
          byName.get(a.code)!.parent !== undefined &&
          byName.get(a.code)!.parent === byName.get(b.code)!.parent,
      ),
    );
    expect(sameSpanSameCategory).toBe(true);
    const partial = ranged.some((a, i) =>
      ranged.some((b, j) => j !== i && a.source === b.source && a.start < b.start && b.start < a.end && a.end < b.end),
    );
    const nested = ranged.some((a, i) =>
      ranged.some((b, j) => j !== i && a.source === b.source && a.start <= b.start && b.end <= a.end && b.end - b.start < a.end - a.start),
    );
    expect(partial || nested).toBe(true);
    expect(nested).toBe(true);
  });

  it('relations join codes of level ≥ 2, use every paradigm type, and cite existing codings', () => {
    expect(DEMO_RELATIONS.length).toBeGreaterThanOrEqual(5);
    expect(DEMO_RELATIONS.length).toBeLessThanOrEqual(8);
    const codingKeys = new Set(DEMO_CODINGS.map(demoCodingKey));
    const asCode = (name: string) => {
      const c = byName.get(name);
      return c && { id: c.name, level: c.level, label: labels.get(c.name)!, name: c.name };
    };
    const seen = new Set<string>();
    for (const r of DEMO_RELATIONS) {
      expect(relationProblem(asCode(r.from), asCode(r.to), { type: r.type, customType: r.customType ?? '' }), `${r.from} → ${r.to}`).toBeNull();
      expect(r.memo.trim()).not.toBe('');
      expect(r.evidence.length, `${r.from} → ${r.to}`).toBeGreaterThan(0);
      for (const e of r.evidence) expect(codingKeys.has(demoCodingKey(e)), JSON.stringify(e)).toBe(true);
      expect(new Set(r.evidence.map(demoCodingKey)).size, `${r.from} → ${r.to}: evidence cited twice`).toBe(r.evidence.length);
      // One row per (from, to, type, customType): the database's unique key.
      const key = JSON.stringify([r.from, r.to, r.type, r.customType ?? '']);
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    const types = new Set(DEMO_RELATIONS.map((r) => r.type));
    for (const t of ['causal-condition', 'context', 'intervening-condition', 'strategy', 'consequence', 'custom'] as const) expect(types.has(t), t).toBe(true);
  });

  it('the storyline mentions known codes, mostly core and main categories, in 150–250 words', () => {
    expect(DEMO_STORYLINE).toHaveLength(3);
    const mentions = DEMO_STORYLINE.flat().flatMap((run) => (typeof run === 'string' ? [] : [run.mention]));
    for (const m of mentions) expect(byName.has(m), m).toBe(true);
    const high = mentions.filter((m) => byName.get(m)!.level >= 3);
    expect(high.length * 2).toBeGreaterThan(mentions.length);
    for (const core of atLevel(4)) expect(mentions).toContain(core.name);

    const ids = new Map(DEMO_CODES.map((c, i) => [c.name, { id: `code${i}`, label: labels.get(c.name)! }]));
    const { doc, text } = demoStoryline(ids);
    expect(doc.content).toHaveLength(3);
    expect(doc.content[0].content).toContainEqual({ type: 'mention', attrs: { id: 'code0', label: 'CC1 substituting for reputation' } });
    expect(text).toContain('@CC1 substituting for reputation');
    // What the storyline editor would store for this document.
    const parsed = ZMemoDoc.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    expect(memoToPlainText(parsed.data!)).toBe(text);
    expect(text.split('\n')).toHaveLength(3);
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(250);
    expect(() => demoStoryline(new Map())).toThrow(/unknown code/);
  });

  it('locate counts code points, so text after an emoji lands right', () => {
    expect(locate('a🙂bc', 'bc')).toEqual({ start: 2, end: 4 });
    expect(() => locate('abc', 'x')).toThrow(/phrase not found/);
  });
});

describe('demo mixed-methods links', () => {
  it('link 4–6 categories (level ≥ 2) to distinct survey scales, each with exemplar quotes to pick from', () => {
    expect(DEMO_LINKS.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_LINKS.length).toBeLessThanOrEqual(6);
    const scales = new Set(SURVEY_SCALES.map((s) => s.name));
    for (const l of DEMO_LINKS) {
      const code = DEMO_CODES.find((c) => c.name === l.code);
      expect(code?.level, l.code).toBeGreaterThanOrEqual(2);
      expect(scales.has(l.scale), l.scale).toBe(true);
      const subtree = new Set([l.code, ...DEMO_CODES.filter((c) => c.parent === l.code).map((c) => c.name)]);
      expect(DEMO_CODINGS.filter((c) => subtree.has(c.code)).length, l.code).toBeGreaterThanOrEqual(l.exemplars);
    }
    expect(new Set(DEMO_LINKS.map((l) => l.scale)).size).toBe(DEMO_LINKS.length);
    expect(new Set(DEMO_LINKS.map((l) => l.inference))).toEqual(new Set(['convergent', 'complementary', 'divergent']));
  });

  it('names cases by the survey’s seller ids, platform managers by their own', () => {
    expect(demoCaseName('S01 (founder, 6 employees)')).toBe('S001');
    expect(demoCaseName('S02（运营总监）')).toBe('S002');
    expect(demoCaseName('P01 (marketplace account manager)')).toBe('P01');
    expect(demoCaseName('Anonymous')).toBeNull();
    const names = DEMO_SOURCES.flatMap((s) => (s.interviewee ? [demoCaseName(s.interviewee)] : []));
    expect(names.filter((n) => n?.startsWith('S')).length).toBeGreaterThanOrEqual(3);
  });
});
