import { apiRoute, readJson } from '@/lib/server/api/route';
import { importAttributeTable } from '@/lib/server/data/cases/attributes';
import { ZAttributeImport } from '@/lib/validation/cases';

type Params = { projectId: string };

/** POST /api/projects/:id/cases/table/import {text, types?} — owners and coders: all or nothing; a bad value names its row. */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZAttributeImport);
  return importAttributeTable({ userId: user.id, projectId: params.projectId, ...input });
});
