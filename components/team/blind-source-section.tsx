import { changeSourceBlindAction } from '@/app/(app)/projects/[projectId]/team/agreement/blind-actions';
import { getSourceBlind } from '@/lib/server/data/agreement/blind';

import { BlindCodingSettings } from './blind-coding-settings';

/** The source details' blind-coding card (server component). Owners only: the page decides. */
export async function BlindSourceSection({ userId, projectId, sourceId }: { userId: string; projectId: string; sourceId: string }) {
  const state = await getSourceBlind({ userId, projectId, sourceId });
  return (
    <BlindCodingSettings
      scope="source"
      blindCoding={state.source.blindCoding}
      blindReleased={state.source.blindReleased}
      projectBlind={state.project.blindCoding && !state.project.blindReleased}
      change={changeSourceBlindAction.bind(null, projectId, sourceId)}
    />
  );
}
