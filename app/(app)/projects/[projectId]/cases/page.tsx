import type { Metadata } from 'next';
import Link from 'next/link';

import { AttributeTable } from '@/components/cases/attribute-table';

import { CaseByVariablePanel } from '@/components/mixed/case-by-variable-panel';
import { CaseManager } from '@/components/mixed/case-manager';
import { CaseMatchPanel } from '@/components/mixed/case-match-panel';
import { CaseQuantitizePanel } from '@/components/mixed/case-quantitize-panel';
import { can } from '@/lib/auth/roles';
import { listDatasets } from '@/lib/server/data/dataset/datasets';
import { loadHierarchyCodes } from '@/lib/server/data/hierarchy/load-hierarchy';
import { listMembers } from '@/lib/server/data/member/list-members';
import { listCases } from '@/lib/server/data/mixed/cases';
import { loadAttributeTable } from '@/lib/server/data/cases/attributes';
import { listPartSources, listProjectCaseParts } from '@/lib/server/data/cases/parts';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Cases' };

/**
 * Cases: the interviewees (or firms, teams…) that join the qualitative sources to survey
 * respondents. Grouping sources, matching cases to a dataset, quantitizing coding into it and
 * reading the cases behind a survey variable.
 */
export default async function CasesPage(props: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const ids = { userId: user.id, projectId: project.id };
  const [{ cases, unassigned }, datasets, hierarchy, members, attributeTable, parts, sources] = await Promise.all([
    listCases(ids),
    listDatasets(ids),
    loadHierarchyCodes(ids),
    listMembers(ids),
    loadAttributeTable(ids),
    listProjectCaseParts(ids),
    listPartSources(ids),
  ]);
  const codes = hierarchy.codes.map((c) => ({ id: c.id, label: c.label, name: c.name, level: c.level, parentId: c.parentId }));
  const datasetChoices = datasets.map((d) => ({ id: d.id, name: d.name, rowCount: d.rowCount }));

  return (
    <>
      <h1>Cases</h1>
      <p className="muted">
        A case is one interviewee (or firm, team…) with all of their sources. Give a case the respondent’s survey id as its identifier, and the interviews and the survey can be
        joined: matched, quantitized into variables, or read by survey score. Parts of sources can be cases too: a speaker of a focus-group transcript, or a passage
        chosen in the workbench (“Assign to case…”).
      </p>
      <p>
        <Link href={`/projects/${project.id}/cases/matrix`}>Case comparison matrix</Link> · <Link href={`/projects/${project.id}/cases/triangulation`}>Triangulation</Link>
      </p>
      <CaseManager projectId={project.id} cases={cases} unassigned={unassigned} parts={parts} sources={sources} canWrite={can(project.role, 'sources:write')} />
      <AttributeTable projectId={project.id} attributes={attributeTable.attributes} cases={attributeTable.cases} canWrite={can(project.role, 'sources:write')} />
      <CaseMatchPanel projectId={project.id} datasets={datasetChoices} caseCount={cases.length} />
      <CaseQuantitizePanel projectId={project.id} datasets={datasetChoices} codes={codes} members={members.map((m) => ({ userId: m.userId, name: m.name }))} canWrite={can(project.role, 'data:write')} />
      <CaseByVariablePanel projectId={project.id} datasets={datasetChoices} codes={codes} />
    </>
  );
}
