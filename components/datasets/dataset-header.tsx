import Link from 'next/link';

import type { DatasetDetail, DatasetVersionMeta } from '@/lib/server/data/dataset/datasets';

import styles from './datasets.module.css';
import { DeleteDataset } from './delete-dataset';
import { count, shortDate, versionLabel } from './format';
import { VersionPicker } from './version-picker';

export const DATASET_TABS = ['variables', 'data', 'compute', 'scales', 'analyses'] as const;
export type DatasetTab = (typeof DATASET_TABS)[number];

const TAB_LABELS: Record<DatasetTab, string> = { variables: 'Variables', data: 'Data', compute: 'Compute', scales: 'Scales', analyses: 'Analyses' };

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', tsv: 'CSV', txt: 'CSV', xlsx: 'Excel', sav: 'SPSS', zsav: 'SPSS' };
const DELIMITER_TEXT: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** "survey.csv (CSV, UTF-8, semicolon, decimal comma)" */
function originText(origin: DatasetDetail['origin']): string {
  const details = [
    origin.format.toUpperCase(),
    origin.encoding?.toUpperCase(),
    origin.delimiter ? DELIMITER_TEXT[origin.delimiter] : undefined,
    origin.decimalComma ? 'decimal comma' : undefined,
    origin.sheet ? `sheet “${origin.sheet}”` : undefined,
  ].filter(Boolean);
  return `${origin.fileName}${details.length ? ` (${details.join(', ')})` : ''}`;
}

/**
 * The dataset's name, size, origin and versions, Download CSV, and the tabs of its views. The
 * viewed version (?v=) decides what Data and Download show; computing and scales always work on
 * the latest version.
 */
export function DatasetHeader(props: {
  projectId: string;
  dataset: DatasetDetail;
  viewed: DatasetVersionMeta;
  variableCount: number;
  tab: DatasetTab;
  counts: { scales: number; analyses: number };
  /** Owners: the "Delete dataset" button and its dialog. */
  canDelete?: boolean;
}) {
  const { dataset, viewed } = props;
  const base = `/projects/${props.projectId}/data/${dataset.id}`;
  const isLatest = viewed.id === dataset.latest.id;
  const href = (tab: DatasetTab, version: number | null = isLatest ? null : viewed.number) => {
    const q = new URLSearchParams();
    if (tab !== 'variables') q.set('tab', tab);
    if (version !== null) q.set('v', String(version));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const csv = `/api/projects/${props.projectId}/datasets/${dataset.id}/csv${isLatest ? '' : `?versionId=${encodeURIComponent(viewed.id)}`}`;
  const label = (tab: DatasetTab) => {
    if (tab === 'scales' && props.counts.scales) return `${TAB_LABELS[tab]} (${props.counts.scales})`;
    if (tab === 'analyses' && props.counts.analyses) return `${TAB_LABELS[tab]} (${props.counts.analyses})`;
    return TAB_LABELS[tab];
  };
  return (
    <header>
      <div className="breadcrumb">
        <Link href={`/projects/${props.projectId}/data`}>Data</Link> / {FORMAT_NAMES[dataset.origin.format] ?? dataset.origin.format.toUpperCase()} dataset
      </div>
      <h1 data-testid="dataset-name">{dataset.name}</h1>
      <p className="muted" data-testid="dataset-facts">
        <strong className={styles.size}>
          {count(viewed.rowCount)} rows × {count(props.variableCount)} variables
        </strong>{' '}
        · imported from {originText(dataset.origin)}
      </p>
      <div className={styles.versionBar}>
        <VersionPicker
          versions={dataset.versions.map((v) => ({ number: v.number, label: versionLabel(v), variableCount: v.variableCount, href: href(props.tab, v.number === dataset.latest.number ? null : v.number) }))}
          current={viewed.number}
          latest={dataset.latest.number}
        />
        <a className="btn btn-secondary" href={csv} download data-testid="download-csv">
          Download CSV
        </a>
        {props.canDelete && (
          <DeleteDataset
            projectId={props.projectId}
            datasetId={dataset.id}
            name={dataset.name}
            versions={dataset.versions.length}
            scales={dataset.dependents.scales}
            analyses={dataset.dependents.analyses}
            links={dataset.dependents.links}
          />
        )}
      </div>
      {!isLatest && (
        <p className={styles.oldVersion} data-testid="old-version">
          You are looking at version {viewed.number} of {dataset.latest.number} ({viewed.note}, {shortDate(viewed.createdAt)}). Computed variables and scales always use the latest
          version. <Link href={href(props.tab, null)}>Back to the latest version</Link>
        </p>
      )}
      <nav className="tabs" aria-label="Dataset views">
        {DATASET_TABS.map((tab) => (
          <Link key={tab} href={href(tab)} aria-current={props.tab === tab ? 'page' : undefined}>
            {label(tab)}
          </Link>
        ))}
      </nav>
    </header>
  );
}
