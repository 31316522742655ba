import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { sliceByCodePoints } from '../../coding/offsets';
import { readQdpx } from './parse';
import { planImport, previewOf, type ImportPlan } from './to-groundwork';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Zips a fixture folder (README excluded) as a tool would ship it. */
function archive(tool: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else if (name !== 'README.md') files[`${prefix}${name}`] = readFileSync(path);
    }
  };
  walk(join(root, tool), '');
  return zipSync(files);
}

const coded = (plan: ImportPlan) => {
  const code = new Map(plan.codes.map((c) => [c.guid, c.name]));
  const source = new Map(plan.sources.map((s) => [s.guid, s]));
  return plan.codings.map((c) => [code.get(c.codeGuid), sliceByCodePoints(source.get(c.sourceGuid)!.text, c.start, c.end)]);
};

describe('importing files in the layouts other tools write', () => {
  it('QualCoder: lower-case sources/, categories as isCodable=false, cases with variables, code-point positions', () => {
    const parsed = readQdpx(archive('qualcoder'));
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed);
    expect(plan.levelMapping).toBe('nesting');
    expect(plan.codes.map((c) => [c.name, c.level, c.parentGuid ? plan.codes.find((p) => p.guid === c.parentGuid)!.name : null])).toEqual([
      ['Relationships', 2, null],
      ['family', 1, 'Relationships'],
      ['friends', 1, 'Relationships'],
      ['money', 1, null],
    ]);
    expect(coded(plan)).toEqual([
      ['family', 'family'],
      ['money', 'money'],
    ]);
    expect(plan.codes.find((c) => c.name === 'family')!.color).toBe('#f781f3');
    expect(plan.cases).toEqual([{ guid: 'e0000000-0000-4000-8000-000000000001', name: 'ID1', values: [{ attributeGuid: 'd0000000-0000-4000-8000-000000000001', value: '34' }, { attributeGuid: 'd0000000-0000-4000-8000-000000000002', value: 'female' }] }]);
    expect(plan.sources[0].caseGuid).toBe('e0000000-0000-4000-8000-000000000001');
    expect(plan.memos.map((m) => [m.target, m.text])).toEqual([
      ['source', 'Recorded at home.'],
      ['coding', 'She hesitates here.'],
    ]);
    expect(plan.users.map((u) => [u.name, u.target])).toEqual([
      ['default', 'placeholder'],
      ['coder2', 'placeholder'],
    ]);
    expect(plan.codings.map((c) => plan.users.find((u) => u.guid === c.coder)?.name)).toEqual(['default', 'coder2']);
  });

  it('NVivo: Sources/ folder, upper-case GUIDs, DOCX with a plain-text companion, BOM, PDF representation, annotations', () => {
    const parsed = readQdpx(archive('nvivo'));
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed);
    expect(plan.sources.map((s) => [s.title, s.format, s.text.charCodeAt(0) === 0xfeff])).toEqual([
      ['Interview P1', 'docx', false],
      ['Annual report', 'pdf', false],
    ]);
    expect(coded(plan)).toEqual([
      ['Deadlines', 'deadline stress'],
      ['Coping', 'coped together'],
      ['Workload', 'Workload rose'],
    ]);
    // Three levels of nodes: main category → category → concepts.
    expect(plan.codes.map((c) => [c.name, c.level])).toEqual([
      ['Stress', 3],
      ['Sources of stress', 2],
      ['Deadlines', 1],
      ['Workload', 1],
      ['Coping', 1],
    ]);
    expect(plan.memos).toMatchObject([{ target: 'coding', text: 'Said twice in the interview.' }]);
    expect(plan.warnings).toContain('1 area selection(s) of the PDF source “Annual report” are skipped; its text codings are kept.');
    expect(plan.codings.every((c) => c.coder === '0e5a8c1d-1111-4000-8000-000000000001' || c.coder === null)).toBe(true);
  });

  it('ATLAS.ti: prefixed namespace, braced GUIDs, inline text, flat codes, code groups and code links', () => {
    const parsed = readQdpx(archive('atlasti'));
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed);
    expect(plan.name).toBe('Platform trust (ATLAS.ti)');
    expect(plan.description).toBe('Exported for the review.');
    expect(coded(plan)).toEqual([
      ['trust: platform', 'We trust the platform,'],
      ['outcome: repeat purchase', '我们还会再买。'],
    ]);
    expect(plan.codes.find((c) => c.name === 'risk: shipping')!.definition).toBe('Delays & damage');
    expect(plan.memos).toMatchObject([{ target: 'coding', text: 'Key statement.' }]);
    // Flat codes are concepts, and a link between concepts is not a relation (relations join categories).
    expect(plan.relations).toEqual([]);
    expect(plan.warnings).toEqual(expect.arrayContaining(['1 set(s) of codes are not imported (Groundwork groups codes by the hierarchy).', '1 link(s) do not join two categories (or higher) and are not imported as relations.']));
    expect(plan.users[0].guid).toBe('11111111-aaaa-4000-8000-000000000001');
    expect(plan.codings[0].coder).toBe('11111111-aaaa-4000-8000-000000000001');
  });

  it('MAXQDA: relative:// paths, duplicate document names, document variables, deep trees and #rgb colours', () => {
    const parsed = readQdpx(archive('maxqda'));
    expect(parsed.errors).toEqual([]);
    const plan = planImport(parsed);
    expect(plan.sources.map((s) => s.title)).toEqual(['Interview', 'Interview (2)']);
    expect(coded(plan)).toEqual([
      ['Not enough lesson time', 'more time'],
      ['Parents', 'Parents help'],
      ['Colleagues', 'colleagues share'],
    ]);
    const byName = new Map(plan.codes.map((c) => [c.name, c]));
    expect(['Resources', 'Time', 'Time pressure', 'Lesson time', 'Not enough lesson time'].map((n) => byName.get(n)!.level)).toEqual([4, 3, 2, 1, 1]);
    expect(byName.get('Not enough lesson time')!.parentGuid).toBe(byName.get('Time pressure')!.guid);
    expect(byName.get('Resources')!.color).toBe('#cc3300');
    expect(plan.warnings).toContain('1 code(s) nested deeper than four levels become concepts of the nearest category.');
    expect(plan.cases.map((c) => [c.name, c.values.map((v) => v.value)])).toEqual([
      ['Interview', ['Primary', '12']],
      ['Interview (2)', ['Secondary']],
    ]);
    expect(plan.attributes.map((a) => [a.name, a.type])).toEqual([
      ['School type', 'text'],
      ['Years teaching', 'number'],
    ]);
    const preview = previewOf(parsed, plan);
    expect(preview.counts).toMatchObject({ users: 0, codes: 8, sources: 2, codings: 3, cases: 2, variables: 2 });
    // The user can change the mapping before confirming.
    expect(planImport(parsed, { levelMapping: 'flat' }).codes.every((c) => c.level === 1 && c.parentGuid === null)).toBe(true);
  });
});
