import { describe, expect, it } from 'vitest';

import { AppError } from '../errors/app-error';
import { assertOwnerRemains, can, isRole, PERMISSIONS, ROLES } from './roles';

describe('roles', () => {
  it('only owners manage members, update or delete a project', () => {
    for (const p of ['members:manage', 'project:update', 'project:delete'] as const) {
      expect(ROLES.filter((r) => can(r, p))).toEqual(['owner']);
    }
  });

  it('every role reads; viewers write nothing', () => {
    expect(ROLES.every((r) => can(r, 'project:read'))).toBe(true);
    const viewerWrites = (Object.keys(PERMISSIONS) as Array<keyof typeof PERMISSIONS>).filter((p) => !p.endsWith(':read') && can('viewer', p));
    expect(viewerWrites).toEqual([]);
  });

  it('coders code, reviewers review, and not the other way round', () => {
    expect(can('coder', 'coding:write')).toBe(true);
    expect(can('reviewer', 'coding:write')).toBe(false);
    expect(can('reviewer', 'review:write')).toBe(true);
    expect(can('coder', 'review:write')).toBe(false);
  });

  it('recognises only the four roles', () => {
    expect(isRole('owner')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('assertOwnerRemains', () => {
  const members = [
    { userId: 'a', role: 'owner' },
    { userId: 'b', role: 'coder' },
  ];
  it('refuses to demote or remove the last owner', () => {
    expect(() => assertOwnerRemains(members, { userId: 'a', role: 'viewer' })).toThrow(AppError);
    expect(() => assertOwnerRemains(members, { userId: 'a', role: null })).toThrow(/at least one owner/);
  });
  it('allows it once another owner exists, and allows changes to others', () => {
    expect(() => assertOwnerRemains([...members, { userId: 'c', role: 'owner' }], { userId: 'a', role: null })).not.toThrow();
    expect(() => assertOwnerRemains(members, { userId: 'b', role: null })).not.toThrow();
    expect(() => assertOwnerRemains(members, { userId: 'b', role: 'owner' })).not.toThrow();
  });
});
