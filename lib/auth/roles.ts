import { AppError } from '../errors/app-error';

/**
 * Project roles. owner: everything, including members and deletion; coder: codes sources
 * and edits the codebook; reviewer: reads everything and reviews (agreement, hierarchy
 * changes); viewer: reads only.
 */
export const ROLES = ['owner', 'coder', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  coder: 'Coder',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

/** Which roles hold each permission: the one table every route and data function consults. */
export const PERMISSIONS = {
  'project:read': ['owner', 'coder', 'reviewer', 'viewer'],
  'project:update': ['owner'],
  'project:delete': ['owner'],
  'members:read': ['owner', 'coder', 'reviewer', 'viewer'],
  'members:manage': ['owner'],
  'sources:write': ['owner', 'coder'],
  'coding:write': ['owner', 'coder'],
  /** Datasets: import, computed variables, scales, and running analyses (which saves them). */
  'data:write': ['owner', 'coder'],
  'review:write': ['owner', 'reviewer'],
  'memo:write': ['owner', 'coder', 'reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * A project must always keep at least one owner.
 * @param members - current members and roles.
 * @param change - the member whose role changes, to `role`, or leaves (`role: null`).
 * @throws AppError CONFLICT when the change would leave the project with no owner.
 */
export function assertOwnerRemains(members: ReadonlyArray<{ userId: string; role: string }>, change: { userId: string; role: Role | null }): void {
  const ownersAfter = members.filter((m) => (m.userId === change.userId ? change.role === 'owner' : m.role === 'owner'));
  if (ownersAfter.length === 0) {
    throw new AppError('CONFLICT', {
      userMessage: 'A project needs at least one owner. Make another member an owner first.',
    });
  }
}

/**
 * Codings belong to their coder: in team coding, coders change only their own segments (so
 * agreement between coders stays meaningful); owners may change any.
 */
export function canChangeCoding(role: Role, userId: string, coderId: string | null): boolean {
  if (!can(role, 'coding:write')) return false;
  return role === 'owner' || coderId === userId;
}
