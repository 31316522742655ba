/**
 * Safe XML reading for REFI-QDA files. A DOCTYPE is refused before any parser sees the text:
 * QDA-XML needs none, and a DOCTYPE is how entity expansion ("billion laughs") and external
 * entities (reading server files, SSRF) get in. Entities are then decoded here, only the five
 * predefined ones and numeric character references, so nothing can expand.
 */
import { XMLParser } from 'fast-xml-parser';

import { RefiError } from './errors';

/** A parsed element: attributes under `$`, text under `#text`, CDATA under `#cdata`, children by local name. */
export type XmlNode = { $?: Record<string, string>; '#text'?: string; '#cdata'?: string } & { [child: string]: unknown };

const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'Case', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'Note', 'Link', 'Set',
  'PlainTextSelection', 'PDFSelection', 'Coding', 'NoteRef', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'MemberCode',
  'MemberSource', 'MemberNote', 'Graph', 'Transcript',
]);

/**
 * Decode bytes as UTF-8, dropping a byte-order mark (UTF-16 files with a BOM are decoded as UTF-16).
 *
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // 'a'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a UTF-8 BOM
  } catch {
    throw new RefiError('encoding', 'A file in the archive is not valid UTF-8 text.');
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Predefined entities and numeric character references; anything else is an error (no DTD, so no other entity exists). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (_, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new RefiError('xml', `The XML holds an invalid character reference &${ref};.`);
      return String.fromCodePoint(code);
    }
    const known = PREDEFINED[ref];
    if (known === undefined) throw new RefiError('xml', `The XML uses the entity &${ref};, which is not defined (DTDs are not accepted).`);
    return known;
  });
}

/**
 * A linear well-formedness check: tags balanced and properly nested under one root, comments,
 * CDATA and processing instructions closed, nothing but whitespace outside the root. (The
 * parser alone is lenient — a truncated project.qde would read as a shorter project — and its
 * own validator is far slower on research-size files.)
 *
 * @returns null when well-formed, otherwise what is wrong.
 * @example wellFormedProblem('<a><b></a>') // 'the closing tag </a> does not match <b> …'
 */
export function wellFormedProblem(text: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const line = (at: number) => text.slice(0, at).split('\n').length;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const between = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (stack.length === 0 && between.trim() !== '' && between.trim() !== '\uFEFF') return `text outside the root element (line ${line(i)})`;
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return `an unclosed comment (line ${line(lt)})`;
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) return `CDATA outside the root element (line ${line(lt)})`;
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return `an unclosed CDATA section (line ${line(lt)})`;
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return `an unclosed processing instruction (line ${line(lt)})`;
      i = end + 2;
    } else {
      // A tag: find its end outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '<') return `a “<” inside a tag (line ${line(j)})`;
        else if (c === '>') break;
      }
      if (j >= text.length) return `an unclosed tag at the end of the file (line ${line(lt)}): the file may be truncated`;
      const tag = text.slice(lt + 1, j);
      const name = /^\/?\s*([^\s/>]+)/.exec(tag)?.[1];
      if (!name) return `an empty tag (line ${line(lt)})`;
      if (tag.startsWith('/')) {
        const open = stack.pop();
        if (open !== name) return open ? `the closing tag </${name}> does not match <${open}> (line ${line(lt)})` : `a closing tag </${name}> without an opening tag (line ${line(lt)})`;
      } else if (!tag.endsWith('/')) {
        if (stack.length === 0 && ++roots > 1) return `more than one root element (line ${line(lt)})`;
        stack.push(name);
      } else if (stack.length === 0 && ++roots > 1) return `more than one root element (line ${line(lt)})`;
      i = j + 1;
    }
  }
  if (stack.length) return `<${stack[stack.length - 1]}> is never closed: the file may be truncated`;
  if (roots === 0) return 'no root element';
  return null;
}

/**
 * Parse a QDA-XML document after refusing DOCTYPE and ENTITY declarations. Namespace prefixes
 * are dropped (`qda:Code` and `Code` read alike), so any prefix a tool picks works.
 *
 * @throws {RefiError} `xml` for a DOCTYPE, an undefined entity or malformed XML.
 * @example parseXml('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>').Project
 */
export function parseXml(text: string): Record<string, XmlNode> {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new RefiError('xml', 'The XML file declares a DOCTYPE or entities. REFI-QDA files need none, and they can be used to attack the server, so the file was refused.');
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '$',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    processEntities: false,
    cdataPropName: '#cdata',
    isArray: (name) => ARRAYS.has(name),
  });
  const problem = wellFormedProblem(text);
  if (problem) throw new RefiError('xml', `The XML is not well-formed: ${problem}.`);
  let parsed: Record<string, XmlNode>;
  try {
    parsed = parser.parse(text) as Record<string, XmlNode>;
  } catch (error) {
    throw new RefiError('xml', `The XML is not well-formed: ${(error as Error).message}`);
  }
  return parsed;
}

/** An attribute, entities decoded (undefined when absent). */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const raw = node?.$?.[name];
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** An element's text content (text and CDATA), entities decoded; '' when absent. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeEntities(node);
  const n = node as XmlNode;
  const cdata = n['#cdata'];
  const cdataText = Array.isArray(cdata) ? cdata.map((c) => textOf(c)).join('') : typeof cdata === 'string' ? cdata : cdata ? textOf(cdata) : '';
  return decodeEntities(n['#text'] ?? '') + cdataText;
}

/** Child elements of one name, always as a list. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

/** The first child element of a name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}
