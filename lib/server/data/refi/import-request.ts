import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { guidFor } from '@/lib/io/refi/from-groundwork';
import { parseImportOptions } from '@/lib/io/refi/options';
import { MAX_QDC_BYTES, MAX_QDPX_BYTES } from '@/lib/io/refi/parse';
import type { ImportPreview } from '@/lib/io/refi/to-groundwork';

import { readBytes, readFileNameHeader } from '../../api/read-bytes';
import { runJob } from '../../jobs/pool';
import { importRefiProject, type RefiImportResult } from './import-project';

function fileOf(request: Request, extension: 'qdpx' | 'qdc') {
  const fileName = readFileNameHeader(request);
  if (!fileName.toLowerCase().endsWith(`.${extension}`)) {
    throw new AppError('INVALID_INPUT', { userMessage: `Choose a REFI-QDA ${extension === 'qdpx' ? 'project (.qdpx)' : 'codebook (.qdc)'} file; “${fileName}” is not one.` });
  }
  return fileName;
}

/** Reads an uploaded .qdpx (raw body, X-File-Name header) and its options. */
async function readUpload(request: Request) {
  fileOf(request, 'qdpx');
  const options = parseImportOptions(new URL(request.url).searchParams.get('options'));
  if (!options.ok) throw new AppError('INVALID_INPUT', { userMessage: options.message });
  // One byte over the limit so the reader, not the transport, names it.
  const bytes = await readBytes(request, MAX_QDPX_BYTES + 1);
  return { bytes, options: options.options };
}

/**
 * The preview of an uploaded .qdpx: nothing is stored. Any signed-in user (an import creates a
 * project of their own). The file is read in a worker thread.
 */
export async function previewRefiUpload(options: { userId: string; request: Request }): Promise<ImportPreview> {
  const { bytes, options: importOptions } = await readUpload(options.request);
  const result = await runJob('refiReadProject', { bytes: bytes.buffer as ArrayBuffer, options: { ...importOptions, meGuid: guidFor('user', options.userId) }, plan: false }, { transfer: [bytes.buffer as ArrayBuffer] });
  return result.preview;
}

/**
 * Imports an uploaded .qdpx as a new project with the mapping chosen in the preview, all or
 * nothing. A file with errors (see the preview) is refused and nothing is stored.
 */
export async function importRefiUpload(options: { userId: string; request: Request }): Promise<RefiImportResult> {
  const { bytes, options: importOptions } = await readUpload(options.request);
  const { plan } = await runJob('refiReadProject', { bytes: bytes.buffer as ArrayBuffer, options: { ...importOptions, meGuid: guidFor('user', options.userId) }, plan: true }, { transfer: [bytes.buffer as ArrayBuffer] });
  return importRefiProject({ userId: options.userId, plan: plan! });
}

/** Reads an uploaded .qdc in a worker thread. */
export async function readCodebookUpload(request: Request) {
  fileOf(request, 'qdc');
  const bytes = await readBytes(request, MAX_QDC_BYTES + 1);
  return runJob('refiReadCodebook', { bytes: bytes.buffer as ArrayBuffer }, { transfer: [bytes.buffer as ArrayBuffer] });
}
