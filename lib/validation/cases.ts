import { z } from 'zod';

import { ATTRIBUTE_TYPES, CHOICE_MAX, CHOICES_MAX, VALUE_MAX } from '@/lib/cases/attributes';
import { MATRIX_CELL_MODES } from '@/lib/cases/matrix';

import { ZText } from './text';

const ZId = z.string().min(1).max(64);
const ZType = z.enum(ATTRIBUTE_TYPES, { message: 'Choose text, number, date or choice.' });

export const ZAttributeName = ZText({ max: 100, required: 'Name the attribute.', singleLine: true, collapseWhitespace: true, label: 'The name' }).refine(
  (name) => name.toLowerCase() !== 'case',
  '“case” names the case column of the attribute table; choose another name.',
);
const ZChoices = z.array(z.string().max(CHOICE_MAX)).max(CHOICES_MAX);

/** A new attribute. */
export const ZAttributeCreate = z.object({ name: ZAttributeName, type: ZType, choices: ZChoices.optional() });
/** Renaming an attribute or changing its type or choices. */
export const ZAttributePatch = z.object({ name: ZAttributeName.optional(), type: ZType.optional(), choices: ZChoices.optional() });
/** One cell of the attribute table ('' clears). */
export const ZAttributeValue = z.object({ caseId: ZId, attributeId: ZId, value: z.string().max(VALUE_MAX + 100) });
/** Committing an import previewed before: the decoded text and the types chosen for new columns. */
export const ZAttributeImport = z.object({ text: z.string().min(1, 'The file is empty.').max(6_000_000), types: z.record(z.string(), ZType).optional() });
/** Types chosen for new columns in a preview (query `types`, JSON). */
export const ZImportTypes = z.record(z.string(), ZType);

const ZLevel = z.coerce.number().int().min(1).max(4) as unknown as z.ZodType<1 | 2 | 3 | 4>;
const ZAttributeIds = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').filter(Boolean))
  .optional();

/** The matrix query: level, cell mode, key attributes (comma-separated ids). */
export const ZMatrixQuery = z.object({ level: ZLevel.default(2), mode: z.enum(MATRIX_CELL_MODES).default('count'), attributes: ZAttributeIds });
export const ZMatrixExportQuery = ZMatrixQuery.extend({ format: z.enum(['csv', 'xlsx', 'docx']) });
/** One cell for drill-down. */
export const ZMatrixCellQuery = z.object({ caseId: ZId, codeId: ZId });
/** The team's summary in a cell ('' clears). */
export const ZCaseCodeSummary = z.object({ caseId: ZId, codeId: ZId, text: ZText({ max: 2000, label: 'The summary' }) });
