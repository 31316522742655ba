import 'server-only';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface SourceListItem {
  id: string;
  title: string;
  kind: string;
  format: string;
  wordCount: number;
  folderId: string | null;
  folderName: string | null;
  interviewee: string;
  authors: string;
  caseId: string | null;
  caseName: string | null;
  addedBy: string | null;
  createdAt: string;
}

/** Sources of a project, newest first, optionally in one folder. @throws AppError NOT_FOUND */
export async function listSources(options: { userId: string; projectId: string; folderId?: string }): Promise<SourceListItem[]> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const rows = await db.source.findMany({
    where: { projectId: options.projectId, ...(options.folderId ? { folderId: options.folderId } : {}) },
    select: {
      id: true,
      title: true,
      kind: true,
      format: true,
      wordCount: true,
      folderId: true,
      createdAt: true,
      interviewee: true,
      authors: true,
      caseId: true,
      folder: { select: { name: true } },
      case: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    format: r.format,
    wordCount: r.wordCount,
    folderId: r.folderId,
    folderName: r.folder?.name ?? null,
    interviewee: r.interviewee,
    authors: r.authors,
    caseId: r.caseId,
    caseName: r.case?.name ?? null,
    addedBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
