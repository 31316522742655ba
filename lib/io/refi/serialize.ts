/**
 * Writes REFI-QDA 1.0: a project (project.qde inside a .qdpx zip, text sources as UTF-8 files in
 * `sources/`) and a codebook (.qdc). Element order follows Project.xsd / Codebook.xsd exactly
 * (xsd:sequence), so the output validates (lib/io/refi/schema-validation.test.ts).
 */
import { zipSync, strToU8 } from 'fflate';

import type { RefiCode, RefiCodebook, RefiCoding, RefiProject, RefiSelection, RefiSet, RefiSource, RefiVariableValue, RefiVariable } from './model';

const PROJECT_NS = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: &, <, > escaped; CR kept as a character reference (a parser would turn CRLF into LF). */
export function escapeText(value: string): string {
  return value.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute value: also quotes, and tab/newline as references (attribute normalisation would turn them into spaces). */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

type Attrs = Record<string, string | number | boolean | undefined>;

function attrs(values: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') continue;
    out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  return out;
}

class XmlWriter {
  private readonly parts: string[] = [];
  private depth = 0;
  private pad(): string {
    return '  '.repeat(this.depth);
  }
  open(name: string, a: Attrs = {}): void {
    this.parts.push(`${this.pad()}<${name}${attrs(a)}>\n`);
    this.depth++;
  }
  close(name: string): void {
    this.depth--;
    this.parts.push(`${this.pad()}</${name}>\n`);
  }
  empty(name: string, a: Attrs = {}): void {
    this.parts.push(`${this.pad()}<${name}${attrs(a)}/>\n`);
  }
  text(name: string, value: string, a: Attrs = {}): void {
    this.parts.push(`${this.pad()}<${name}${attrs(a)}>${escapeText(value)}</${name}>\n`);
  }
  raw(value: string): void {
    this.parts.push(value);
  }
  toString(): string {
    return this.parts.join('');
  }
}

function noteRefs(w: XmlWriter, refs: readonly string[]): void {
  for (const ref of refs) w.empty('NoteRef', { targetGUID: ref });
}

function writeCode(w: XmlWriter, code: RefiCode, withNotes: boolean): void {
  const a = { guid: code.guid, name: code.name, isCodable: code.isCodable ? 'true' : 'false', color: code.color };
  const hasBody = code.description !== '' || code.children.length > 0 || (withNotes && code.noteRefs.length > 0);
  if (!hasBody) return w.empty('Code', a);
  w.open('Code', a);
  if (code.description !== '') w.text('Description', code.description);
  if (withNotes) noteRefs(w, code.noteRefs);
  for (const child of code.children) writeCode(w, child, withNotes);
  w.close('Code');
}

function writeVariableValue(w: XmlWriter, value: RefiVariableValue, variables: ReadonlyMap<string, RefiVariable>): void {
  const variable = variables.get(value.variableGuid);
  const element = `${variable?.type ?? 'Text'}Value`;
  w.open('VariableValue');
  w.empty('VariableRef', { targetGUID: value.variableGuid });
  w.text(element, value.value);
  w.close('VariableValue');
}

function writeCoding(w: XmlWriter, coding: RefiCoding): void {
  w.open('Coding', { guid: coding.guid, creatingUser: coding.creatingUser, creationDateTime: coding.creationDateTime });
  w.empty('CodeRef', { targetGUID: coding.codeGuid });
  noteRefs(w, coding.noteRefs);
  w.close('Coding');
}

function writeSelection(w: XmlWriter, selection: RefiSelection): void {
  w.open('PlainTextSelection', {
    guid: selection.guid,
    name: selection.name,
    startPosition: selection.start,
    endPosition: selection.end,
    creatingUser: selection.creatingUser,
    creationDateTime: selection.creationDateTime,
  });
  for (const coding of selection.codings) writeCoding(w, coding);
  noteRefs(w, selection.noteRefs);
  w.close('PlainTextSelection');
}

/** The archive path of a text source's plain text (referenced as `internal://<file>`). */
export function sourceFileName(source: Pick<RefiSource, 'guid'>): string {
  return `${source.guid}.txt`;
}

function writeTextSource(w: XmlWriter, source: RefiSource, variables: ReadonlyMap<string, RefiVariable>, inline: boolean): void {
  w.open('TextSource', {
    guid: source.guid,
    name: source.name,
    plainTextPath: inline ? undefined : `internal://${sourceFileName(source)}`,
    creatingUser: source.creatingUser,
    creationDateTime: source.creationDateTime,
  });
  if (source.description !== '') w.text('Description', source.description);
  if (inline) w.text('PlainTextContent', source.text);
  for (const selection of source.selections) writeSelection(w, selection);
  noteRefs(w, source.noteRefs);
  for (const value of source.variableValues) writeVariableValue(w, value, variables);
  w.close('TextSource');
}

function writeSet(w: XmlWriter, set: RefiSet, project: boolean): void {
  w.open('Set', { guid: set.guid, name: set.name });
  if (set.description !== '') w.text('Description', set.description);
  for (const ref of set.memberCodes) w.empty('MemberCode', project ? { targetGUID: ref } : { guid: ref });
  if (project) {
    for (const ref of set.memberSources) w.empty('MemberSource', { targetGUID: ref });
    for (const ref of set.memberNotes) w.empty('MemberNote', { targetGUID: ref });
  }
  w.close('Set');
}

/**
 * The project as QDA-XML (the content of project.qde).
 *
 * @param project - the project; every source is written as a TextSource.
 * @param options.inlineText - write the text inside PlainTextContent instead of a file reference.
 * @returns the XML document (UTF-8 declared, no BOM).
 * @example projectXml(project) // '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns=…'
 */
export function projectXml(project: RefiProject, options: { inlineText?: boolean } = {}): string {
  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="utf-8"?>\n');
  w.open('Project', {
    xmlns: PROJECT_NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
    name: project.name,
    origin: project.origin,
    creationDateTime: project.creationDateTime,
  });
  if (project.users.length) {
    w.open('Users');
    for (const user of project.users) w.empty('User', { guid: user.guid, name: user.name, id: user.id });
    w.close('Users');
  }
  if (project.codes.length) {
    w.open('CodeBook');
    w.open('Codes');
    for (const code of project.codes) writeCode(w, code, true);
    w.close('Codes');
    w.close('CodeBook');
  }
  const variables = new Map(project.variables.map((v) => [v.guid, v]));
  if (project.variables.length) {
    w.open('Variables');
    for (const variable of project.variables) {
      if (variable.description === '') w.empty('Variable', { guid: variable.guid, name: variable.name, typeOfVariable: variable.type });
      else {
        w.open('Variable', { guid: variable.guid, name: variable.name, typeOfVariable: variable.type });
        w.text('Description', variable.description);
        w.close('Variable');
      }
    }
    w.close('Variables');
  }
  if (project.cases.length) {
    w.open('Cases');
    for (const c of project.cases) {
      w.open('Case', { guid: c.guid, name: c.name });
      if (c.description !== '') w.text('Description', c.description);
      for (const value of c.values) writeVariableValue(w, value, variables);
      for (const ref of c.sourceRefs) w.empty('SourceRef', { targetGUID: ref });
      w.close('Case');
    }
    w.close('Cases');
  }
  if (project.sources.length) {
    w.open('Sources');
    for (const source of project.sources) writeTextSource(w, source, variables, options.inlineText === true);
    w.close('Sources');
  }
  if (project.notes.length) {
    w.open('Notes');
    for (const note of project.notes) {
      w.open('Note', { guid: note.guid, name: note.name, creatingUser: note.creatingUser, creationDateTime: note.creationDateTime });
      w.text('PlainTextContent', note.text);
      w.close('Note');
    }
    w.close('Notes');
  }
  if (project.links.length) {
    w.open('Links');
    for (const link of project.links) {
      const a = { guid: link.guid, name: link.name, direction: link.direction, originGUID: link.originGuid, targetGUID: link.targetGuid };
      if (!link.noteRefs.length) w.empty('Link', a);
      else {
        w.open('Link', a);
        noteRefs(w, link.noteRefs);
        w.close('Link');
      }
    }
    w.close('Links');
  }
  if (project.sets.length) {
    w.open('Sets');
    for (const set of project.sets) writeSet(w, set, true);
    w.close('Sets');
  }
  if (project.description !== '') w.text('Description', project.description);
  noteRefs(w, project.noteRefs);
  w.close('Project');
  return w.toString();
}

/**
 * The codebook as a .qdc document.
 *
 * @example codebookXml({ origin: 'Groundwork', codes, sets: [] })
 */
export function codebookXml(codebook: RefiCodebook): string {
  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="utf-8"?>\n');
  w.open('CodeBook', {
    xmlns: CODEBOOK_NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`,
    origin: codebook.origin,
  });
  w.open('Codes');
  for (const code of codebook.codes) writeCode(w, code, false);
  w.close('Codes');
  if (codebook.sets.length) {
    w.open('Sets');
    for (const set of codebook.sets) writeSet(w, set, false);
    w.close('Sets');
  }
  w.close('CodeBook');
  return w.toString();
}

/**
 * The .qdpx archive: project.qde plus one UTF-8 file per text source under `sources/`
 * (the text exactly as stored: no BOM, line endings untouched, so it comes back byte-identical).
 *
 * @example const bytes = packQdpx(project);
 */
export function packQdpx(project: RefiProject): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(projectXml(project)) };
  for (const source of project.sources) files[`sources/${sourceFileName(source)}`] = strToU8(source.text);
  return zipSync(files, { level: 6 });
}
