import type { Metadata } from 'next';

import { MemoLog } from '@/components/memos/memo-log';
import { ReimportSource } from '@/components/sources/reimport-source';
import { SourceDetailsForm } from '@/components/sources/source-details-form';
import { SourceHeader } from '@/components/sources/source-header';
import { BlindSourceNotice } from '@/components/team/blind-source-notice';
import { BlindSourceSection } from '@/components/team/blind-source-section';
import { can } from '@/lib/auth/roles';
import { listFolders } from '@/lib/server/data/folder/list-folders';
import { listMemos } from '@/lib/server/data/memo/memos';
import { getReimportBlock } from '@/lib/server/data/source/reimport-source';
import { looksMisdecoded } from '@/lib/sources/misdecoded';
import { loadSourcePage } from '@/lib/server/source-page';

import { addMemoAction, deleteMemoAction, updateMemoAction } from '../../../memos/actions';
import { deleteSourceAction, updateSourceAction } from '../../actions';

type Props = { params: Promise<{ projectId: string; sourceId: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { projectId, sourceId } = await props.params;
  return { title: `${(await loadSourcePage(projectId, sourceId)).source.title} · details` };
}

export default async function SourceDetailsPage(props: Props) {
  const { projectId, sourceId } = await props.params;
  const { user, project, source } = await loadSourcePage(projectId, sourceId);
  const canWrite = can(project.role, 'sources:write');
  // Garbled text from a wrong encoding guess: offer to re-import it (only text formats have one).
  const garbled = canWrite && source.encoding !== null && looksMisdecoded(source.text);
  const [folders, memos, reimportBlock] = await Promise.all([
    canWrite ? listFolders({ userId: user.id, projectId: project.id }) : [],
    listMemos({ userId: user.id, projectId: project.id, target: { sourceId: source.id } }),
    garbled ? getReimportBlock({ userId: user.id, projectId: project.id, sourceId: source.id }) : null,
  ]);
  return (
    <>
      <SourceHeader projectId={project.id} source={source} active="details" />
      <BlindSourceNotice userId={user.id} projectId={project.id} sourceId={source.id} role={project.role} />
      <div className="details-grid">
        {canWrite ? (
          <section className="card">
            <h2>Details</h2>
            <SourceDetailsForm
              source={source}
              folders={folders}
              update={updateSourceAction.bind(null, project.id, source.id)}
              remove={deleteSourceAction.bind(null, project.id, source.id)}
            />
          </section>
        ) : (
          <section className="card">
            <h2>Details</h2>
            <p className="muted">Only owners and coders can edit a source’s details.</p>
          </section>
        )}
        {garbled ? <ReimportSource projectId={project.id} sourceId={source.id} fileName={source.fileName} encoding={source.encoding} blocked={reimportBlock} /> : null}
        {project.role === 'owner' ? <BlindSourceSection userId={user.id} projectId={project.id} sourceId={source.id} /> : null}
        <section className="card">
          <h2>Memos on this source</h2>
          <MemoLog
            target={{ sourceId: source.id }}
            memos={memos}
            canWrite={can(project.role, 'memo:write')}
            currentUserId={user.id}
            isOwner={project.role === 'owner'}
            add={addMemoAction.bind(null, project.id)}
            update={updateMemoAction.bind(null, project.id)}
            remove={deleteMemoAction.bind(null, project.id)}
          />
        </section>
      </div>
    </>
  );
}
