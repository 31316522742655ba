'use client';

import { useId, useState } from 'react';

/**
 * The hierarchy table's downloads (DOCX, XLSX, CSV) with the option "Include linked constructs",
 * which adds the columns Linked construct, α, M (SD) and Strongest coefficient (`links=1`).
 */
export function HierarchyTableExports({ projectId, hasLinks }: { projectId: string; hasLinks: boolean }) {
  const id = useId();
  const [withLinks, setWithLinks] = useState(false);
  const href = (format: string) => `/api/projects/${encodeURIComponent(projectId)}/exports/hierarchy?format=${format}${withLinks ? '&links=1' : ''}`;
  return (
    <div className="row" style={{ alignItems: 'center' }}>
      <label htmlFor={`${id}-links`} style={{ display: 'inline-flex', gap: '0.35rem', alignItems: 'center', fontSize: '0.88rem' }} title={hasLinks ? undefined : 'No code is linked to a survey construct yet: the columns would be empty.'}>
        <input id={`${id}-links`} type="checkbox" checked={withLinks} onChange={(e) => setWithLinks(e.target.checked)} />
        Include linked constructs
      </label>
      <a className="btn btn-secondary btn-sm" href={href('docx')} download>
        Export Word (DOCX)
      </a>
      <a className="btn btn-secondary btn-sm" href={href('xlsx')} download>
        Export XLSX
      </a>
      <a className="btn btn-secondary btn-sm" href={href('csv')} download>
        Export CSV
      </a>
    </div>
  );
}
