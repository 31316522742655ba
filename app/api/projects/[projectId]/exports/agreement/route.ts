import { z } from 'zod';

import { parseAgreementParams } from '@/lib/agreement/params';
import { AppError } from '@/lib/errors/app-error';
import { download } from '@/lib/server/api/download';
import { apiRoute } from '@/lib/server/api/route';
import { exportAgreement } from '@/lib/server/data/agreement/export-agreement';

const ZFormat = z.enum(['csv', 'xlsx', 'docx'], { message: 'format must be csv, xlsx or docx' });

/**
 * GET /api/projects/:id/exports/agreement?format=csv|xlsx|docx&coder=…&coder=…[&level=existence|segment|character][&threshold=90]
 * [&sources=chosen&source=…][&codes=chosen&code=…][&codeLevel=1-4] — the inter-coder agreement
 * table (the agreement page's query) with its level and settings named. Members only.
 */
export const GET = apiRoute<{ projectId: string }>(async ({ user, params, request }) => {
  const search = new URL(request.url).searchParams;
  const format = ZFormat.safeParse(search.get('format'));
  if (!format.success) throw new AppError('INVALID_INPUT', { userMessage: format.error.issues[0]?.message ?? 'Invalid format.' });
  const file = await exportAgreement({ userId: user.id, projectId: params.projectId, params: parseAgreementParams(search), format: format.data });
  return download(file.body as BodyInit, file);
});
