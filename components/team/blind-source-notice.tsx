import type { Role } from '@/lib/auth/roles';
import { getSourceBlind } from '@/lib/server/data/agreement/blind';

import { BLIND_NOTICE } from './blind-coding-settings';

/**
 * The notice on a blind source (server component): coders and viewers are told they see only
 * their own codings; owners and reviewers that coders cannot see each other's. Nothing when the
 * source is not blind.
 */
export async function BlindSourceNotice({ userId, projectId, sourceId, role }: { userId: string; projectId: string; sourceId: string; role: Role }) {
  const { blind } = await getSourceBlind({ userId, projectId, sourceId });
  if (!blind) return null;
  const sees = role === 'owner' || role === 'reviewer';
  return (
    <p className="message message-info" role="note" data-testid="blind-notice" style={{ background: '#eef3fb', border: '1px solid #c9d7f0', color: '#23406e' }}>
      {sees ? 'Blind coding is on for this source: coders see only their own codings until an owner releases them. You see everyone’s.' : BLIND_NOTICE}
    </p>
  );
}
