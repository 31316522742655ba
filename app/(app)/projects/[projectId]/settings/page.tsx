import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ProjectSettingsForms } from '@/components/projects/project-settings-forms';
import { BlindCodingSection } from '@/components/team/blind-coding-section';
import { ProposalReviewSetting } from '@/components/team/proposal-review-setting';
import { can } from '@/lib/auth/roles';
import { getHierarchyReview } from '@/lib/server/data/proposals/manage-proposal';
import { loadProjectPage } from '@/lib/server/pages';

import { changeHierarchyReviewAction, deleteProjectAction, updateProjectAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await params).projectId);
  // Settings are for owners; others see the same 404 as for anything they may not open.
  if (!can(project.role, 'project:update')) notFound();
  return (
    <>
      <h1>Settings</h1>
      <ProjectSettingsForms
        name={project.name}
        description={project.description}
        corePrefix={project.corePrefix}
        language={project.language}
        update={updateProjectAction.bind(null, project.id)}
        remove={deleteProjectAction.bind(null, project.id)}
      />
      <BlindCodingSection userId={user.id} projectId={project.id} />
      <ProposalReviewSetting enabled={await getHierarchyReview({ userId: user.id, projectId: project.id })} change={changeHierarchyReviewAction.bind(null, project.id)} />
    </>
  );
}
