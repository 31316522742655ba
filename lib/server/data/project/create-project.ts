import 'server-only';

import type { TCreateProject } from '@/lib/validation/project';

import { db } from '../../db/client';

/** Creates a project with the acting user as its first owner. */
export async function createProject(options: { userId: string; input: TCreateProject }): Promise<{ id: string; name: string }> {
  return db.project.create({
    data: {
      name: options.input.name,
      description: options.input.description,
      members: { create: { userId: options.userId, role: 'owner' } },
    },
    select: { id: true, name: true },
  });
}
