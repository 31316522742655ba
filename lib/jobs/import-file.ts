/**
 * The import job: bytes of one uploaded file → the source row's stored fields. Runs in a worker
 * thread (lib/server/jobs), never on the request thread: parsing a PDF or DOCX and counting the
 * words of a book are seconds of CPU that would stall every other user.
 */
import { importSource, type ImportSourceInput } from '../io/import-source';
import type { SourceFormat, SourceMetadata } from '../io/types';
import { type PreparedSource, prepareSource } from '../sources/prepare-source';

/** What the job reports while it runs (the upload UI shows it). */
export type ImportStage = 'extracting' | 'counting';

export type ImportFileJob = Omit<ImportSourceInput, 'zipLimits'>;

/** Everything the data layer stores for a new source, computed off the request thread. */
export type ImportFileResult = PreparedSource & {
  format: SourceFormat;
  title: string;
  encoding?: string;
  metadata?: SourceMetadata;
  warnings: string[];
};

/**
 * @param job - the file name, bytes and import options.
 * @param onStage - called as the job moves to the next stage.
 * @throws {ImportError} for a file that cannot be imported (see importSource).
 */
export async function importFile(job: ImportFileJob, onStage: (stage: ImportStage) => void = () => {}): Promise<ImportFileResult> {
  onStage('extracting');
  const imported = await importSource(job);
  onStage('counting');
  return {
    ...prepareSource(imported),
    format: imported.format,
    title: imported.title,
    encoding: imported.encoding,
    metadata: imported.metadata,
    warnings: imported.warnings,
  };
}
