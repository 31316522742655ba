import { randomUUID } from 'node:crypto';

import type { Role } from '../../lib/auth/roles';
import { hashPassword } from '../../lib/server/auth/password';
import { db } from '../../lib/server/db/client';

/** Factories shared by the seed and the integration tests (unique emails per call). */
export const TEST_PASSWORD = 'correct horse battery staple';

export async function makeUser(overrides: { email?: string; name?: string; password?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  return db.user.create({
    data: {
      email: (overrides.email ?? `user-${tag}@example.test`).toLowerCase(),
      name: overrides.name ?? `Test User ${tag}`,
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
    },
    select: { id: true, email: true, name: true },
  });
}

/** A project owned by `ownerId`, with further members in the given roles. */
export async function makeProject(ownerId: string, members: Array<{ userId: string; role: Role }> = [], name = 'Test project') {
  return db.project.create({
    data: {
      name,
      members: { create: [{ userId: ownerId, role: 'owner' }, ...members.map((m) => ({ userId: m.userId, role: m.role }))] },
    },
    select: { id: true, name: true },
  });
}
