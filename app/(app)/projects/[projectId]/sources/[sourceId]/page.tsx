import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { SourceDetailsForm } from '@/components/sources/source-details-form';
import { SourceText } from '@/components/sources/source-text';
import { can } from '@/lib/auth/roles';
import { isAppError } from '@/lib/errors/app-error';
import { listFolders } from '@/lib/server/data/folder/list-folders';
import { getSource } from '@/lib/server/data/source/get-source';
import { loadProjectPage } from '@/lib/server/pages';
import { isSourceKind, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';
import { textBlocks } from '@/lib/sources/text-blocks';

import { deleteSourceAction, updateSourceAction } from '../actions';

type Props = { params: Promise<{ projectId: string; sourceId: string }> };

async function load(props: Props) {
  const { projectId, sourceId } = await props.params;
  const { user, project } = await loadProjectPage(projectId);
  try {
    return { user, project, source: await getSource({ userId: user.id, projectId, sourceId }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).source.title };
}

export default async function SourcePage(props: Props) {
  const { user, project, source } = await load(props);
  const canWrite = can(project.role, 'sources:write');
  const folders = canWrite ? await listFolders({ userId: user.id, projectId: project.id }) : [];
  const blocks = textBlocks(source.text, source, source.length);
  const kind = isSourceKind(source.kind) ? SOURCE_KIND_LABELS[source.kind] : source.kind;
  const facts = [
    source.authors && `${source.authors}${source.year ? ` (${source.year})` : ''}`,
    !source.authors && source.year && String(source.year),
    source.venue,
    source.interviewee && `Interviewee: ${source.interviewee}`,
    source.interviewDate && `Date: ${source.interviewDate}`,
    source.interviewer && `Interviewer: ${source.interviewer}`,
  ].filter(Boolean);
  return (
    <>
      <div className="breadcrumb">
        <Link href={`/projects/${project.id}/sources`}>Sources</Link> / {kind}
      </div>
      <h1 data-testid="source-title">{source.title}</h1>
      <p className="muted">
        {kind} · {source.wordCount.toLocaleString('en-GB')} words · {source.length.toLocaleString('en-GB')} characters
        {source.fileName ? ` · ${source.fileName}` : ''}
        {source.encoding && source.encoding !== 'utf-8' ? ` · decoded from ${source.encoding}` : ''}
        {source.addedBy ? ` · added by ${source.addedBy}` : ''}
      </p>
      {facts.length > 0 && <p>{facts.join(' · ')}</p>}
      <div className="source-layout">
        <SourceText blocks={blocks} />
        {canWrite && (
          <aside className="card source-aside">
            <h2>Details</h2>
            <SourceDetailsForm
              source={source}
              folders={folders}
              update={updateSourceAction.bind(null, project.id, source.id)}
              remove={deleteSourceAction.bind(null, project.id, source.id)}
            />
          </aside>
        )}
      </div>
    </>
  );
}
