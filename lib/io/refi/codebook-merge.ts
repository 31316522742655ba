/**
 * Merging a .qdc codebook into an existing project's codebook, by name (case- and
 * width-insensitive, as a researcher reads names): a code whose name exists is *merged* (the
 * existing code is kept; an empty definition is filled from the file), the others are *created*
 * at the level the mapping gives them (to-groundwork.ts placeCodes), under their parent when the
 * parent sits exactly one level up.
 */
import { nextLabel } from '../../coding/hierarchy';
import { labelPrefixes, type CodeLevel } from '../../coding/hierarchy-types';
import { flattenCodes, type RefiCodebook } from './model';
import { placeCodes, type LevelMapping } from './to-groundwork';

export type ExistingCode = { id: string; name: string; level: number; label: string; definition: string };

export type CodebookMergePlan = {
  create: Array<{ key: string; name: string; color: string | null; definition: string; level: CodeLevel; label: string; parent: { kind: 'new' | 'existing'; key: string } | null }>;
  merge: Array<{ id: string; name: string; fillDefinition: string | null }>;
  warnings: string[];
};

/** The name as compared when merging. */
export const mergeKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export function planCodebookMerge(codebook: RefiCodebook, existing: readonly ExistingCode[], options: { levelMapping: LevelMapping; corePrefix: string; maxNameLength: number }): CodebookMergePlan {
  const { placed } = placeCodes(codebook.codes, options.levelMapping === 'groundwork' ? 'nesting' : options.levelMapping, null);
  const byKey = new Map(existing.map((c) => [mergeKey(c.name), c]));
  const labels = existing.map((c) => c.label);
  const prefixes = labelPrefixes(options.corePrefix);
  const plan: CodebookMergePlan = { create: [], merge: [], warnings: [] };
  const createdKeys = new Map<string, CodeLevel>();
  const guidToKey = new Map<string, string>();
  let tooLong = 0;
  let detached = 0;
  for (const { code } of flattenCodes(codebook.codes)) {
    const name = code.name.trim().replace(/\s+/g, ' ');
    if (!name || [...name].length > options.maxNameLength) {
      tooLong++;
      continue;
    }
    const key = mergeKey(name);
    guidToKey.set(code.guid, key);
    const found = byKey.get(key);
    if (found) {
      if (!plan.merge.some((m) => m.id === found.id)) plan.merge.push({ id: found.id, name: found.name, fillDefinition: found.definition === '' && code.description !== '' ? code.description : null });
      continue;
    }
    if (createdKeys.has(key)) continue;
    const place = placed.get(code.guid)!;
    let parent: CodebookMergePlan['create'][number]['parent'] = null;
    const parentKey = place.parentGuid ? guidToKey.get(place.parentGuid) : undefined;
    if (parentKey) {
      const existingParent = byKey.get(parentKey);
      const parentLevel = existingParent ? existingParent.level : createdKeys.get(parentKey);
      if (parentLevel === place.level + 1) parent = { kind: existingParent ? 'existing' : 'new', key: existingParent ? existingParent.id : parentKey };
      else detached++;
    }
    const label = nextLabel(place.level, labels, prefixes);
    labels.push(label);
    createdKeys.set(key, place.level);
    plan.create.push({ key, name, color: code.color ?? null, definition: code.description, level: place.level, label, parent });
  }
  if (tooLong) plan.warnings.push(`${tooLong} code(s) without a name or with a name longer than ${options.maxNameLength} characters are skipped.`);
  if (detached) plan.warnings.push(`${detached} new code(s) are not placed under their parent: the existing parent is not one level up.`);
  return plan;
}
