import { apiRoute, readQuery } from '@/lib/server/api/route';
import { ZRetrievalQuery } from '@/lib/queries/schema';
import { queryRetrieval } from '@/lib/server/data/queries/queries';

type Params = { projectId: string };

/** GET /api/projects/:id/queries/retrieval?operator=and|or|not&a=<codeId>&b=<codeId>&kinds=&coders=&from=&to=&attribute=&attributeValue= — members: the segments, with texts. */
export const GET = apiRoute<Params>(async ({ user, params, request }) => ({
  retrieval: await queryRetrieval({ userId: user.id, projectId: params.projectId, query: readQuery(request, ZRetrievalQuery) }),
}));
