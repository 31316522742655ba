import { apiRoute, readJson } from '@/lib/server/api/route';
import { addMember } from '@/lib/server/data/member/add-member';
import { listMembers } from '@/lib/server/data/member/list-members';
import { ZInviteMemberSchema } from '@/lib/validation/project';

type Params = { projectId: string };

/** GET /api/projects/:id/members */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ members: await listMembers({ userId: user.id, projectId: params.projectId }) }));

/** POST /api/projects/:id/members {email, role} — owners invite registered users. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZInviteMemberSchema);
  return Response.json({ member: await addMember({ userId: user.id, projectId: params.projectId, input }) }, { status: 201 });
});
