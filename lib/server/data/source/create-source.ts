import 'server-only';

import { AppError } from '@/lib/errors/app-error';
import { ImportError } from '@/lib/io/errors';
import { importSource } from '@/lib/io/import-source';
import type { SourceFormat } from '@/lib/io/types';
import { type SourceKind, suggestKind } from '@/lib/sources/kinds';
import { normalisePastedText, prepareSource } from '@/lib/sources/prepare-source';
import type { TPasteSource } from '@/lib/validation/source';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { env } from '../../env';

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
 * Imports one uploaded file as a source (owners and coders). The file is parsed by lib/io
 * before anything is stored, so a refused file leaves nothing behind.
 * @throws AppError NOT_FOUND | FORBIDDEN | TOO_LARGE | INVALID_INPUT (with the importer's message)
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
}): Promise<CreatedSource> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'sources:write' });
  const folderId = await assertFolderInProject(options.projectId, options.folderId);
  const maxBytes = Math.round(env().GROUNDWORK_MAX_UPLOAD_MB * 1024 * 1024);
  let imported;
  try {
    imported = await importSource({ fileName: options.fileName, bytes: options.bytes, mimeType: options.mimeType, maxBytes, encoding: options.encoding });
  } catch (error) {
    if (error instanceof ImportError) {
      throw new AppError(error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'INVALID_INPUT', { message: error.message, userMessage: error.userMessage });
    }
    throw error;
  }
  const kind = options.kind ?? suggestKind(imported.format);
  const source = await db.source.create({
    data: {
      projectId: options.projectId,
      folderId,
      kind,
      title: imported.title.slice(0, 300) || 'Untitled',
      format: imported.format,
      fileName: options.fileName.split(/[\\/]/).pop()?.slice(0, 255) ?? null,
      encoding: imported.encoding ?? null,
      authors: imported.metadata?.author?.slice(0, 500) ?? '',
      createdById: options.userId,
      ...prepareSource(imported),
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
  const source = await db.source.create({
    data: {
      projectId: options.projectId,
      folderId,
      kind: options.input.kind,
      title: options.input.title,
      format: 'paste' satisfies SourceFormat | 'paste',
      createdById: options.userId,
      ...prepareSource({ text }),
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
