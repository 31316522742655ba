/**
 * A read REFI-QDA project → what an import creates in Groundwork (the import plan), and the
 * preview the researcher confirms. Pure: the data layer (lib/server/data/refi/import-project.ts)
 * stores the plan in one transaction.
 *
 * Hierarchy mapping ({@link LevelMapping}):
 * - `groundwork`: the levels and labels the extension note recorded (a Groundwork export);
 * - `nesting`: each top-level code tree is placed by its height — a top-level code with
 *   children becomes a category and its children concepts; one more level of nesting makes the
 *   top a main category, one more a core category. Nesting deeper than four levels is flattened:
 *   the extra levels become concepts of the nearest category;
 * - `flat`: every code a concept, no parents.
 */
import { codePointLength } from '../../coding/offsets';
import { nextLabel } from '../../coding/hierarchy';
import { labelPrefixes, type CodeLevel } from '../../coding/hierarchy-types';
import { ZMemoDoc, MEMO_MAX_BYTES, type MemoDoc } from '../../coding/memo';
import { RELATION_TYPES } from '../../coding/relations';
import { isSourceKind } from '../../sources/kinds';
import { countWords } from '../../text/segment';
import { parseDate, parseNumber } from '../../cases/attributes';
import { flattenCodes, type RefiCode, type RefiVariableType } from './model';
import type { ParsedProject } from './parse';

export type LevelMapping = 'groundwork' | 'nesting' | 'flat';
/** Who an imported coder becomes: the importing user, or a placeholder coder the owner can assign later. */
export type CoderTarget = 'me' | 'placeholder';

export type ImportOptions = {
  levelMapping?: LevelMapping;
  /** By REFI user GUID; users not listed become placeholders (or "me" when their GUID is the importer's). */
  coders?: Record<string, CoderTarget>;
  /** The importer's own GUID in Groundwork exports (guidFor('user', id)). */
  meGuid?: string;
  /** Name of the new project (default: the file's project name). */
  name?: string;
  /** Count words of every source (needed to store them; a preview skips it: it is the slow part). */
  countWords?: boolean;
};

export type PlannedUser = { guid: string; name: string; target: CoderTarget };
export type PlannedCode = { guid: string; name: string; color: string; definition: string; level: CodeLevel; label: string; parentGuid: string | null; depth: number; creator: string | null };
export type PlannedSource = {
  guid: string;
  title: string;
  kind: string;
  format: string;
  fileName: string | null;
  text: string;
  length: number;
  wordCount: number;
  structure: string | null;
  authors: string;
  year: number | null;
  venue: string;
  interviewee: string;
  interviewDate: string;
  interviewer: string;
  codingOrder: number | null;
  saturationTest: boolean;
  folder: string | null;
  caseGuid: string | null;
  creator: string | null;
  createdAt: Date | null;
};
export type PlannedCoding = { guid: string; sourceGuid: string; codeGuid: string; start: number; end: number; coder: string | null; createdAt: Date | null };
export type PlannedMemo = { target: 'source' | 'code' | 'coding'; targetGuid: string; body: string; text: string; author: string | null; createdAt: Date | null };
export type PlannedRelation = { guid: string; fromGuid: string; toGuid: string; type: string; customType: string; memo: string; memoText: string; evidence: string[]; creator: string | null };
export type PlannedAttribute = { guid: string; name: string; type: 'text' | 'number' | 'date' | 'choice'; choices: string[] };
export type PlannedCase = { guid: string; name: string; values: Array<{ attributeGuid: string; value: string }> };

export type ImportPlan = {
  name: string;
  description: string;
  language: string;
  corePrefix: string;
  storyline: string;
  storylineText: string;
  levelMapping: LevelMapping;
  users: PlannedUser[];
  codes: PlannedCode[];
  sources: PlannedSource[];
  codings: PlannedCoding[];
  memos: PlannedMemo[];
  relations: PlannedRelation[];
  attributes: PlannedAttribute[];
  cases: PlannedCase[];
  folders: string[];
  errors: string[];
  warnings: string[];
};

/** What the preview shows before anything is stored. */
export type ImportPreview = {
  name: string;
  origin: string;
  counts: { users: number; codes: number; sources: number; codings: number; notes: number; memos: number; cases: number; variables: number; relations: number };
  levels: Record<CodeLevel, number>;
  levelMapping: LevelMapping;
  availableMappings: LevelMapping[];
  users: Array<{ guid: string; name: string; codings: number; target: CoderTarget }>;
  /** The first codes as they will be placed (name, level, depth in the file). */
  codes: Array<{ name: string; level: CodeLevel; depth: number; parent: string | null }>;
  errors: string[];
  warnings: string[];
};

const FALLBACK_COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Plain text → a memo document of paragraphs (hard breaks for single newlines). */
export function textToMemo(text: string): MemoDoc {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const content = paragraphs.map((p) => {
    const lines = p.split('\n');
    const inline = lines.flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' as const }] : []), ...(line ? [{ type: 'text' as const, text: line }] : [])]);
    return inline.length ? { type: 'paragraph' as const, content: inline } : { type: 'paragraph' as const };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function memoBody(stored: string | undefined, text: string): string {
  if (stored) {
    try {
      const parsed = ZMemoDoc.safeParse(JSON.parse(stored));
      if (parsed.success && new TextEncoder().encode(stored).length <= MEMO_MAX_BYTES) return stored;
    } catch {
      // fall through to the plain text
    }
  }
  return JSON.stringify(textToMemo(text));
}

function uniqueName(name: string, used: Set<string>, fallback: string): string {
  const base = name.trim() || fallback;
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function height(code: RefiCode): number {
  return code.children.length ? 1 + Math.max(...code.children.map(height)) : 0;
}

/** Levels and parents of every code under a mapping; also reports flattened nesting. */
export function placeCodes(
  codes: readonly RefiCode[],
  mapping: LevelMapping,
  ext: Record<string, { level: number; label: string }> | null,
): { placed: Map<string, { level: CodeLevel; parentGuid: string | null; depth: number }>; flattened: number; detached: number } {
  const placed = new Map<string, { level: CodeLevel; parentGuid: string | null; depth: number }>();
  let flattened = 0;
  let detached = 0;
  if (mapping === 'flat') {
    for (const { code, depth } of flattenCodes(codes)) placed.set(code.guid, { level: 1, parentGuid: null, depth });
    return { placed, flattened, detached };
  }
  if (mapping === 'groundwork') {
    for (const { code, parent, depth } of flattenCodes(codes)) {
      const level = Math.min(4, Math.max(1, ext?.[code.guid]?.level ?? 1)) as CodeLevel;
      const parentLevel = parent ? (ext?.[parent.guid]?.level ?? 1) : null;
      const ok = parent !== null && parentLevel === level + 1;
      if (parent && !ok) detached++;
      placed.set(code.guid, { level, parentGuid: ok ? parent.guid : null, depth });
    }
    return { placed, flattened, detached };
  }
  const walk = (code: RefiCode, level: number, parentGuid: string | null, depth: number) => {
    const own = Math.max(1, level) as CodeLevel;
    if (level < 1) flattened++;
    placed.set(code.guid, { level: own, parentGuid, depth });
    const childParent = own === 1 ? parentGuid : code.guid;
    for (const c of code.children) walk(c, own - 1, childParent, depth + 1);
  };
  for (const top of codes) walk(top, Math.min(4, height(top) + 1), null, 0);
  return { placed, flattened, detached };
}

const VARIABLE_TO_ATTRIBUTE: Record<RefiVariableType, PlannedAttribute['type']> = { Text: 'text', Boolean: 'choice', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'text' };

/**
 * Build the import plan of a read project.
 *
 * @param parsed - from readQdpx.
 * @param options - mapping choices made in the preview.
 * @returns the plan; `errors` non-empty means nothing may be stored.
 */
export function planImport(parsed: ParsedProject, options: ImportOptions = {}): ImportPlan {
  const { project, extension: ext } = parsed;
  const errors = [...parsed.errors];
  const warnings = [...parsed.warnings];
  const levelMapping: LevelMapping = options.levelMapping ?? (ext ? 'groundwork' : 'nesting');
  const corePrefix = ext?.project.corePrefix || 'CC';
  const prefixes = labelPrefixes(corePrefix);

  const users: PlannedUser[] = project.users.map((u) => ({
    guid: u.guid,
    name: u.name || u.id || 'Imported coder',
    target: options.coders?.[u.guid] ?? (options.meGuid && u.guid === options.meGuid ? 'me' : 'placeholder'),
  }));
  const userGuids = new Set(users.map((u) => u.guid));
  const who = (guid: string | undefined) => (guid && userGuids.has(guid) ? guid : null);

  // Codes.
  const { placed, flattened, detached } = placeCodes(project.codes, levelMapping, ext?.codes ?? null);
  if (flattened) warnings.push(`${flattened} code(s) nested deeper than four levels become concepts of the nearest category.`);
  if (detached) warnings.push(`${detached} code(s) keep no parent: their recorded levels do not step down one at a time.`);
  const usedNames = new Set<string>();
  const usedLabels: string[] = [];
  const codes: PlannedCode[] = [];
  let renamed = 0;
  flattenCodes(project.codes).forEach(({ code }, i) => {
    const place = placed.get(code.guid)!;
    const name = uniqueName(code.name, usedNames, 'Unnamed code');
    if (name !== (code.name.trim() || 'Unnamed code')) renamed++;
    const recorded = levelMapping === 'groundwork' ? ext?.codes[code.guid]?.label : undefined;
    const label = recorded && !usedLabels.includes(recorded) ? recorded : nextLabel(place.level, usedLabels, prefixes);
    usedLabels.push(label);
    codes.push({ guid: code.guid, name, color: code.color ?? FALLBACK_COLORS[i % FALLBACK_COLORS.length], definition: code.description, level: place.level, label, parentGuid: place.parentGuid, depth: place.depth, creator: null });
  });
  if (renamed) warnings.push(`${renamed} code(s) share a name with another code and get a number added (code names are unique in Groundwork).`);
  const codeGuids = new Set(codes.map((c) => c.guid));

  // Cases and attributes.
  const usedAttr = new Set<string>();
  const attributes: PlannedAttribute[] = project.variables.map((v) => {
    const recorded = ext?.attributes[v.guid];
    return { guid: v.guid, name: uniqueName(v.name, usedAttr, 'Attribute'), type: recorded?.type ?? VARIABLE_TO_ATTRIBUTE[v.type], choices: recorded?.choices ?? (v.type === 'Boolean' ? ['true', 'false'] : []) };
  });
  const attrByGuid = new Map(attributes.map((a) => [a.guid, a]));
  let badValues = 0;
  const canonical = (attributeGuid: string, raw: string): string | null => {
    const a = attrByGuid.get(attributeGuid);
    if (!a) return null;
    if (a.type === 'number') {
      const p = parseNumber(raw);
      return p.ok ? p.value : null;
    }
    if (a.type === 'date') {
      const p = parseDate(raw.slice(0, 10));
      return p.ok ? p.value : null;
    }
    if (a.type === 'choice') {
      if (!a.choices.includes(raw)) a.choices.push(raw);
      return raw;
    }
    return raw;
  };
  const usedCases = new Set<string>();
  const caseOfSource = new Map<string, string>();
  const cases: PlannedCase[] = project.cases.map((c, i) => {
    for (const ref of c.sourceRefs) if (!caseOfSource.has(ref)) caseOfSource.set(ref, c.guid);
    const values: PlannedCase['values'] = [];
    for (const v of c.values) {
      if (v.value === '') continue;
      const value = canonical(v.variableGuid, v.value);
      if (value === null) badValues++;
      else values.push({ attributeGuid: v.variableGuid, value });
    }
    return { guid: c.guid, name: uniqueName(c.name, usedCases, `Case ${i + 1}`), values };
  });
  // Variables on sources (MAXQDA document variables, QualCoder file attributes): Groundwork keeps
  // attributes on cases, so a source with values and no case gets a case of its own.
  for (const s of project.sources) {
    const values = s.variableValues.filter((v) => v.value !== '');
    if (!values.length || caseOfSource.has(s.guid)) continue;
    const guid = `case-of-${s.guid}`;
    const planned: PlannedCase['values'] = [];
    for (const v of values) {
      const value = canonical(v.variableGuid, v.value);
      if (value === null) badValues++;
      else planned.push({ attributeGuid: v.variableGuid, value });
    }
    cases.push({ guid, name: uniqueName(s.name, usedCases, 'Case'), values: planned });
    caseOfSource.set(s.guid, guid);
  }
  if (badValues) warnings.push(`${badValues} attribute value(s) do not fit their variable's type and are left empty.`);

  // Folders and the saturation test set.
  const folderOf = new Map<string, string>();
  const testSources = new Set<string>();
  const usedFolders = new Set<string>();
  const folders: string[] = [];
  for (const set of project.sets) {
    if (ext?.saturationSet === set.guid) {
      for (const ref of set.memberSources) testSources.add(ref);
      continue;
    }
    if (!set.memberSources.length) continue;
    if (!ext || ext.folderSets.includes(set.guid)) {
      const folder = uniqueName(set.name, usedFolders, 'Folder');
      folders.push(folder);
      for (const ref of set.memberSources) if (!folderOf.has(ref)) folderOf.set(ref, folder);
    }
  }
  const codeSets = project.sets.filter((s) => s.memberCodes.length).length;
  if (codeSets) warnings.push(`${codeSets} set(s) of codes are not imported (Groundwork groups codes by the hierarchy).`);

  // Sources.
  const usedTitles = new Set<string>();
  const sources: PlannedSource[] = project.sources.map((s) => {
    const meta = ext?.sources[s.guid];
    const ext2 = s.originalPath?.split('.').pop()?.toLowerCase();
    return {
      guid: s.guid,
      // MAXQDA exports several documents of one name: titles get a number, as code names do.
      title: uniqueName(s.name, usedTitles, 'Untitled source'),
      kind: meta && isSourceKind(meta.kind) ? meta.kind : 'document',
      format: meta?.format ?? (s.kind === 'pdf' ? 'pdf' : ext2 === 'docx' ? 'docx' : 'txt'),
      fileName: meta ? meta.fileName : (s.originalPath?.replace(/^\w+:\/\//, '') ?? s.plainTextPath?.replace(/^\w+:\/\//, '') ?? null),
      text: s.text,
      length: codePointLength(s.text),
      wordCount: options.countWords === false ? 0 : countWords(s.text),
      structure: meta?.structure ?? null,
      authors: meta?.authors ?? '',
      year: meta?.year ?? null,
      venue: meta?.venue ?? '',
      interviewee: meta?.interviewee ?? '',
      interviewDate: meta?.interviewDate ?? '',
      interviewer: meta?.interviewer ?? '',
      codingOrder: meta?.codingOrder ?? null,
      saturationTest: testSources.has(s.guid),
      folder: folderOf.get(s.guid) ?? null,
      caseGuid: caseOfSource.get(s.guid) ?? null,
      creator: who(s.creatingUser),
      createdAt: date(s.creationDateTime),
    };
  });

  // Codings (one per code, coder and range) and the memos that hang off them.
  const notes = new Map(project.notes.map((n) => [n.guid, n]));
  const memos: PlannedMemo[] = [];
  const usedNotes = new Set<string>();
  const addMemo = (target: PlannedMemo['target'], targetGuid: string, noteGuid: string) => {
    const note = notes.get(noteGuid);
    if (!note) {
      warnings.push(`A note reference points at a note that is not in the file (${noteGuid}).`);
      return;
    }
    usedNotes.add(noteGuid);
    memos.push({ target, targetGuid, body: memoBody(ext?.memos[noteGuid], note.text), text: note.text, author: who(note.creatingUser), createdAt: date(note.creationDateTime) });
  };
  const codings: PlannedCoding[] = [];
  const seenCoding = new Set<string>();
  let duplicates = 0;
  let unknownCode = 0;
  for (const s of project.sources) {
    for (const ref of s.noteRefs) addMemo('source', s.guid, ref);
    for (const sel of s.selections) {
      const kept: string[] = [];
      for (const c of sel.codings) {
        if (!codeGuids.has(c.codeGuid)) {
          unknownCode++;
          continue;
        }
        const coder = who(c.creatingUser ?? sel.creatingUser);
        const key = `${c.codeGuid}|${coder}|${sel.start}|${sel.end}|${s.guid}`;
        if (seenCoding.has(key)) {
          duplicates++;
          continue;
        }
        seenCoding.add(key);
        codings.push({ guid: c.guid, sourceGuid: s.guid, codeGuid: c.codeGuid, start: sel.start, end: sel.end, coder, createdAt: date(c.creationDateTime ?? sel.creationDateTime) });
        kept.push(c.guid);
        // One memo per coding in Groundwork: several notes are joined.
        if (c.noteRefs.length) joinNotes('coding', c.guid, c.noteRefs);
      }
      // Notes on the selection itself (NVivo annotations, ATLAS.ti quotation comments) go to its first coding.
      if (sel.noteRefs.length) {
        if (kept.length) joinNotes('coding', kept[0], sel.noteRefs);
        else warnings.push(`A note on an uncoded selection in “${s.name}” is skipped (Groundwork memos belong to codings).`);
      }
    }
  }
  function joinNotes(target: PlannedMemo['target'], guid: string, refs: string[]) {
    const existing = memos.find((m) => m.target === target && m.targetGuid === guid);
    const found = refs.map((r) => notes.get(r)).filter((n) => n !== undefined);
    if (!found.length) return void warnings.push(`A note reference points at a note that is not in the file.`);
    for (const n of found) usedNotes.add(n.guid);
    if (existing || found.length > 1) {
      const text = [existing?.text, ...found.map((n) => n.text)].filter((t) => t).join('\n\n');
      if (existing) {
        existing.text = text;
        existing.body = JSON.stringify(textToMemo(text));
      } else memos.push({ target, targetGuid: guid, body: JSON.stringify(textToMemo(text)), text, author: who(found[0].creatingUser), createdAt: date(found[0].creationDateTime) });
      return;
    }
    addMemo(target, guid, found[0].guid);
  }
  if (duplicates) warnings.push(`${duplicates} duplicate coding(s) (same code, coder and range) are stored once.`);
  if (unknownCode && !warnings.some((w) => w.includes('not in the codebook'))) warnings.push(`${unknownCode} coding(s) refer to a code that is not in the codebook and are skipped.`);
  for (const { code } of flattenCodes(project.codes)) for (const ref of code.noteRefs) addMemo('code', code.guid, ref);

  // Relations.
  const codingGuids = new Set(codings.map((c) => c.guid));
  const levelOf = new Map(codes.map((c) => [c.guid, c.level]));
  const relations: PlannedRelation[] = [];
  const relationKeys = new Set<string>();
  let skippedLinks = 0;
  for (const link of project.links) {
    const from = link.originGuid;
    const to = link.targetGuid;
    if (!from || !to || !codeGuids.has(from) || !codeGuids.has(to) || from === to || (levelOf.get(from) ?? 1) < 2 || (levelOf.get(to) ?? 1) < 2) {
      skippedLinks++;
      continue;
    }
    const recorded = ext?.relations[link.guid];
    const type = recorded && (RELATION_TYPES as readonly string[]).includes(recorded.type) ? recorded.type : 'custom';
    const customType = type === 'custom' ? (recorded?.customType || link.name || 'linked to').slice(0, 200) : '';
    const key = `${from}|${to}|${type}|${customType}`;
    if (relationKeys.has(key)) continue;
    relationKeys.add(key);
    const memoNotes = link.noteRefs.map((r) => notes.get(r)).filter((n) => n !== undefined);
    for (const n of memoNotes) usedNotes.add(n.guid);
    const memoText = memoNotes.map((n) => n.text).join('\n\n');
    const storedBody = memoNotes.length === 1 ? ext?.memos[memoNotes[0].guid] : undefined;
    relations.push({
      guid: link.guid,
      fromGuid: from,
      toGuid: to,
      type,
      customType,
      memo: memoText || storedBody ? memoBody(storedBody, memoText) : '',
      memoText,
      evidence: (recorded?.evidence ?? []).filter((g) => codingGuids.has(g)),
      creator: null,
    });
  }
  if (skippedLinks) warnings.push(`${skippedLinks} link(s) do not join two categories (or higher) and are not imported as relations.`);

  const loose = project.notes.filter((n) => !usedNotes.has(n.guid) && !project.noteRefs.includes(n.guid)).length;
  if (loose) warnings.push(`${loose} note(s) are not attached to a source, code or coding and are not imported.`);

  return {
    name: (options.name ?? project.name).trim().slice(0, 120) || 'Imported project',
    description: ext?.project.description ?? project.description,
    language: ext?.project.language ?? '',
    corePrefix,
    storyline: ext?.project.storyline ?? '',
    storylineText: ext?.project.storylineText ?? '',
    levelMapping,
    users,
    codes,
    sources,
    codings,
    memos,
    relations,
    attributes,
    cases,
    folders,
    errors,
    warnings,
  };
}

/** The preview of a plan: counts, levels, coders, the first codes, errors and warnings. */
export function previewOf(parsed: ParsedProject, plan: ImportPlan): ImportPreview {
  const byCoder = new Map<string, number>();
  for (const c of plan.codings) if (c.coder) byCoder.set(c.coder, (byCoder.get(c.coder) ?? 0) + 1);
  const levels: Record<CodeLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const c of plan.codes) levels[c.level]++;
  const nameOf = new Map(plan.codes.map((c) => [c.guid, c.name]));
  return {
    name: plan.name,
    origin: parsed.origin,
    counts: {
      users: plan.users.length,
      codes: plan.codes.length,
      sources: plan.sources.length,
      codings: plan.codings.length,
      notes: parsed.project.notes.length,
      memos: plan.memos.length,
      cases: plan.cases.length,
      variables: plan.attributes.length,
      relations: plan.relations.length,
    },
    levels,
    levelMapping: plan.levelMapping,
    availableMappings: parsed.extension ? ['groundwork', 'nesting', 'flat'] : ['nesting', 'flat'],
    users: plan.users.map((u) => ({ guid: u.guid, name: u.name, codings: byCoder.get(u.guid) ?? 0, target: u.target })),
    codes: plan.codes.slice(0, 200).map((c) => ({ name: c.name, level: c.level, depth: c.depth, parent: c.parentGuid ? (nameOf.get(c.parentGuid) ?? null) : null })),
    errors: plan.errors,
    warnings: plan.warnings,
  };
}
