/**
 * Reads REFI-QDA: a .qdpx archive (checked before anything is unpacked) or a .qdc codebook,
 * into the model of model.ts, accepting the variants real tools write:
 * - GUIDs in any case, with or without braces (matched lower-cased);
 * - `internal://` paths (the archive's `sources/` or `Sources/` folder), `relative://` and
 *   `absolute://` paths (found by file name inside the archive when it holds them);
 * - text given inline (PlainTextContent) or as a file (plainTextPath);
 * - PDF sources through their text `Representation`, DOCX/RTF sources through their
 *   plainTextPath companion;
 * - missing optional elements; byte-order marks; namespace prefixes of any name;
 * - a project document named other than project.qde (the first *.qde at the archive root).
 * Problems that would corrupt data (reversed or out-of-range positions, duplicate GUIDs,
 * missing source files) are `errors`: the import refuses to store anything while there is one.
 */
import { codePointLength } from '../../coding/offsets';
import { DEFAULT_ZIP_LIMITS, ZipGuardError, checkZipLimits, extractZipEntries, readZipDirectory, type ZipEntry, type ZipLimits } from '../zip-guard';
import { RefiError } from './errors';
import { readExtension, type GroundworkExtension } from './extension';
import {
  EXTENSION_NOTE_NAME,
  flattenCodes,
  normGuid,
  type RefiCase,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiDirection,
  type RefiLink,
  type RefiNote,
  type RefiProject,
  type RefiSelection,
  type RefiSet,
  type RefiSource,
  type RefiSourceKind,
  type RefiVariable,
  type RefiVariableType,
  type RefiVariableValue,
} from './model';
import { attr, child, children, decodeText, parseXml, textOf, type XmlNode } from './xml';

/** Largest .qdpx accepted, checked before reading the archive (the upload route checks it too). */
export const MAX_QDPX_BYTES = 100 * 1024 * 1024;
/** Largest .qdc accepted. */
export const MAX_QDC_BYTES = 10 * 1024 * 1024;

/** Limits on what a .qdpx may unpack to. */
export const QDPX_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 20_000, maxTotalUncompressed: 300 * 1024 * 1024 };

export type ParsedProject = {
  project: RefiProject;
  extension: GroundworkExtension | null;
  /** Problems that block the import. */
  errors: string[];
  /** Things that will be skipped or changed; the import may go ahead. */
  warnings: string[];
  /** Tool that wrote the file (the Project's origin attribute), if given. */
  origin: string;
};

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const DIRECTIONS: readonly RefiDirection[] = ['Associative', 'OneWay', 'Bidirectional'];

function guidOf(node: XmlNode | undefined, name = 'guid'): string {
  const value = attr(node, name);
  return value ? normGuid(value) : '';
}

function refsOf(node: XmlNode | undefined, element: string, attribute = 'targetGUID'): string[] {
  return children(node, element).map((n) => guidOf(n, attribute)).filter((g) => g !== '');
}

function normColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return undefined;
}

function readCodes(parent: XmlNode | undefined, withNotes: boolean): RefiCode[] {
  return children(parent, 'Code').map((node) => ({
    guid: guidOf(node),
    name: (attr(node, 'name') ?? '').trim(),
    // isCodable is required by the schema; some tools leave it out (QualCoder reads "absent" as true).
    isCodable: attr(node, 'isCodable')?.trim() !== 'false',
    color: normColor(attr(node, 'color')),
    description: textOf(child(node, 'Description')),
    noteRefs: withNotes ? refsOf(node, 'NoteRef') : [],
    children: readCodes(node, withNotes),
  }));
}

function readValues(node: XmlNode | undefined): RefiVariableValue[] {
  const out: RefiVariableValue[] = [];
  for (const vv of children(node, 'VariableValue')) {
    const variableGuid = guidOf(child(vv, 'VariableRef'), 'targetGUID');
    if (!variableGuid) continue;
    const valueNode = VARIABLE_TYPES.map((t) => child(vv, `${t}Value`)).find((n) => n !== undefined);
    out.push({ variableGuid, value: textOf(valueNode).trim() });
  }
  return out;
}

function readSelections(node: XmlNode | undefined): RefiSelection[] {
  return children(node, 'PlainTextSelection').map((sel) => ({
    guid: guidOf(sel),
    name: attr(sel, 'name'),
    start: Number(attr(sel, 'startPosition')),
    end: Number(attr(sel, 'endPosition')),
    creatingUser: guidOf(sel, 'creatingUser') || undefined,
    creationDateTime: attr(sel, 'creationDateTime'),
    codings: readCodings(sel),
    noteRefs: refsOf(sel, 'NoteRef'),
  }));
}

function readCodings(node: XmlNode | undefined): RefiCoding[] {
  return children(node, 'Coding').map((c) => ({
    guid: guidOf(c),
    codeGuid: guidOf(child(c, 'CodeRef'), 'targetGUID'),
    creatingUser: guidOf(c, 'creatingUser') || undefined,
    creationDateTime: attr(c, 'creationDateTime'),
    noteRefs: refsOf(c, 'NoteRef'),
  }));
}

/** Finds archive files by a REFI path: internal:// (sources folder), relative://, absolute:// (by name). */
export class ArchiveFiles {
  private readonly byLower = new Map<string, string>();
  private readonly byBase = new Map<string, string[]>();
  constructor(
    private readonly files: Record<string, Uint8Array>,
    private readonly basePath = '',
  ) {
    for (const name of Object.keys(files)) {
      this.byLower.set(name.toLowerCase(), name);
      const base = name.split('/').pop()!.toLowerCase();
      this.byBase.set(base, [...(this.byBase.get(base) ?? []), name]);
    }
  }

  /** The bytes at a REFI path, or undefined. */
  get(path: string): Uint8Array | undefined {
    const name = this.resolve(path);
    return name === undefined ? undefined : this.files[name];
  }

  resolve(path: string): string | undefined {
    const match = /^(internal|relative|absolute):\/\/(.*)$/i.exec(path.trim());
    const scheme = match?.[1].toLowerCase() ?? 'relative';
    let rest = (match?.[2] ?? path.trim()).replace(/\\/g, '/');
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // a literal % in a file name
    }
    rest = rest.replace(/^\/+/, '');
    const candidates = scheme === 'internal' ? [`sources/${rest}`, rest] : [`sources/${rest}`, rest, this.basePath ? `${this.basePath.replace(/^\/+|\/+$/g, '')}/${rest}` : rest];
    for (const c of candidates) {
      const found = this.byLower.get(c.toLowerCase());
      if (found) return found;
    }
    // relative:// and absolute:// point outside the archive; tools that bundle the file put it in sources/.
    const base = rest.split('/').pop()!.toLowerCase();
    const byBase = this.byBase.get(base);
    return byBase?.length === 1 ? byBase[0] : undefined;
  }
}

type SourceContext = { files: ArchiveFiles | null; errors: string[]; warnings: string[] };

function readTextLike(node: XmlNode, ctx: SourceContext, label: string): { text: string; plainTextPath?: string } | null {
  const inline = child(node, 'PlainTextContent');
  const plainTextPath = attr(node, 'plainTextPath');
  if (inline !== undefined) return { text: textOf(inline) };
  if (plainTextPath) {
    const bytes = ctx.files?.get(plainTextPath);
    if (!bytes) {
      ctx.errors.push(`The text of ${label} (${plainTextPath}) is missing from the archive.`);
      return null;
    }
    return { text: decodeText(bytes), plainTextPath };
  }
  return null;
}

function readSource(node: XmlNode, element: string, ctx: SourceContext): RefiSource | null {
  const guid = guidOf(node);
  const name = (attr(node, 'name') ?? '').trim() || 'Untitled source';
  const label = `source “${name}”`;
  const base = {
    guid,
    name,
    description: textOf(child(node, 'Description')),
    creatingUser: guidOf(node, 'creatingUser') || undefined,
    creationDateTime: attr(node, 'creationDateTime'),
    variableValues: readValues(node),
  };
  if (element === 'TextSource') {
    const text = readTextLike(node, ctx, label);
    const richTextPath = attr(node, 'richTextPath');
    if (!text) {
      if (richTextPath) ctx.errors.push(`${label[0].toUpperCase()}${label.slice(1)} has only a rich-text file (${richTextPath}) and no plain-text companion (plainTextPath); its codings cannot be placed.`);
      else ctx.errors.push(`${label[0].toUpperCase()}${label.slice(1)} has neither PlainTextContent nor a plainTextPath.`);
      return null;
    }
    // Codings may hang off the source itself (no position): REFI allows it; Groundwork codes ranges.
    const whole = readCodings(node);
    if (whole.length) ctx.warnings.push(`${whole.length} coding(s) of the whole ${label} have no position and are skipped.`);
    return { ...base, kind: 'text', text: text.text, plainTextPath: text.plainTextPath, originalPath: richTextPath, selections: readSelections(node), noteRefs: refsOf(node, 'NoteRef') };
  }
  if (element === 'PDFSource') {
    const representation = child(node, 'Representation');
    const text = representation ? readTextLike(representation, ctx, label) : null;
    const pdfSelections = children(node, 'PDFSelection').length;
    if (!text) {
      ctx.warnings.push(`The PDF ${label} has no text representation and is skipped${pdfSelections ? ` with its ${pdfSelections} area coding(s)` : ''}.`);
      return null;
    }
    if (pdfSelections) ctx.warnings.push(`${pdfSelections} area selection(s) of the PDF ${label} are skipped; its text codings are kept.`);
    return {
      ...base,
      kind: 'pdf',
      text: text.text,
      plainTextPath: text.plainTextPath,
      originalPath: attr(node, 'path'),
      selections: readSelections(representation),
      noteRefs: [...refsOf(node, 'NoteRef'), ...refsOf(representation, 'NoteRef')],
    };
  }
  const kind = element.replace('Source', '').toLowerCase() as RefiSourceKind;
  ctx.warnings.push(`The ${kind} ${label} is skipped: Groundwork imports text and PDF sources.`);
  return null;
}

function readNote(node: XmlNode, ctx: SourceContext): RefiNote {
  const name = (attr(node, 'name') ?? '').trim();
  const text = readTextLike(node, ctx, `note “${name || 'untitled'}”`);
  return { guid: guidOf(node), name, text: text?.text ?? '', creatingUser: guidOf(node, 'creatingUser') || undefined, creationDateTime: attr(node, 'creationDateTime'), plainTextPath: text?.plainTextPath };
}

/** Checks positions, references and GUID uniqueness of a read project. */
function checkProject(project: RefiProject, errors: string[], warnings: string[]): void {
  const seen = new Map<string, string>();
  const claim = (guid: string, what: string) => {
    if (!guid) {
      errors.push(`${what} has no GUID.`);
      return;
    }
    const before = seen.get(guid);
    if (before) errors.push(`The GUID ${guid} is used twice (${before} and ${what}); references to it would be ambiguous.`);
    else seen.set(guid, what);
  };
  for (const u of project.users) claim(u.guid, `user “${u.name}”`);
  const flat = flattenCodes(project.codes);
  for (const { code } of flat) claim(code.guid, `code “${code.name}”`);
  for (const v of project.variables) claim(v.guid, `variable “${v.name}”`);
  for (const c of project.cases) claim(c.guid, `case “${c.name}”`);
  for (const n of project.notes) claim(n.guid, `note “${n.name}”`);
  for (const l of project.links) claim(l.guid, `link “${l.name}”`);
  for (const s of project.sets) claim(s.guid, `set “${s.name}”`);
  const codeGuids = new Set(flat.map((f) => f.code.guid));
  let unknownCode = 0;
  for (const source of project.sources) {
    claim(source.guid, `source “${source.name}”`);
    const length = codePointLength(source.text);
    for (const sel of source.selections) {
      claim(sel.guid, `a selection in “${source.name}”`);
      for (const c of sel.codings) claim(c.guid, `a coding in “${source.name}”`);
      if (!Number.isInteger(sel.start) || !Number.isInteger(sel.end)) errors.push(`A selection in “${source.name}” has a position that is not a whole number.`);
      else if (sel.start < 0 || sel.end < sel.start) errors.push(`A selection in “${source.name}” is reversed or negative (${sel.start}–${sel.end}).`);
      else if (sel.end > length) errors.push(`A selection in “${source.name}” ends at ${sel.end}, past the end of its text (${length} characters).`);
      for (const c of sel.codings) if (!codeGuids.has(c.codeGuid)) unknownCode++;
    }
  }
  if (unknownCode) warnings.push(`${unknownCode} coding(s) refer to a code that is not in the codebook and are skipped.`);
}

/**
 * Read a project document (project.qde) with its archive files.
 *
 * @param xml - the document text (BOM already removed by {@link decodeText}).
 * @param files - the archive's other files, or null for a bare .qde.
 * @returns the project, the Groundwork extension if present, and errors/warnings.
 * @throws {RefiError} for XML that is refused or is not a REFI-QDA project.
 */
export function parseProjectXml(xml: string, files: Record<string, Uint8Array> | null): ParsedProject {
  const doc = parseXml(xml);
  const root = doc.Project as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new RefiError('invalid', 'This is not a REFI-QDA project: project.qde has no <Project> element.');
  const errors: string[] = [];
  const warnings: string[] = [];
  const ctx: SourceContext = { files: files ? new ArchiveFiles(files, attr(root, 'basePath') ?? '') : null, errors, warnings };
  const users = children(child(root, 'Users'), 'User').map((u) => ({ guid: guidOf(u), name: (attr(u, 'name') ?? '').trim(), id: attr(u, 'id') }));
  const codes = readCodes(child(child(root, 'CodeBook'), 'Codes'), true);
  const variables: RefiVariable[] = children(child(root, 'Variables'), 'Variable').map((v) => {
    const type = (attr(v, 'typeOfVariable') ?? 'Text').trim() as RefiVariableType;
    return { guid: guidOf(v), name: (attr(v, 'name') ?? '').trim(), type: VARIABLE_TYPES.includes(type) ? type : 'Text', description: textOf(child(v, 'Description')) };
  });
  const cases: RefiCase[] = children(child(root, 'Cases'), 'Case').map((c) => ({
    guid: guidOf(c),
    name: (attr(c, 'name') ?? '').trim(),
    description: textOf(child(c, 'Description')),
    values: readValues(c),
    sourceRefs: refsOf(c, 'SourceRef'),
  }));
  const sources: RefiSource[] = [];
  const sourcesNode = child(root, 'Sources');
  for (const element of ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']) {
    for (const node of children(sourcesNode, element)) {
      const source = readSource(node, element, ctx);
      if (source) sources.push(source);
    }
  }
  const notes = children(child(root, 'Notes'), 'Note').map((n) => readNote(n, ctx));
  const links: RefiLink[] = children(child(root, 'Links'), 'Link').map((l) => {
    const direction = attr(l, 'direction')?.trim() as RefiDirection | undefined;
    return {
      guid: guidOf(l),
      name: (attr(l, 'name') ?? '').trim(),
      direction: direction && DIRECTIONS.includes(direction) ? direction : undefined,
      originGuid: guidOf(l, 'originGUID') || undefined,
      targetGuid: guidOf(l, 'targetGUID') || undefined,
      noteRefs: refsOf(l, 'NoteRef'),
    };
  });
  const sets: RefiSet[] = children(child(root, 'Sets'), 'Set').map((s) => ({
    guid: guidOf(s),
    name: (attr(s, 'name') ?? '').trim(),
    description: textOf(child(s, 'Description')),
    memberCodes: refsOf(s, 'MemberCode'),
    memberSources: refsOf(s, 'MemberSource'),
    memberNotes: refsOf(s, 'MemberNote'),
  }));
  const project: RefiProject = {
    name: (attr(root, 'name') ?? '').trim() || 'Imported project',
    origin: attr(root, 'origin'),
    description: textOf(child(root, 'Description')),
    creationDateTime: attr(root, 'creationDateTime'),
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
    links,
    sets,
    noteRefs: refsOf(root, 'NoteRef'),
  };
  checkProject(project, errors, warnings);
  const extNote = notes.find((n) => n.name === EXTENSION_NOTE_NAME && project.noteRefs.includes(n.guid));
  const extension = extNote ? readExtension(extNote.text) : null;
  if (extNote && !extension) warnings.push(`The note “${EXTENSION_NOTE_NAME}” could not be read; levels and relation types are taken from the nesting instead.`);
  return { project, extension, errors: [...new Set(errors)], warnings, origin: project.origin ?? '' };
}

function unsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').some((part) => part === '..') || n.includes('\0');
}

/**
 * Read a .qdpx archive: size limit first, then the zip directory (entry names, counts, declared
 * sizes and ratios: lib/io/zip-guard.ts), then bounded inflation, then the XML.
 *
 * @throws {RefiError} with a message for the researcher; nothing has been stored.
 * @example const parsed = readQdpx(bytes);
 */
export function readQdpx(bytes: Uint8Array, options: { maxBytes?: number; limits?: ZipLimits } = {}): ParsedProject {
  const maxBytes = options.maxBytes ?? MAX_QDPX_BYTES;
  if (bytes.length > maxBytes) {
    throw new RefiError('too-large', `The archive is ${Math.round(bytes.length / 1024 / 1024)} MB; the limit is ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
  let entries: ZipEntry[];
  let files: Record<string, Uint8Array>;
  try {
    entries = readZipDirectory(bytes);
    const unsafe = entries.find((e) => unsafeEntryName(e.name));
    if (unsafe) throw new RefiError('path', `The archive holds a file with an unsafe path (“${unsafe.name}”): paths must stay inside the archive. Nothing was imported.`);
    const limits = options.limits ?? QDPX_ZIP_LIMITS;
    checkZipLimits(entries, limits);
    files = extractZipEntries(bytes, entries.filter((e) => !e.name.endsWith('/')), limits);
  } catch (error) {
    if (error instanceof ZipGuardError) {
      if (error.reason === 'bomb') throw new RefiError('bomb', `The archive expands far beyond its size (${error.message}); it looks like a zip bomb and was refused.`);
      if (error.reason === 'encrypted') throw new RefiError('zip', 'The archive is password-protected; export it again without a password.');
      throw new RefiError('zip', `This is not a readable .qdpx archive (${error.message}).`);
    }
    throw error;
  }
  const names = Object.keys(files);
  const qde = names.find((n) => n.toLowerCase() === 'project.qde') ?? names.find((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  if (!qde) throw new RefiError('missing', 'The archive has no project.qde: it is not a REFI-QDA project (.qdpx).');
  const rest = { ...files };
  delete rest[qde];
  return parseProjectXml(decodeText(files[qde]), rest);
}

/**
 * Read a .qdc codebook (or a project's CodeBook when given a project document).
 *
 * @throws {RefiError} for refused XML or a document without codes.
 */
export function readQdc(bytes: Uint8Array): RefiCodebook {
  if (bytes.length > MAX_QDC_BYTES) throw new RefiError('too-large', `The codebook is larger than ${MAX_QDC_BYTES / 1024 / 1024} MB.`);
  const doc = parseXml(decodeText(bytes));
  const root = (doc.CodeBook ?? (doc.Project as XmlNode | undefined)?.CodeBook) as XmlNode | undefined;
  if (!root) throw new RefiError('invalid', 'This is not a REFI-QDA codebook: it has no <CodeBook> element.');
  const codes = readCodes(child(root, 'Codes'), false);
  const sets = children(child(root, 'Sets'), 'Set').map((s) => ({
    guid: guidOf(s),
    name: (attr(s, 'name') ?? '').trim(),
    description: textOf(child(s, 'Description')),
    // Codebook.xsd names the member by `guid`; project files use `targetGUID`.
    memberCodes: [...refsOf(s, 'MemberCode', 'guid'), ...refsOf(s, 'MemberCode')],
    memberSources: [],
    memberNotes: [],
  }));
  return { origin: attr(root, 'origin') ?? attr(doc.CodeBook as XmlNode, 'origin'), codes, sets };
}
