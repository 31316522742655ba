import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { ImportError } from '@/lib/io/errors';
import type { JobProgress } from '@/lib/jobs/run-job';
import { shortenDerived } from '@/lib/validation/text';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { env } from '../../env';
import { runJob } from '../../jobs/pool';
import { hashUpload } from './create-source';

/** Why a source's text may not be replaced, or null when it may. */
export type ReimportBlock = 'codings' | 'cases' | null;

/**
 * Whether a source's text may still be replaced by a re-import: only while nothing points into
 * it — no coding (of any coder) and no case part (ranges are offsets into the text).
 * @throws AppError NOT_FOUND (non-member, or not in this project)
 */
export async function getReimportBlock(options: { userId: string; projectId: string; sourceId: string }): Promise<ReimportBlock> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const source = await db.source.findFirst({
    where: { id: options.sourceId, projectId: options.projectId },
    select: { _count: { select: { codings: true, caseParts: true } } },
  });
  if (!source) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  if (source._count.codings > 0) return 'codings';
  if (source._count.caseParts > 0) return 'cases';
  return null;
}

/**
 * Replaces a source's text by importing the file again, typically with another text encoding
 * after a wrong guess (owners and coders). Title, kind, details, folder and memos stay; the
 * text, its counts, page/turn structure, format, encoding and content hash are the new
 * file's. Refused once the source has codings or case parts, since they are offsets into the
 * old text — the check is part of the update itself, so a coding made meanwhile wins.
 * @throws AppError NOT_FOUND | FORBIDDEN | TOO_LARGE | INVALID_INPUT (the importer's message) |
 *   BUSY | CONFLICT (the source has codings or case parts)
 */
export async function reimportSourceFile(options: {
  userId: string;
  projectId: string;
  sourceId: string;
  fileName: string;
  bytes: Uint8Array;
  mimeType?: string;
  encoding?: string;
  onProgress?: (progress: JobProgress) => void;
}): Promise<{ id: string; encoding: string | null; wordCount: number; warnings: string[] }> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const block = await getReimportBlock(options);
  if (block) throw blocked(block);
  const contentHash = hashUpload(options.bytes);
  const maxBytes = Math.round(env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024);
  let imported;
  try {
    const { bytes } = options;
    imported = await runJob(
      'import',
      { fileName: options.fileName, bytes, mimeType: options.mimeType, maxBytes, encoding: options.encoding },
      { transfer: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [], onProgress: options.onProgress },
    );
  } catch (error) {
    if (error instanceof ImportError) {
      throw new AppError(error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'INVALID_INPUT', { message: error.message, userMessage: error.userMessage });
    }
    throw error;
  }
  const result = await db.source.updateMany({
    where: { id: options.sourceId, projectId: options.projectId, codings: { none: {} }, caseParts: { none: {} } },
    data: {
      text: imported.text,
      length: imported.length,
      wordCount: imported.wordCount,
      structure: imported.structure,
      format: imported.format,
      encoding: imported.encoding ?? null,
      fileName: shortenDerived(options.fileName.split(/[\\/]/).pop() ?? '', 255) || null,
      contentHash,
    },
  });
  if (result.count === 0) {
    // Deleted meanwhile, or coded meanwhile.
    const now = await getReimportBlock(options);
    throw blocked(now ?? 'codings');
  }
  return { id: options.sourceId, encoding: imported.encoding ?? null, wordCount: imported.wordCount, warnings: imported.warnings };
}

function blocked(block: Exclude<ReimportBlock, null>): AppError {
  return new AppError('CONFLICT', {
    userMessage:
      block === 'codings'
        ? 'This source already has codings, which point into its text, so the text cannot be replaced. Upload the file again as a new source instead.'
        : 'Parts of this source are assigned to cases, which point into its text, so the text cannot be replaced. Remove those case parts first, or upload the file again as a new source.',
  });
}
