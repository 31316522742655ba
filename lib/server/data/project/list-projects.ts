import 'server-only';

import { isRole, type Role } from '@/lib/auth/roles';

import { db } from '../../db/client';

export interface ProjectListItem {
  id: string;
  name: string;
  description: string;
  role: Role;
  memberCount: number;
  updatedAt: string;
}

/** The projects the user is a member of, most recently updated first. */
export async function listProjects(options: { userId: string }): Promise<ProjectListItem[]> {
  const rows = await db.membership.findMany({
    where: { userId: options.userId },
    select: {
      role: true,
      project: { select: { id: true, name: true, description: true, updatedAt: true, _count: { select: { members: true } } } },
    },
    orderBy: { project: { updatedAt: 'desc' } },
  });
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({
      id: r.project.id,
      name: r.project.name,
      description: r.project.description,
      role: r.role as Role,
      memberCount: r.project._count.members,
      updatedAt: r.project.updatedAt.toISOString(),
    }));
}
