import 'server-only';

import { agreementCsv, agreementDocx, agreementXlsx } from '@/lib/agreement/export';
import type { AgreementParams } from '@/lib/agreement/params';
import { type AgreementReport, agreementReport } from '@/lib/agreement/report';
import { AppError } from '@/lib/errors/app-error';

import { fileSlug } from '../../api/download';
import { db } from '../../db/client';
import { type AgreementResult, computeAgreement, loadAgreementOptions } from './agreement';

/** The codes a choice covers: the chosen ones (or all), at the hierarchy level filter. */
export function codeIdsFor(params: AgreementParams, codes: ReadonlyArray<{ id: string; level: number }>): string[] {
  const chosen = params.codeIds ? new Set(params.codeIds) : null;
  return codes.filter((c) => (!chosen || chosen.has(c.id)) && (params.codeLevel === null || c.level === params.codeLevel)).map((c) => c.id);
}

/**
 * The agreement table and its report for a parsed choice (the page and the exports).
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function agreementForParams(options: { userId: string; projectId: string; params: AgreementParams }): Promise<{ result: AgreementResult; report: AgreementReport }> {
  const { userId, projectId, params } = options;
  const choices = await loadAgreementOptions({ userId, projectId });
  const codeIds = codeIdsFor(params, choices.codes);
  const result = await computeAgreement({ userId, projectId, coderIds: params.coderIds, sourceIds: params.sourceIds ?? undefined, codeIds, level: params.level });
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  const report = agreementReport(result.table, {
    projectName: project.name,
    codeNames: new Map(result.codes.map((c) => [c.id, c.label ? `${c.label} ${c.name}` : c.name])),
    coderNames: result.coders.map((c) => c.name),
    sourceTitles: result.sources.map((s) => s.title),
    codeCount: result.codes.length,
  });
  return { result, report };
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * The agreement table as a file. Members only.
 * @throws AppError NOT_FOUND | INVALID_INPUT
 */
export async function exportAgreement(options: { userId: string; projectId: string; params: AgreementParams; format: keyof typeof TYPES }) {
  const { report } = await agreementForParams(options);
  if (report.rows.length === 0) throw new AppError('INVALID_INPUT', { userMessage: 'Nothing to export.' });
  const body = options.format === 'csv' ? new TextEncoder().encode(agreementCsv(report)) : options.format === 'xlsx' ? await agreementXlsx(report) : await agreementDocx(report);
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } });
  return { body, fileName: `${fileSlug(project.name)}-agreement.${options.format}`, contentType: TYPES[options.format] };
}
