import { apiRoute, readJson } from '@/lib/server/api/route';
import { removeMember } from '@/lib/server/data/member/remove-member';
import { updateMemberRole } from '@/lib/server/data/member/update-member-role';
import { ZUpdateMemberSchema } from '@/lib/validation/project';

type Params = { projectId: string; userId: string };

/** PATCH /api/projects/:id/members/:userId {role} — owners. */
export const PATCH = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZUpdateMemberSchema);
  return { member: await updateMemberRole({ userId: user.id, projectId: params.projectId, memberUserId: params.userId, input }) };
});

/** DELETE /api/projects/:id/members/:userId — owners remove anyone; members remove themselves. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await removeMember({ userId: user.id, projectId: params.projectId, memberUserId: params.userId });
});
