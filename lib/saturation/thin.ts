/**
 * Thin categories: categories (level 2 and up) whose support is narrow — every coding of them
 * or of any code below them comes from one source only, or (in a team with two or more coders)
 * from one coder only. A category with no coding at all is flagged as unsupported.
 */
import type { CodeLevel } from '../coding/hierarchy-types';
import type { SaturationCode, SaturationCoding } from './types';

export type ThinReason = 'one-source' | 'one-coder' | 'no-coding';

export interface ThinCategory {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  sources: number;
  coders: number;
  /** The one source or coder, when there is exactly one. */
  sourceId: string | null;
  coderId: string | null;
  reasons: ThinReason[];
}

/**
 * The thin categories of a hierarchy, highest level first, then by label.
 * @param codings - every coding; a null coder counts as one (unknown) coder.
 */
export function thinCategories(codes: readonly SaturationCode[], codings: readonly SaturationCoding[]): ThinCategory[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const sources = new Map<string, Set<string>>();
  const coders = new Map<string, Set<string | null>>();
  const allCoders = new Set<string | null>();
  for (const c of codings) {
    if (!byId.has(c.codeId)) continue;
    allCoders.add(c.coderId);
    const seen = new Set<string>();
    for (let code = byId.get(c.codeId); code && !seen.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) {
      seen.add(code.id);
      if (code.level < 2) continue;
      if (!sources.has(code.id)) sources.set(code.id, new Set());
      if (!coders.has(code.id)) coders.set(code.id, new Set());
      sources.get(code.id)!.add(c.sourceId);
      coders.get(code.id)!.add(c.coderId);
    }
  }
  const team = allCoders.size >= 2;
  const out: ThinCategory[] = [];
  for (const code of codes) {
    if (code.level < 2) continue;
    const s = sources.get(code.id) ?? new Set<string>();
    const k = coders.get(code.id) ?? new Set<string | null>();
    const reasons: ThinReason[] = [];
    if (s.size === 0) reasons.push('no-coding');
    if (s.size === 1) reasons.push('one-source');
    if (team && k.size === 1) reasons.push('one-coder');
    if (reasons.length === 0) continue;
    out.push({
      id: code.id,
      label: code.label,
      name: code.name,
      level: code.level,
      sources: s.size,
      coders: k.size,
      sourceId: s.size === 1 ? [...s][0] : null,
      coderId: k.size === 1 ? [...k][0] : null,
      reasons,
    });
  }
  return out.sort((a, b) => b.level - a.level || a.label.localeCompare(b.label, undefined, { numeric: true }) || a.name.localeCompare(b.name));
}
