import 'server-only';

import { createHash } from 'node:crypto';

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
import { inProjectTransaction, recordEvent } from '../events/record-event';
import { env } from '../../env';
import { runJob } from '../../jobs/pool';

/** What to do when the uploaded bytes are those of a source already in the project. */
export type DuplicateChoice = 'ask' | 'skip' | 'keep';

/** The source an upload duplicates (same SHA-256 of the uploaded bytes). */
export interface DuplicateOf {
  id: string;
  title: string;
}

/**
 * The upload is a file already in the project (same bytes) and the user has not said to keep
 * it: nothing was stored. 409; the route answers `{ error, duplicateOf }` so the uploader can
 * name the existing source and offer "Import anyway" (`?duplicates=keep`) or "Skip".
 */
export class DuplicateSourceError extends AppError {
  readonly duplicateOf: DuplicateOf;
  constructor(duplicateOf: DuplicateOf) {
    super('CONFLICT', {
      message: `same bytes as source ${duplicateOf.id}`,
      userMessage: `This file is already in the project as “${duplicateOf.title}”.`,
    });
    this.duplicateOf = duplicateOf;
  }
}

/** SHA-256 (hex) of an upload's bytes, as stored in `Source.contentHash`. */
export function hashUpload(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

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
 *
 * The same file uploaded twice is caught by the SHA-256 of its bytes (`Source.contentHash`),
 * before it is imported: with `duplicates: 'ask'` (the default) or `'skip'` nothing is stored
 * and {@link DuplicateSourceError} names the source already there; `'keep'` stores it anyway.
 * Sources pasted or uploaded before hashes were kept have none and are never matched.
 * With "Detect from file" (no `kind`), a text written as speaker turns is an interview
 * (`suggestKind`), whatever its format.
 * @throws AppError NOT_FOUND | FORBIDDEN | TOO_LARGE | INVALID_INPUT (with the importer's
 *   message) | BUSY (the import queue is full); DuplicateSourceError (CONFLICT)
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
  /** A file already in the project: report it (`ask`, default; `skip` the same), or `keep` it. */
  duplicates?: DuplicateChoice;
  /** Called with each stage of the import job ('started', 'extracting', 'counting'). */
  onProgress?: (progress: JobProgress) => void;
}): Promise<CreatedSource> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const folderId = await assertFolderInProject(options.projectId, options.folderId);
  const contentHash = hashUpload(options.bytes);
  if ((options.duplicates ?? 'ask') !== 'keep') {
    const existing = await db.source.findFirst({
      where: { projectId: options.projectId, contentHash },
      orderBy: { createdAt: 'asc' },
      select: { id: true, title: true },
    });
    if (existing) throw new DuplicateSourceError(existing);
  }
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
  const kind = options.kind ?? suggestKind(imported.format, imported.text);
  const source = await db.source.create({
    data: {
      projectId: options.projectId,
      folderId,
      kind,
      title: shortenDerived(imported.title, 300) || 'Untitled',
      format: imported.format,
      fileName: shortenDerived(options.fileName.split(/[\\/]/).pop() ?? '', 255) || null,
      encoding: imported.encoding ?? null,
      contentHash,
      authors: shortenDerived(imported.metadata?.author ?? '', 500),
      createdById: options.userId,
      text: imported.text,
      length: imported.length,
      wordCount: imported.wordCount,
      structure: imported.structure,
    },
    select: { id: true, title: true, kind: true, format: true, wordCount: true },
  });
  await recordSourceCreated(options.userId, options.projectId, source);
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
  await recordSourceCreated(options.userId, options.projectId, source);
  await touchProject(options.projectId);
  return { ...source, warnings: [] };
}

/** `source.created` in the change log (after the insert: an import's text is stored first). */
async function recordSourceCreated(userId: string, projectId: string, source: { id: string; title: string }) {
  await inProjectTransaction(projectId, (tx) =>
    recordEvent(tx, { projectId, actorId: userId, type: 'source.created', entityType: 'source', entityId: source.id, sourceId: source.id, summary: `Added the source “${source.title}”` }),
  );
}

/** The project list orders by last activity. */
async function touchProject(projectId: string) {
  await db.project.update({ where: { id: projectId }, data: { updatedAt: new Date() }, select: { id: true } });
}
