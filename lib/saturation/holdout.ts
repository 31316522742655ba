/**
 * The hold-out saturation test. The team marks sources as a test set before coding them; the
 * app stores a snapshot of the hierarchy (codes and relations) at that moment. Once they are
 * coded, this compares the hierarchy now with the snapshot:
 *
 * - a **new code** is one whose id is not in the snapshot; it is attributed to the first test
 *   source (in coding order) with a coding of it or of a code below it (the same rule as the
 *   emergence curve). New codes with no such coding came from elsewhere (regrouping, or coding
 *   of sources outside the test set) and are listed apart, not counted in the verdict;
 * - a **new relation** is one whose (from, to, type, custom type) is not in the snapshot; it
 *   is attributed to the first test source among its evidence, else listed apart;
 * - a new concept whose category existed at the snapshot was **absorbed** into that category;
 * - a test source with codings older than the snapshot is flagged: it was not held out.
 *
 * {@link holdOutVerdict} writes the sentence for a methods section.
 */
import { LEVEL_NAME, LEVEL_PLURAL, type CodeLevel } from '../coding/hierarchy-types';
import type { SaturationCode, SaturationCoding, SaturationRelation, SaturationSource } from './types';

/** The stored snapshot (SaturationSnapshot: codes, relations and sourceIds as JSON). */
export interface SnapshotData {
  createdAt: string;
  codes: SaturationCode[];
  relations: Array<Pick<SaturationRelation, 'id' | 'fromId' | 'toId' | 'type' | 'customType'>>;
  /** The test set when the snapshot was taken. */
  sourceIds: string[];
}

export interface HoldOutCode {
  id: string;
  label: string;
  name: string;
  level: CodeLevel;
  /** The code it sits under now, if any. */
  parent: { id: string; label: string; name: string } | null;
  /** Whether that parent existed at the snapshot (a new concept there was absorbed). */
  parentExisted: boolean;
}

export interface HoldOutRelation {
  id: string;
  from: { id: string; label: string; name: string };
  to: { id: string; label: string; name: string };
  type: string;
  customType: string;
}

export interface HoldOutSourceReport {
  sourceId: string;
  title: string;
  kind: string;
  coded: boolean;
  /** Coded (in part) before the snapshot was taken. */
  codedBeforeSnapshot: boolean;
  newCodes: HoldOutCode[];
  newRelations: HoldOutRelation[];
}

export interface HoldOutReport {
  snapshotAt: string;
  sources: HoldOutSourceReport[];
  /** New since the snapshot but not from a test source. */
  elsewhere: { codes: HoldOutCode[]; relations: HoldOutRelation[] };
  verdict: string;
}

const relationKey = (r: Pick<SaturationRelation, 'fromId' | 'toId' | 'type' | 'customType'>) => JSON.stringify([r.fromId, r.toId, r.type, r.customType]);

/**
 * Compares the hierarchy now with the snapshot, per test source.
 * @param options.testSources - the test sources in coding order.
 */
export function holdOutReport(options: {
  snapshot: SnapshotData;
  testSources: readonly SaturationSource[];
  codes: readonly SaturationCode[];
  relations: readonly SaturationRelation[];
  codings: readonly SaturationCoding[];
}): HoldOutReport {
  const { snapshot, testSources, codes, relations, codings } = options;
  const byId = new Map(codes.map((c) => [c.id, c]));
  const before = new Set(snapshot.codes.map((c) => c.id));
  const beforeRelations = new Set(snapshot.relations.map(relationKey));
  const position = new Map(testSources.map((s, i) => [s.id, i]));

  // The first test source (index) in which each code, or a code below it, is coded.
  const firstTest = new Map<string, number>();
  const codedBefore = new Set<string>();
  const codedSources = new Set<string>();
  for (const c of codings) {
    const at = position.get(c.sourceId);
    if (at === undefined) continue;
    codedSources.add(c.sourceId);
    if (c.createdAt !== undefined && c.createdAt < snapshot.createdAt) codedBefore.add(c.sourceId);
    const seen = new Set<string>();
    for (let code = byId.get(c.codeId); code && !seen.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) {
      seen.add(code.id);
      const prev = firstTest.get(code.id);
      if (prev === undefined || at < prev) firstTest.set(code.id, at);
    }
  }

  const brief = (id: string) => {
    const c = byId.get(id);
    return c ? { id: c.id, label: c.label, name: c.name } : { id, label: '', name: '(deleted code)' };
  };
  const describe = (c: SaturationCode): HoldOutCode => ({
    id: c.id,
    label: c.label,
    name: c.name,
    level: c.level,
    parent: c.parentId && byId.has(c.parentId) ? brief(c.parentId) : null,
    parentExisted: c.parentId !== null && before.has(c.parentId),
  });

  const reports: HoldOutSourceReport[] = testSources.map((s) => ({
    sourceId: s.id,
    title: s.title,
    kind: s.kind,
    coded: codedSources.has(s.id),
    codedBeforeSnapshot: codedBefore.has(s.id),
    newCodes: [],
    newRelations: [],
  }));
  const elsewhere: HoldOutReport['elsewhere'] = { codes: [], relations: [] };

  const ordered = [...codes].sort((a, b) => b.level - a.level || a.label.localeCompare(b.label, undefined, { numeric: true }) || a.name.localeCompare(b.name));
  for (const c of ordered) {
    if (before.has(c.id)) continue;
    const at = firstTest.get(c.id);
    (at === undefined ? elsewhere.codes : reports[at].newCodes).push(describe(c));
  }
  // The codings cited as evidence are given by source; the earliest test source wins.
  for (const r of relations) {
    if (beforeRelations.has(relationKey(r))) continue;
    const item: HoldOutRelation = { id: r.id, from: brief(r.fromId), to: brief(r.toId), type: r.type, customType: r.customType };
    const at = r.evidenceSourceIds.map((id) => position.get(id)).filter((i): i is number => i !== undefined);
    (at.length === 0 ? elsewhere.relations : reports[Math.min(...at)].newRelations).push(item);
  }
  return { snapshotAt: snapshot.createdAt, sources: reports, elsewhere, verdict: holdOutVerdict(reports) };
}

const KIND_NOUN: Record<string, [string, string]> = {
  literature: ['article', 'articles'],
  interview: ['interview', 'interviews'],
  fieldnote: ['field note', 'field notes'],
  document: ['document', 'documents'],
  other: ['other source', 'other sources'],
};
const KIND_ORDER = ['literature', 'interview', 'fieldnote', 'document', 'other'];

const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
const count = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;
const codeName = (c: { label: string; name: string }) => (c.label ? `${c.label} ${c.name}` : c.name);
const listNames = (names: string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`);

/** "1 article, 1 interview" */
function kindsText(sources: readonly Pick<HoldOutSourceReport, 'kind'>[]): string {
  const counts = new Map<string, number>();
  for (const s of sources) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, n]) => count(n, ...(KIND_NOUN[kind] ?? KIND_NOUN.other)))
    .join(', ');
}

/**
 * The verdict for a methods section, e.g. "15 test sources (10 articles, 5 interviews) added no
 * new categories or relations; 2 new concepts were absorbed into B4."
 */
export function holdOutVerdict(sources: readonly HoldOutSourceReport[]): string {
  if (sources.length === 0) return 'No saturation test sources are marked.';
  const subject = `${count(sources.length, 'test source', 'test sources')} (${kindsText(sources)})`;
  const codes = sources.flatMap((s) => s.newCodes);
  const relations = sources.flatMap((s) => s.newRelations);
  const higher = codes.filter((c) => c.level >= 2);

  let sentence: string;
  if (higher.length === 0 && relations.length === 0) {
    sentence = `${subject} added no new categories or relations`;
  } else {
    const parts: string[] = [];
    for (const level of [2, 3, 4] as const) {
      const at = higher.filter((c) => c.level === level);
      if (at.length) parts.push(`${count(at.length, `new ${LEVEL_NAME[level]}`, `new ${LEVEL_PLURAL[level]}`)} (${listNames(at.map(codeName))})`);
    }
    if (higher.length === 0) parts.unshift('no new categories');
    parts.push(relations.length ? `${count(relations.length, 'new relation', 'new relations')} (${listNames(relations.map((r) => `${r.from.label || r.from.name} → ${r.to.label || r.to.name}`))})` : 'no new relations');
    sentence = `${subject} added ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  }

  const concepts = codes.filter((c) => c.level === 1);
  const absorbed = new Map<string, number>();
  let unplaced = 0;
  for (const c of concepts) {
    if (c.parent && c.parentExisted) absorbed.set(c.parent.label || c.parent.name, (absorbed.get(c.parent.label || c.parent.name) ?? 0) + 1);
    else if (!c.parent) unplaced++;
  }
  const absorbedCount = [...absorbed.values()].reduce((s, n) => s + n, 0);
  const clauses: string[] = [];
  if (absorbedCount) {
    const into = [...absorbed].map(([label, n]) => (absorbed.size > 1 ? `${label} (${n})` : label));
    clauses.push(`${count(absorbedCount, 'new concept was', 'new concepts were')} absorbed into ${into.length > 1 ? `${into.slice(0, -1).join(', ')} and ${into[into.length - 1]}` : into[0]}`);
  }
  if (unplaced) clauses.push(`${count(unplaced, 'new concept is', 'new concepts are')} not yet placed in a category`);
  if (concepts.length === 0 && higher.length === 0 && relations.length === 0) sentence = `${subject} added no new categories, relations or concepts`;

  const uncoded = sources.filter((s) => !s.coded).length;
  const notHeld = sources.filter((s) => s.codedBeforeSnapshot).length;
  const notes: string[] = [];
  if (uncoded) notes.push(`${count(uncoded, 'test source is', 'test sources are')} not coded yet`);
  if (notHeld) notes.push(`${count(notHeld, 'test source was', 'test sources were')} coded before the snapshot`);
  return `${[sentence, ...clauses].join('; ')}.${notes.length ? ` Note: ${notes.join('; ')}.` : ''}`;
}
