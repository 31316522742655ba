import 'server-only';

import { notFound } from 'next/navigation';
import { cache } from 'react';

import { isAppError } from '@/lib/errors/app-error';

import { requireUser } from './auth/session';
import { getProject } from './data/project/get-project';

/**
 * For project pages and layouts: the user and the project, or Next's 404 page when the user
 * is not a member (the same page as for a project that does not exist). Cached per request,
 * so a layout and its page share one lookup.
 */
export const loadProjectPage = cache(async (projectId: string) => {
  const user = await requireUser();
  try {
    return { user, project: await getProject({ userId: user.id, projectId }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
