import type { Metadata } from 'next';
import Link from 'next/link';

import { DatasetImport } from '@/components/datasets/dataset-import';
import styles from '@/components/datasets/datasets.module.css';
import { count, shortDate } from '@/components/datasets/format';
import { can } from '@/lib/auth/roles';
import { listDatasets } from '@/lib/server/data/dataset/datasets';
import { loadProjectPage } from '@/lib/server/pages';

export const metadata: Metadata = { title: 'Data' };

export default async function DataPage(props: { params: Promise<{ projectId: string }> }) {
  const { user, project } = await loadProjectPage((await props.params).projectId);
  const datasets = await listDatasets({ userId: user.id, projectId: project.id });
  const canWrite = can(project.role, 'data:write');
  const base = `/projects/${project.id}/data`;
  return (
    <>
      <h1>Data</h1>
      <p className="muted">
        Survey and panel datasets for the project’s statistics. {datasets.length} {datasets.length === 1 ? 'dataset' : 'datasets'}. Every change is kept as a new version, and each
        analysis records the version it ran on.
      </p>
      <div className="stack">
        <section className="card" aria-labelledby="datasets-heading">
          <h2 id="datasets-heading">Datasets</h2>
          {datasets.length === 0 ? (
            <p className="empty">{canWrite ? 'No datasets yet. Import a CSV, Excel or SPSS file below.' : 'No datasets yet.'}</p>
          ) : (
            <table className="table" aria-label="Datasets">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className={styles.numHead}>
                    Rows
                  </th>
                  <th scope="col" className={styles.numHead}>
                    Variables
                  </th>
                  <th scope="col" className={styles.numHead}>
                    Versions
                  </th>
                  <th scope="col" className={styles.numHead}>
                    Analyses
                  </th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {datasets.map((d) => (
                  <tr key={d.id} data-testid="dataset-row">
                    <td>
                      <Link href={`${base}/${d.id}`}>{d.name}</Link>
                    </td>
                    <td className={styles.num}>{count(d.rowCount)}</td>
                    <td className={styles.num}>{count(d.variableCount)}</td>
                    <td className={styles.num}>{d.versionCount}</td>
                    <td className={styles.num}>{d.analysisCount}</td>
                    <td className="muted">{shortDate(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {canWrite && (
          <section className="card" aria-labelledby="import-heading">
            <h2 id="import-heading">Import data</h2>
            <DatasetImport projectId={project.id} />
          </section>
        )}
      </div>
    </>
  );
}
