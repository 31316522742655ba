/**
 * The emergence curve: walking the sources in coding order, which concepts, categories and
 * main categories appear for the first time in each, and how many of each have appeared so far.
 *
 * When does a code "appear"? A concept appears in the first source (in coding order) that has
 * a coding of it. A category or main category appears in the first source that has a coding
 * of it **or of any code below it** in today's hierarchy: a category shows up in the data when
 * the first segment it (now) covers is coded, whether that segment was coded with the category
 * itself or with one of its concepts. So regrouping the hierarchy redraws the curve, which is
 * what a researcher asks ("when did the evidence for B4 first turn up?"). Codes never coded
 * (directly or below) do not appear. Core categories are left out of the curve.
 *
 * For Guest et al.'s metrics the unit is the code as applied: each source's set of codes it
 * was coded with directly (any level), see {@link newCodesPerSource}.
 */
import type { SaturationCode, SaturationCoding, EmergenceLevel } from './types';

export interface EmergencePoint {
  /** 1-based position in the coding order. */
  position: number;
  sourceId: string;
  /** Ids of codes first appearing in this source, per level. */
  added: Record<EmergenceLevel, string[]>;
  /** How many codes of each level have appeared up to and including this source. */
  cumulative: Record<EmergenceLevel, number>;
}

/** Each code's ancestors at the curve's levels, itself included (safe on parent cycles). */
function countedFor(codes: readonly SaturationCode[]): Map<string, string[]> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string[]>();
  for (const code of codes) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let c: SaturationCode | undefined = code; c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
      seen.add(c.id);
      if (c.level <= 3) chain.push(c.id);
    }
    out.set(code.id, chain);
  }
  return out;
}

/**
 * The emergence curve over sources in coding order.
 * @param orderedSourceIds - the coding order (see codingOrder).
 * @param codes - today's hierarchy.
 * @param codings - every coding; codings of other sources or unknown codes are ignored.
 * @returns one point per source, in order.
 */
export function emergence(orderedSourceIds: readonly string[], codes: readonly SaturationCode[], codings: readonly SaturationCoding[]): EmergencePoint[] {
  const levelOf = new Map(codes.map((c) => [c.id, c.level]));
  const counted = countedFor(codes);
  const codesBySource = new Map<string, Set<string>>();
  for (const c of codings) {
    const chain = counted.get(c.codeId);
    if (!chain) continue;
    let set = codesBySource.get(c.sourceId);
    if (!set) codesBySource.set(c.sourceId, (set = new Set()));
    for (const id of chain) set.add(id);
  }
  const seen = new Set<string>();
  const cumulative: Record<EmergenceLevel, number> = { 1: 0, 2: 0, 3: 0 };
  return orderedSourceIds.map((sourceId, i) => {
    const added: Record<EmergenceLevel, string[]> = { 1: [], 2: [], 3: [] };
    for (const id of codesBySource.get(sourceId) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const level = levelOf.get(id) as EmergenceLevel;
      added[level].push(id);
      cumulative[level]++;
    }
    return { position: i + 1, sourceId, added, cumulative: { ...cumulative } };
  });
}

/**
 * The unit of Guest et al.'s metrics: per source in coding order, the distinct codes (any
 * level) it was coded with directly.
 */
export function codesPerSource(orderedSourceIds: readonly string[], codes: readonly SaturationCode[], codings: readonly SaturationCoding[]): string[][] {
  const known = new Set(codes.map((c) => c.id));
  const bySource = new Map<string, Set<string>>();
  for (const c of codings) {
    if (!known.has(c.codeId)) continue;
    let set = bySource.get(c.sourceId);
    if (!set) bySource.set(c.sourceId, (set = new Set()));
    set.add(c.codeId);
  }
  return orderedSourceIds.map((id) => [...(bySource.get(id) ?? [])]);
}

/** How many codes each source adds that no earlier source had. */
export function newCodesPerSource(perSource: readonly (readonly string[])[]): number[] {
  const seen = new Set<string>();
  return perSource.map((codes) => {
    let n = 0;
    for (const c of codes) {
      if (seen.has(c)) continue;
      seen.add(c);
      n++;
    }
    return n;
  });
}
