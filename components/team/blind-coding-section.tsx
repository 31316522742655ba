import { changeProjectBlindAction } from '@/app/(app)/projects/[projectId]/team/agreement/blind-actions';
import { getProjectBlind } from '@/lib/server/data/agreement/blind';

import { BlindCodingSettings } from './blind-coding-settings';

/** The project settings' blind-coding card (server component: loads the setting itself). Owners only. */
export async function BlindCodingSection({ userId, projectId }: { userId: string; projectId: string }) {
  const state = await getProjectBlind({ userId, projectId });
  return <BlindCodingSettings scope="project" blindCoding={state.blindCoding} blindReleased={state.blindReleased} change={changeProjectBlindAction.bind(null, projectId)} />;
}
