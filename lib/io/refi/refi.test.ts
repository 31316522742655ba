import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../../coding/offsets';
import { guidFor, toRefiCodebook, toRefiProject } from './from-groundwork';
import { RefiError } from './errors';
import { readQdc, readQdpx } from './parse';
import { codebookXml, packQdpx, projectXml } from './serialize';
import { SAMPLE_TEXT_1, SAMPLE_TEXT_2, sampleSnapshot } from './testing/sample';
import { placeCodes, planImport, previewOf, textToMemo } from './to-groundwork';

const minimal = (body: string, attrs = '') =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="P"${attrs}>${body}</Project>`;
const qdpx = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function refused(fn: () => unknown): RefiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RefiError) return error;
    throw error;
  }
  throw new Error('expected a RefiError');
}

describe('export → read → plan (pure round trip)', () => {
  const snapshot = sampleSnapshot();
  const parsed = readQdpx(packQdpx(toRefiProject(snapshot)));
  const plan = planImport(parsed, { meGuid: guidFor('user', 'u-alice') });

  it('reads back without errors, with the extension', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.extension).not.toBeNull();
    expect(plan.levelMapping).toBe('groundwork');
  });

  it('keeps source text byte for byte (emoji, ZWJ, CJK, CRLF)', () => {
    expect(plan.sources.map((s) => s.text)).toEqual([SAMPLE_TEXT_1, SAMPLE_TEXT_2]);
    const zip = unzipSync(packQdpx(toRefiProject(snapshot)));
    const file = Object.keys(zip).find((k) => k.startsWith('sources/'))!;
    expect([...zip[file].slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps every coding at the same code-point positions with its coder', () => {
    const codeName = new Map(plan.codes.map((c) => [c.guid, c.name]));
    const userName = new Map(plan.users.map((u) => [u.guid, u.name]));
    const got = plan.codings.map((c) => `${codeName.get(c.codeGuid)}|${userName.get(c.coder!)}|${c.start}-${c.end}`).sort();
    const names = new Map(snapshot.codes.map((c) => [c.id, c.name]));
    const users = new Map(snapshot.users.map((u) => [u.id, u.name]));
    const want = snapshot.codings.map((c) => `${names.get(c.codeId)}|${users.get(c.coderId!)}|${c.start}-${c.end}`).sort();
    expect(got).toEqual(want);
    const family = plan.codings.find((c) => codeName.get(c.codeGuid) === 'Family 👪')!;
    expect(sliceByCodePoints(SAMPLE_TEXT_1, family.start, family.end)).toBe('👩‍👩‍👧');
  });

  it('keeps the four-level hierarchy, labels, colours and definitions', () => {
    const byName = new Map(plan.codes.map((c) => [c.name, c]));
    const nameOf = new Map(plan.codes.map((c) => [c.guid, c.name]));
    for (const code of snapshot.codes) {
      const got = byName.get(code.name)!;
      expect([got.level, got.label, got.color, got.definition]).toEqual([code.level, code.label, code.color, code.definition]);
      expect(got.parentGuid ? nameOf.get(got.parentGuid) : null).toBe(code.parentId ? snapshot.codes.find((c) => c.id === code.parentId)!.name : null);
    }
  });

  it('keeps memos (with formatting), relations with evidence, cases, folders, storyline and saturation set', () => {
    expect(plan.memos.map((m) => [m.target, m.text, JSON.parse(m.body).content[0].content[0].marks]).sort()).toEqual(
      [
        ['code', 'Code memo 价格', [{ type: 'bold' }]],
        ['coding', 'Coding memo', [{ type: 'bold' }]],
        ['source', 'Source memo 😀', [{ type: 'bold' }]],
      ].sort(),
    );
    expect(plan.relations.map((r) => [r.type, r.customType, r.memoText, r.evidence.length])).toEqual([
      ['causal-condition', '', 'Costs strain relationships', 1],
      ['custom', 'shapes', '', 0],
    ]);
    expect(plan.cases.map((c) => [c.name, c.values.map((v) => v.value)])).toEqual([
      ['Li family', ['42.5', '北京', '2025-04-30']],
      ['Olsen', ['Oslo']],
    ]);
    expect(plan.attributes.map((a) => [a.name, a.type, a.choices])).toEqual([
      ['Age', 'number', []],
      ['City 城市', 'choice', ['Oslo', '北京']],
      ['First contact', 'date', []],
    ]);
    expect(plan.sources.map((s) => [s.folder, s.saturationTest, s.kind, s.interviewee, s.codingOrder])).toEqual([
      ['Wave 1', false, 'interview', 'Li', 1],
      [null, true, 'interview', '', null],
    ]);
    expect(plan.storylineText).toBe('Families trade money for trust.');
    expect(plan.language).toBe('zh');
  });

  it('maps the importer to "me" by GUID and the other coder to a placeholder', () => {
    expect(plan.users.map((u) => [u.name, u.target])).toEqual([
      ['Alice Ånström', 'me'],
      ['Bob 李', 'placeholder'],
    ]);
    const preview = previewOf(parsed, plan);
    expect(preview.counts).toMatchObject({ users: 2, codes: 7, sources: 2, codings: 5, memos: 3, cases: 2, variables: 3, relations: 2 });
    expect(preview.levels).toEqual({ 1: 3, 2: 2, 3: 1, 4: 1 });
  });

  it('escapes markup in names and definitions', () => {
    const xml = projectXml(toRefiProject(snapshot));
    expect(xml).toContain('<Description>Says the price is too high &amp; "unfair" &lt;sic&gt;</Description>');
    expect(xml).toContain('<Description>Mentions family\nmembers</Description>');
    expect(xml).toContain('name="Price too high 价格"');
  });

  it('the codebook alone round-trips through .qdc', () => {
    const codebook = readQdc(strToU8(codebookXml(toRefiCodebook(snapshot))));
    expect(codebook.codes.map((c) => c.name)).toEqual(['Securing the family', 'Relationships']);
    expect(codebook.codes[0].children[0].children[0].children[0]).toMatchObject({ name: 'Price too high 价格', color: '#ff8800' });
  });
});

describe('level mapping', () => {
  const tree = (depths: number) => {
    let node = { guid: `g${depths}`, name: `n${depths}`, isCodable: true, description: '', noteRefs: [], children: [] as never[] };
    for (let d = depths - 1; d >= 0; d--) node = { guid: `g${d}`, name: `n${d}`, isCodable: true, description: '', noteRefs: [], children: [node] as never[] };
    return node;
  };
  it('a top-level code with children becomes a category, its children concepts', () => {
    const { placed } = placeCodes([tree(1)], 'nesting', null);
    expect([placed.get('g0')!.level, placed.get('g1')!.level, placed.get('g1')!.parentGuid]).toEqual([2, 1, 'g0']);
  });
  it('four levels map to core → main → category → concept', () => {
    const { placed } = placeCodes([tree(3)], 'nesting', null);
    expect(['g0', 'g1', 'g2', 'g3'].map((g) => placed.get(g)!.level)).toEqual([4, 3, 2, 1]);
  });
  it('deeper nesting is flattened into concepts of the nearest category', () => {
    const { placed, flattened } = placeCodes([tree(5)], 'nesting', null);
    expect(['g3', 'g4', 'g5'].map((g) => [placed.get(g)!.level, placed.get(g)!.parentGuid])).toEqual([
      [1, 'g2'],
      [1, 'g2'],
      [1, 'g2'],
    ]);
    expect(flattened).toBe(2);
  });
  it('flat makes every code a concept', () => {
    const { placed } = placeCodes([tree(2)], 'flat', null);
    expect([...placed.values()].map((p) => [p.level, p.parentGuid])).toEqual([
      [1, null],
      [1, null],
      [1, null],
    ]);
  });
});

describe('memo text', () => {
  it('turns paragraphs and line breaks into a memo document', () => {
    expect(textToMemo('a\nb\n\nc')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'c' }] },
      ],
    });
  });
});

describe('hostile and broken archives are refused with a clear message', () => {
  it('a zip bomb (ratio) is refused', () => {
    const bomb = zipSync({ 'project.qde': strToU8(minimal('')), 'sources/big.txt': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    const error = refused(() => readQdpx(bomb));
    expect(error.code).toBe('bomb');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('a zip bomb (total uncompressed size) is refused', () => {
    const many: Record<string, Uint8Array> = { 'project.qde': strToU8(minimal('')) };
    for (let i = 0; i < 4; i++) many[`sources/${i}.txt`] = new Uint8Array(2 * 1024 * 1024).fill(65 + i);
    const error = refused(() => readQdpx(zipSync(many, { level: 0 }), { limits: { maxEntries: 100, maxTotalUncompressed: 5 * 1024 * 1024, maxRatio: 100, ratioMinSize: 1024 * 1024 } }));
    expect(error.code).toBe('bomb');
  });

  it('an archive over the size limit is refused before it is read (200 MB)', () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    const error = refused(() => readQdpx(huge));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/200 MB; the limit is 100 MB/);
  });

  it.each(['../evil.txt', '/etc/passwd', 'sources/../../x.txt', 'C:/win.ini'])('an entry named %s is refused', (name) => {
    const error = refused(() => readQdpx(qdpx({ 'project.qde': minimal(''), [name]: 'x' })));
    expect(error.code).toBe('path');
    expect(error.message).toContain(name);
  });

  it('a DOCTYPE with entity expansion (billion laughs) is refused before parsing', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`;
    const error = refused(() => readQdpx(qdpx({ 'project.qde': lol })));
    expect(error.code).toBe('xml');
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('an external entity is refused', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`;
    expect(refused(() => readQdpx(qdpx({ 'project.qde': xxe }))).code).toBe('xml');
  });

  it('an undeclared entity is refused, not expanded', () => {
    expect(refused(() => readQdpx(qdpx({ 'project.qde': minimal('', ' origin="&foo;"') }))).message).toMatch(/&foo;/);
  });

  it('a missing project.qde is refused', () => {
    const error = refused(() => readQdpx(qdpx({ 'sources/a.txt': 'hello' })));
    expect(error.code).toBe('missing');
    expect(error.message).toMatch(/no project\.qde/);
  });

  it('a missing source file is an error that blocks the import', () => {
    const parsed = readQdpx(qdpx({ 'project.qde': minimal(`<Sources><TextSource guid="${G(1)}" name="A" plainTextPath="internal://${G(1)}.txt"/></Sources>`) }));
    expect(parsed.errors[0]).toMatch(/text of source “A”.*missing from the archive/);
  });

  it('positions past the end of the text, or reversed, are errors', () => {
    const codebook = `<CodeBook><Codes><Code guid="${G(9)}" name="c" isCodable="true"/></Codes></CodeBook>`;
    const sel = (id: number, s: number, e: number) => `<PlainTextSelection guid="${G(id)}" startPosition="${s}" endPosition="${e}"><Coding guid="${G(id + 50)}"><CodeRef targetGUID="${G(9)}"/></Coding></PlainTextSelection>`;
    const parsed = readQdpx(qdpx({ 'project.qde': minimal(`${codebook}<Sources><TextSource guid="${G(1)}" name="A"><PlainTextContent>😀abc</PlainTextContent>${sel(2, 0, 5)}${sel(3, 3, 1)}${sel(4, 0, 4)}</TextSource></Sources>`) }));
    expect(parsed.errors).toEqual(['A selection in “A” ends at 5, past the end of its text (4 characters).', 'A selection in “A” is reversed or negative (3–1).']);
  });

  it('duplicate GUIDs are an error (also when they differ only in case and braces)', () => {
    const parsed = readQdpx(qdpx({ 'project.qde': minimal(`<CodeBook><Codes><Code guid="${G(1).toUpperCase()}" name="a" isCodable="true"/><Code guid="{${G(1)}}" name="b" isCodable="true"/></Codes></CodeBook>`) }));
    expect(parsed.errors[0]).toMatch(/is used twice \(code “a” and code “b”\)/);
  });

  it('an unknown code reference is a warning and the coding is skipped', () => {
    const parsed = readQdpx(qdpx({ 'project.qde': minimal(`<Sources><TextSource guid="${G(1)}" name="A"><PlainTextContent>abc</PlainTextContent><PlainTextSelection guid="${G(2)}" startPosition="0" endPosition="1"><Coding guid="${G(3)}"><CodeRef targetGUID="${G(4)}"/></Coding></PlainTextSelection></TextSource></Sources>`) }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual(['1 coding(s) refer to a code that is not in the codebook and are skipped.']);
    expect(planImport(parsed).codings).toEqual([]);
  });

  it('something that is not a zip is refused', () => {
    expect(refused(() => readQdpx(strToU8('hello'))).code).toBe('zip');
  });

  it('the export itself is a readable zip with project.qde first', () => {
    const files = unzipSync(packQdpx(toRefiProject(sampleSnapshot())));
    expect(Object.keys(files)[0]).toBe('project.qde');
    expect(strFromU8(files['project.qde'])).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<Project xmlns="urn:QDA-XML:project:1.0"/);
  });
});

describe('well-formedness', () => {
  it.each([
    ['<a><b></a>', /closing tag <\/a> does not match <b>/],
    ['<Project name="x"><Sources>', /<Sources> is never closed: the file may be truncated/],
    ['<a/><b/>', /more than one root element/],
    ['<a>x</a>trailing', /text outside the root element/],
    ['<a><!-- open', /unclosed comment/],
    ['<a x="1"', /unclosed tag at the end of the file/],
  ])('%s is refused', (xml, message) => {
    const error = refused(() => readQdpx(qdpx({ 'project.qde': xml })));
    expect(error.code).toBe('xml');
    expect(error.message).toMatch(message);
  });

  it('accepts comments, CDATA, processing instructions and ">" inside attribute values', () => {
    const parsed = readQdpx(qdpx({ 'project.qde': `\uFEFF<?xml version="1.0"?>\n<!-- by hand --><Project xmlns="urn:QDA-XML:project:1.0" name="a > b"><Description><![CDATA[<raw> & text]]></Description></Project>\n` }));
    expect(parsed.project.name).toBe('a > b');
    expect(parsed.project.description).toBe('<raw> & text');
  });
});
