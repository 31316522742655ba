import { AppError } from '@/lib/errors/app-error';
import { apiRoute, readJson } from '@/lib/server/api/route';
import { quantitizeIntoDataset } from '@/lib/server/data/mixed/cases';
import { ZQuantitizeInput } from '@/lib/validation/mixed';

type Params = { projectId: string; datasetId: string };

/**
 * POST /api/projects/:id/datasets/:datasetId/quantitize {baseVersionId, idVariable, codes, measure, coderId?}
 * — owners and coders: coding per case joined to the dataset as its next version.
 */
export const POST = apiRoute<Params>(async ({ user, params, request }) => {
  const input = await readJson(request, ZQuantitizeInput);
  if (input.datasetId !== params.datasetId) throw new AppError('INVALID_INPUT', { userMessage: 'The dataset in the body is not the one in the address.' });
  return quantitizeIntoDataset({ userId: user.id, projectId: params.projectId, input });
});
