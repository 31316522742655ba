import 'server-only';

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { isAppError } from '@/lib/errors/app-error';
import { getDataset } from '@/lib/server/data/dataset/datasets';
import { loadProjectPage } from '@/lib/server/pages';

/** For the analysis pages: user, project and dataset (404 when the user may not see it). Cached per request. */
export const loadDatasetPage = cache(async (projectId: string, datasetId: string) => {
  const { user, project } = await loadProjectPage(projectId);
  try {
    return { user, project, dataset: await getDataset({ userId: user.id, projectId, datasetId }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

/** Turns a data-layer NOT_FOUND into the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** "Data › <dataset> › Analyses" above each analysis page. */
export function Breadcrumb(props: { projectId: string; dataset: { id: string; name: string }; here?: string }) {
  const base = `/projects/${props.projectId}/data`;
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link href={base}>Data</Link> › <Link href={`${base}/${props.dataset.id}`}>{props.dataset.name}</Link> ›{' '}
      {props.here ? (
        <>
          <Link href={`${base}/${props.dataset.id}/analyses`}>Analyses</Link> › {props.here}
        </>
      ) : (
        'Analyses'
      )}
    </nav>
  );
}
