import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';

import { toRefiCodebook, toRefiProject } from './from-groundwork';
import { codebookXml, packQdpx, projectXml } from './serialize';
import { sampleSnapshot } from './testing/sample';

const dir = fileURLToPath(new URL('./schemas/', import.meta.url));
const projectXsd = `${dir}Project.xsd`;
const codebookXsd = `${dir}Codebook.xsd`;
const haveSchemas = existsSync(projectXsd) && existsSync(codebookXsd);
if (!haveSchemas) console.warn(`REFI-QDA schema validation skipped: ${projectXsd} or ${codebookXsd} is missing (vendor them from www.qdasoftware.org).`);

async function validate(xml: string, xsd: string, fileName: string) {
  return validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: xsd.split('/').pop()!, contents: readFileSync(xsd, 'utf8') }] });
}

describe.skipIf(!haveSchemas)('REFI-QDA exports validate against the published XSDs', () => {
  it('project.qde of the .qdpx export validates against Project.xsd', async () => {
    const bytes = packQdpx(toRefiProject(sampleSnapshot()));
    const qde = strFromU8(unzipSync(bytes)['project.qde']);
    const result = await validate(qde, projectXsd, 'project.qde');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('a project with inline text validates too', async () => {
    const result = await validate(projectXml(toRefiProject(sampleSnapshot()), { inlineText: true }), projectXsd, 'project.qde');
    expect(result.errors).toEqual([]);
  });

  it('the .qdc codebook export validates against Codebook.xsd', async () => {
    const xml = codebookXml(toRefiCodebook(sampleSnapshot()));
    const result = await validate(xml, codebookXsd, 'codebook.qdc');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator does reject a broken document (the check can fail)', async () => {
    const xml = codebookXml(toRefiCodebook(sampleSnapshot())).replace('isCodable="true"', 'isCodable="maybe"');
    const result = await validate(xml, codebookXsd, 'codebook.qdc');
    expect(result.valid).toBe(false);
  });
});
