import 'server-only';

import type { PageSpan, Turn } from '@/lib/io/types';

import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface SourceDetail {
  id: string;
  title: string;
  kind: string;
  format: string;
  fileName: string | null;
  encoding: string | null;
  text: string;
  length: number;
  wordCount: number;
  pages: PageSpan[];
  turns: Turn[];
  folderId: string | null;
  authors: string;
  year: number | null;
  venue: string;
  interviewee: string;
  interviewDate: string;
  interviewer: string;
  addedBy: string | null;
  createdAt: string;
}

/** One source with its text. @throws AppError NOT_FOUND (non-member, or not in this project) */
export async function getSource(options: { userId: string; projectId: string; sourceId: string }): Promise<SourceDetail> {
  await requireProjectPermission({ userId: options.userId, projectId: options.projectId, permission: 'project:read' });
  const s = await db.source.findFirst({
    where: { id: options.sourceId, projectId: options.projectId },
    select: {
      id: true,
      title: true,
      kind: true,
      format: true,
      fileName: true,
      encoding: true,
      text: true,
      length: true,
      wordCount: true,
      structure: true,
      folderId: true,
      authors: true,
      year: true,
      venue: true,
      interviewee: true,
      interviewDate: true,
      interviewer: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!s) throw new AppError('NOT_FOUND', { userMessage: 'Source not found.' });
  const structure = s.structure ? (JSON.parse(s.structure) as { pages?: PageSpan[]; turns?: Turn[] }) : {};
  const { structure: _omit, createdBy, createdAt, ...rest } = s;
  return { ...rest, pages: structure.pages ?? [], turns: structure.turns ?? [], addedBy: createdBy?.name ?? null, createdAt: createdAt.toISOString() };
}
