import 'server-only';

import { notFound } from 'next/navigation';
import { cache } from 'react';

import { isAppError } from '@/lib/errors/app-error';

import { getSource } from './data/source/get-source';
import { loadProjectPage } from './pages';

/** For a source's pages: user, project and source, or the 404 page. Cached per request. */
export const loadSourcePage = cache(async (projectId: string, sourceId: string) => {
  const { user, project } = await loadProjectPage(projectId);
  try {
    return { user, project, source: await getSource({ userId: user.id, projectId, sourceId }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
