import { z } from 'zod';

import { AppError } from '@/lib/errors/app-error';
import { TABLE_FORMATS } from '@/lib/server/data/dataset/analysis-export';

/** Query of the table exports: `format=docx|xlsx|csv|tex|html&style=apa|econ&decimals=0…6`. */
export const ZTableExportQuery = z.object({
  format: z.enum(TABLE_FORMATS, { message: 'format must be docx, xlsx, csv, tex or html' }),
  style: z.enum(['apa', 'econ'], { message: 'style must be apa or econ' }).default('apa'),
  decimals: z.coerce.number({ message: 'decimals must be a whole number from 0 to 6' }).int('decimals must be a whole number from 0 to 6').min(0, 'decimals must be a whole number from 0 to 6').max(6, 'decimals must be a whole number from 0 to 6').optional(),
  ids: z.string().max(2000).optional(),
  title: z.string().max(200).optional(),
});

/** Parses and validates the query. @throws AppError INVALID_INPUT */
export function readExportQuery(request: Request): z.infer<typeof ZTableExportQuery> {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ''));
  const query = ZTableExportQuery.safeParse(raw);
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: query.error.issues[0]?.message ?? 'Invalid export options.' });
  return query.data;
}
