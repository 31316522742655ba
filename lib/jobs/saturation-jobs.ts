/**
 * Saturation jobs for the worker threads: the report built from plain rows (emergence, Guest et
 * al.'s metrics, the hold-out comparison, thin categories), and its DOCX and CSV exports. The
 * request thread only loads rows.
 */
import { AppError } from '../errors/app-error';
import { saturationReport, saturationCsv, type SaturationReport, type SaturationReportInput } from '../saturation/report';
import { saturationDocx } from '../saturation/report-docx';
import type { JobHandler } from './run-job';

/** Impossible Guest parameters (RangeError naming the value) → INVALID_INPUT for the user. */
function build(input: SaturationReportInput): SaturationReport {
  try {
    return saturationReport(input);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', { message: error.message, userMessage: error.message });
    throw error;
  }
}

export const saturationJobs = {
  /** The whole saturation report from the project's rows. */
  saturationReport: (async (input) => build(input)) as JobHandler<SaturationReportInput, SaturationReport>,

  /** The report as a Word document, or as CSV text encoded UTF-8. */
  saturationExport: (async (input) => {
    const report = build(input.report);
    if (input.format === 'csv') return new TextEncoder().encode(saturationCsv(report));
    return saturationDocx(report, { projectName: input.projectName, generatedAt: new Date(input.generatedAt) });
  }) as JobHandler<{ report: SaturationReportInput; format: 'docx' | 'csv'; projectName: string; generatedAt: string }, Uint8Array>,
};
