import 'server-only';

import type { Role } from '@/lib/auth/roles';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';

export interface ProjectDetail {
  id: string;
  name: string;
  description: string;
  /** Label prefix of core categories (CC1…). */
  corePrefix: string;
  /** BCP 47 tag for sorting names ('' = each reader's browser language). */
  language: string;
  createdAt: string;
  role: Role;
  memberCount: number;
  sourceCount: number;
}

/** @throws AppError NOT_FOUND when the user is not a member. */
export async function getProject(options: { userId: string; projectId: string }): Promise<ProjectDetail> {
  const { role } = await requireProjectPermission({ ...options, permission: 'project:read' });
  const project = await db.project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: { id: true, name: true, description: true, corePrefix: true, language: true, createdAt: true, _count: { select: { members: true, sources: true } } },
  });
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    corePrefix: project.corePrefix,
    language: project.language,
    createdAt: project.createdAt.toISOString(),
    role,
    memberCount: project._count.members,
    sourceCount: project._count.sources,
  };
}
