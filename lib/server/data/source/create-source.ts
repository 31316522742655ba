import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { ImportError } from '@/lib/io/errors';
import type { SourceFormat } from '@/lib/io/types';
import type { JobProgress } from '@/lib/jobs/run-job';
import { type SourceKind, suggestKind } from '@/lib/sources/kinds';
import { normalisePastedText } from '@/lib/sources/prepare-source';
import type { TPasteSource } from '@/lib/validation/source';
import { shortenDerived } from '@/lib/validation/text';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { env } from '../../env';
import { runJob } from '../../jobs/pool';

export interface CreatedSource {
  id: string;
  title: string;
  kind: string;
  format: string;
  wordCount: number;
  warnings: string[];
}

async function assertFolderInProject(projectId: string, folderId: string | null | undefined) {
  if (!folderId) return null;
  const folder = await db.folder.findFirst({ where: { id: folderId, projectId }, select: { id: true } });
  if (!folder) throw new AppError('INVALID_INPUT', { userMessage: 'That folder does not exist in this project.', fieldErrors: { folderId: ['Unknown folder.'] } });
  return folder.id;
}

/**
 * Checks, before a single byte of an upload is read, that the user may add sources to the
 * project and that the folder is in it: a stranger's 25 MB body is refused, not received.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (folder)
 */
export async function authorizeSourceUpload(options: { userId: string; projectId: string; folderId?: string | null }): Promise<void> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  await assertFolderInProject(options.projectId, options.folderId);
}

/**
 * Imports one uploaded file as a source (owners and coders). The file is parsed by lib/io in a
 * worker thread before anything is stored, so a refused file leaves nothing behind and the
 * request thread stays free. `bytes` is transferred to the worker: do not use it afterwards.
 * @throws AppError NOT_FOUND | FORBIDDEN | TOO_LARGE | INVALID_INPUT (with the importer's
 *   message) | BUSY (the import queue is full)
 */
export async function createSourceFromFile(options: {
  userId: string;
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  mimeType?: string;
  kind?: SourceKind;
  folderId?: string | null;
  encoding?: string;
  /** Called with each stage of the import job ('started', 'extracting', 'counting'). */
  onProgress?: (progress: JobProgress) => void;
}): Promise<CreatedSource> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const folderId = await assertFolderInProject(options.projectId, options.folderId);
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
  options.onProgress?.({ stage: 'storing' });
  const kind = options.kind ?? suggestKind(imported.format);
  const source = await db.source.create({
    data: {
      projectId: options.projectId,
      folderId,
      kind,
      title: shortenDerived(imported.title, 300) || 'Untitled',
      format: imported.format,
      fileName: shortenDerived(options.fileName.split(/[\\/]/).pop() ?? '', 255) || null,
      encoding: imported.encoding ?? null,
      authors: shortenDerived(imported.metadata?.author ?? '', 500),
      createdById: options.userId,
      text: imported.text,
      length: imported.length,
      wordCount: imported.wordCount,
      structure: imported.structure,
    },
    select: { id: true, title: true, kind: true, format: true, wordCount: true },
  });
  await touchProject(options.projectId);
  return { ...source, warnings: imported.warnings };
}

/** Stores pasted text as a source. @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT */
export async function createSourceFromText(options: { userId: string; projectId: string; input: TPasteSource }): Promise<CreatedSource> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const folderId = await assertFolderInProject(options.projectId, options.input.folderId);
  const text = normalisePastedText(options.input.text);
  const prepared = await runJob('prepare', { text });
  const source = await db.source.create({
    data: {
      projectId: options.projectId,
      folderId,
      kind: options.input.kind,
      title: options.input.title,
      format: 'paste' satisfies SourceFormat | 'paste',
      createdById: options.userId,
      ...prepared,
    },
    select: { id: true, title: true, kind: true, format: true, wordCount: true },
  });
  await touchProject(options.projectId);
  return { ...source, warnings: [] };
}

/** The project list orders by last activity. */
async function touchProject(projectId: string) {
  await db.project.update({ where: { id: projectId }, data: { updatedAt: new Date() }, select: { id: true } });
}
