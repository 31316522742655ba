/**
 * A Groundwork project (plain rows, read by lib/server/data/refi/read-project.ts) → the REFI-QDA
 * model, with what REFI-QDA cannot carry (levels, labels, relation types and evidence, memo
 * formatting, storyline, source metadata) in the extension note (extension.ts).
 *
 * Mapping:
 * - users → Users (GUIDs derived from the user id: the same user gets the same GUID in every export);
 * - codes → nested Codes (children under their parent: core → main category → category →
 *   concept), colour, definition as Description;
 * - sources → TextSources with a plainTextPath file; codings → one PlainTextSelection per range
 *   with one Coding per code and coder (positions in code points, see model.ts);
 * - memos → Notes with NoteRefs from the source, code or coding they annotate;
 * - cases → Cases with VariableValues, attributes → Variables, case sources → SourceRefs;
 * - relations → Links (OneWay, code → code) with the relation memo as a Note;
 * - folders and the saturation test sources → Sets of sources.
 */
import { createHash } from 'node:crypto';

import { EXTENSION_FORMAT, type GroundworkExtension } from './extension';
import { EXTENSION_NOTE_NAME, type RefiCode, type RefiNote, type RefiProject, type RefiSelection, type RefiSet, type RefiVariableType } from './model';

export type GwProject = {
  id: string;
  name: string;
  description: string;
  language: string;
  corePrefix: string;
  storyline: string;
  storylineText: string;
  createdAt: Date;
};
export type GwUser = { id: string; name: string };
export type GwFolder = { id: string; name: string };
export type GwSource = {
  id: string;
  title: string;
  kind: string;
  format: string;
  fileName: string | null;
  text: string;
  folderId: string | null;
  caseId: string | null;
  authors: string;
  year: number | null;
  venue: string;
  interviewee: string;
  interviewDate: string;
  interviewer: string;
  structure: string | null;
  codingOrder: number | null;
  saturationTest: boolean;
  createdById: string | null;
  createdAt: Date;
};
export type GwCode = { id: string; name: string; color: string; definition: string; level: number; parentId: string | null; label: string; createdById: string | null; createdAt: Date };
export type GwCoding = { id: string; sourceId: string; codeId: string; start: number; end: number; coderId: string | null; createdAt: Date };
export type GwMemo = { id: string; sourceId: string | null; codeId: string | null; codingId: string | null; authorId: string | null; body: string; text: string; createdAt: Date };
export type GwRelation = { id: string; fromId: string; toId: string; type: string; customType: string; memo: string; memoText: string; createdById: string | null; createdAt: Date; evidence: string[] };
export type GwAttribute = { id: string; name: string; type: string; choices: string[] };
export type GwCase = { id: string; name: string; values: Array<{ attributeId: string; value: string }> };

/** Everything of a project that an export writes. */
export type GwSnapshot = {
  project: GwProject;
  users: GwUser[];
  folders: GwFolder[];
  sources: GwSource[];
  codes: GwCode[];
  codings: GwCoding[];
  memos: GwMemo[];
  relations: GwRelation[];
  attributes: GwAttribute[];
  cases: GwCase[];
};

/**
 * A stable GUID for a Groundwork row: the same row gets the same GUID in every export, so a
 * re-import can recognise its users ("me").
 *
 * @example guidFor('user', 'clx123') // 'a1b2c3d4-…'
 */
export function guidFor(kind: string, id: string): string {
  const h = createHash('sha1').update(`groundwork:${kind}:${id}`).digest('hex');
  // RFC 4122 layout, version 5 style bits.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const ATTRIBUTE_TO_VARIABLE: Record<string, RefiVariableType> = { text: 'Text', number: 'Float', date: 'Date', choice: 'Text' };

/** Relation name as other tools show it on the Link. */
function relationName(type: string, customType: string): string {
  if (type === 'custom') return customType || 'related to';
  return type.replace(/-/g, ' ');
}

/**
 * Build the REFI-QDA project of a snapshot.
 *
 * @param snapshot - the project's rows.
 * @returns the model for projectXml/packQdpx.
 * @example packQdpx(toRefiProject(snapshot))
 */
export function toRefiProject(snapshot: GwSnapshot): RefiProject {
  const g = guidFor;
  const userGuid = (id: string | null) => (id ? g('user', id) : undefined);
  const known = new Set(snapshot.users.map((u) => u.id));
  const creator = (id: string | null) => (id && known.has(id) ? userGuid(id) : undefined);
  const notes: RefiNote[] = [];
  const ext: GroundworkExtension = {
    format: EXTENSION_FORMAT,
    project: {
      description: snapshot.project.description,
      language: snapshot.project.language,
      corePrefix: snapshot.project.corePrefix,
      storyline: snapshot.project.storyline,
      storylineText: snapshot.project.storylineText,
    },
    codes: {},
    relations: {},
    memos: {},
    sources: {},
    attributes: {},
    folderSets: [],
    saturationSet: null,
  };

  // Memos → Notes, by what they annotate.
  const memoRefs = { source: new Map<string, string[]>(), code: new Map<string, string[]>(), coding: new Map<string, string[]>() };
  for (const memo of snapshot.memos) {
    const guid = g('memo', memo.id);
    const target = memo.codingId ? (['coding', memo.codingId] as const) : memo.codeId ? (['code', memo.codeId] as const) : memo.sourceId ? (['source', memo.sourceId] as const) : null;
    if (!target) continue;
    notes.push({ guid, name: 'Memo', text: memo.text, creatingUser: creator(memo.authorId), creationDateTime: iso(memo.createdAt) });
    ext.memos[guid] = memo.body;
    const map = memoRefs[target[0]];
    map.set(target[1], [...(map.get(target[1]) ?? []), guid]);
  }

  // Codes, nested under their parents.
  const byParent = new Map<string | null, GwCode[]>();
  const ids = new Set(snapshot.codes.map((c) => c.id));
  for (const code of snapshot.codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), code]);
  }
  const build = (parent: string | null): RefiCode[] =>
    (byParent.get(parent) ?? []).map((code) => {
      const guid = g('code', code.id);
      ext.codes[guid] = { level: code.level, label: code.label };
      return {
        guid,
        name: code.name,
        isCodable: true,
        color: /^#[0-9a-fA-F]{6}$/.test(code.color) ? code.color : undefined,
        description: code.definition,
        noteRefs: memoRefs.code.get(code.id) ?? [],
        children: build(code.id),
      };
    });
  const codes = build(null);

  // Codings grouped by range into selections; one Coding per code and coder.
  const codingsBySource = new Map<string, Map<string, typeof snapshot.codings>>();
  for (const coding of snapshot.codings) {
    const ranges = codingsBySource.get(coding.sourceId) ?? new Map<string, typeof snapshot.codings>();
    const key = `${coding.start}:${coding.end}`;
    ranges.set(key, [...(ranges.get(key) ?? []), coding]);
    codingsBySource.set(coding.sourceId, ranges);
  }

  const variables = snapshot.attributes.map((a) => {
    const guid = g('attribute', a.id);
    ext.attributes[guid] = { type: a.type as 'text', choices: a.choices };
    return { guid, name: a.name, type: ATTRIBUTE_TO_VARIABLE[a.type] ?? 'Text', description: a.type === 'choice' ? `Choices: ${a.choices.join(' | ')}` : '' };
  });
  const variableTypes = new Map(variables.map((v) => [v.guid, v.type]));

  const sources = snapshot.sources.map((s) => {
    const guid = g('source', s.id);
    ext.sources[guid] = {
      kind: s.kind,
      format: s.format,
      fileName: s.fileName,
      authors: s.authors,
      year: s.year,
      venue: s.venue,
      interviewee: s.interviewee,
      interviewDate: s.interviewDate,
      interviewer: s.interviewer,
      structure: s.structure,
      codingOrder: s.codingOrder,
      saturationTest: s.saturationTest,
    };
    const ranges = [...(codingsBySource.get(s.id)?.values() ?? [])].sort((a, b) => a[0].start - b[0].start || a[0].end - b[0].end);
    const selections: RefiSelection[] = ranges.map((group) => {
      const first = group[0];
      return {
        guid: g('selection', `${s.id}:${first.start}:${first.end}`),
        start: first.start,
        end: first.end,
        creatingUser: creator(first.coderId),
        creationDateTime: iso(first.createdAt),
        codings: group.map((c) => ({
          guid: g('coding', c.id),
          codeGuid: g('code', c.codeId),
          creatingUser: creator(c.coderId),
          creationDateTime: iso(c.createdAt),
          noteRefs: memoRefs.coding.get(c.id) ?? [],
        })),
        noteRefs: [],
      };
    });
    return {
      guid,
      name: s.title,
      kind: 'text' as const,
      text: s.text,
      description: '',
      creatingUser: creator(s.createdById),
      creationDateTime: iso(s.createdAt),
      selections,
      noteRefs: memoRefs.source.get(s.id) ?? [],
      variableValues: [],
    };
  });

  const sourcesByCase = new Map<string, string[]>();
  for (const s of snapshot.sources) if (s.caseId) sourcesByCase.set(s.caseId, [...(sourcesByCase.get(s.caseId) ?? []), g('source', s.id)]);
  const cases = snapshot.cases.map((c) => ({
    guid: g('case', c.id),
    name: c.name,
    description: '',
    values: c.values
      .filter((v) => v.value !== '' && variableTypes.has(g('attribute', v.attributeId)))
      .map((v) => ({ variableGuid: g('attribute', v.attributeId), value: v.value })),
    sourceRefs: sourcesByCase.get(c.id) ?? [],
  }));

  const links = snapshot.relations.map((r) => {
    const guid = g('relation', r.id);
    ext.relations[guid] = { type: r.type, customType: r.customType, evidence: r.evidence.map((id) => g('coding', id)) };
    const noteRefs: string[] = [];
    if (r.memoText.trim() !== '' || r.memo !== '') {
      const noteGuid = g('relation-memo', r.id);
      notes.push({ guid: noteGuid, name: 'Relation memo', text: r.memoText, creatingUser: creator(r.createdById), creationDateTime: iso(r.createdAt) });
      if (r.memo) ext.memos[noteGuid] = r.memo;
      noteRefs.push(noteGuid);
    }
    return { guid, name: relationName(r.type, r.customType), direction: 'OneWay' as const, originGuid: g('code', r.fromId), targetGuid: g('code', r.toId), noteRefs };
  });

  const sets: RefiSet[] = [];
  for (const folder of snapshot.folders) {
    const members = snapshot.sources.filter((s) => s.folderId === folder.id).map((s) => g('source', s.id));
    const guid = g('folder', folder.id);
    ext.folderSets.push(guid);
    sets.push({ guid, name: folder.name, description: 'Folder of sources', memberCodes: [], memberSources: members, memberNotes: [] });
  }
  const testSources = snapshot.sources.filter((s) => s.saturationTest).map((s) => g('source', s.id));
  if (testSources.length) {
    const guid = g('saturation-set', snapshot.project.id);
    ext.saturationSet = guid;
    sets.push({ guid, name: 'Saturation test sources', description: 'Sources held out to test theoretical saturation', memberCodes: [], memberSources: testSources, memberNotes: [] });
  }

  const extGuid = g('extension', snapshot.project.id);
  notes.push({ guid: extGuid, name: EXTENSION_NOTE_NAME, text: JSON.stringify(ext), creationDateTime: iso(new Date()) });

  return {
    name: snapshot.project.name,
    origin: 'Groundwork',
    description: snapshot.project.description,
    creationDateTime: iso(snapshot.project.createdAt),
    users: snapshot.users.map((u) => ({ guid: g('user', u.id), name: u.name })),
    codes,
    variables,
    cases,
    sources,
    notes,
    links,
    sets,
    noteRefs: [extGuid],
  };
}

/** The codebook alone (.qdc): nested codes with colours and definitions. */
export function toRefiCodebook(snapshot: Pick<GwSnapshot, 'codes'>): { origin: string; codes: RefiCode[]; sets: [] } {
  const project = toRefiProject({
    project: { id: 'codebook', name: 'codebook', description: '', language: '', corePrefix: 'CC', storyline: '', storylineText: '', createdAt: new Date(0) },
    users: [],
    folders: [],
    sources: [],
    codes: snapshot.codes,
    codings: [],
    memos: [],
    relations: [],
    attributes: [],
    cases: [],
  });
  return { origin: 'Groundwork', codes: project.codes, sets: [] };
}
