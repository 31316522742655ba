import type { Metadata } from 'next';

import { SourceHeader } from '@/components/sources/source-header';
import { BlindSourceNotice } from '@/components/team/blind-source-notice';
import { LiveWorkbench } from '@/components/team/live-workbench';
import { can } from '@/lib/auth/roles';
import { packCodings, type PackedWorkbenchData } from '@/lib/coding/packed-codings';
import { listCodes } from '@/lib/server/data/code/list-codes';
import { listSourceCodings } from '@/lib/server/data/coding/list-source-codings';
import { loadSourcePage } from '@/lib/server/source-page';
import { sourceMarkers } from '@/lib/sources/markers';

import { adjustCodingAction, applyCodeAction, createCodeAndApplyAction, removeCodingAction, setCodingMemoAction } from './actions';

type Props = { params: Promise<{ projectId: string; sourceId: string }>; searchParams: Promise<{ coding?: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { projectId, sourceId } = await props.params;
  return { title: (await loadSourcePage(projectId, sourceId)).source.title };
}

/** The open-coding workbench for one source. */
export default async function SourceCodingPage(props: Props) {
  const { projectId, sourceId } = await props.params;
  const { coding: focusCodingId } = await props.searchParams;
  const { user, project, source } = await loadSourcePage(projectId, sourceId);
  const [codes, codings] = await Promise.all([listCodes({ userId: user.id, projectId }), listSourceCodings({ userId: user.id, projectId, sourceId })]);
  const coders = new Map(codings.map((c) => [c.coderId, c.coderName]));
  // Packed: 2,000 codings as objects are ~470 KB of RSC payload, packed about a quarter.
  const data: PackedWorkbenchData = {
    projectId,
    source: { id: source.id, title: source.title, text: source.text, length: source.length, markers: sourceMarkers(source) },
    codes,
    codings: packCodings(codings),
    coders: [...coders].map(([id, name]) => ({ id, name })),
    currentUser: { id: user.id, name: user.name },
    canCode: can(project.role, 'coding:write'),
    focusCodingId,
    language: project.language,
  };
  const bind = <A extends unknown[], R>(action: (projectId: string, sourceId: string, ...rest: A) => R) => action.bind(null, projectId, sourceId);
  return (
    <>
      <SourceHeader projectId={projectId} source={source} active="code" />
      <BlindSourceNotice userId={user.id} projectId={projectId} sourceId={sourceId} role={project.role} />
      <LiveWorkbench
        data={data}
        api={{
          applyCode: bind(applyCodeAction),
          createCodeAndApply: bind(createCodeAndApplyAction),
          removeCoding: bind(removeCodingAction),
          adjustCoding: bind(adjustCodingAction),
          setCodingMemo: bind(setCodingMemoAction),
        }}
      />
    </>
  );
}
