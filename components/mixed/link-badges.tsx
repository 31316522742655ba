'use client';

import { useRouter } from 'next/navigation';
import { useState, type CSSProperties } from 'react';

import { requestJson } from '@/components/datasets/api';
import { linkBadgeText, linkBadgeTitle, linkedConstructFigures, type LinkedConstruct } from '@/lib/io/export/linked-constructs';

/** The links API of a project (app/api/projects/[projectId]/links). */
export const linksApi = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/links`;

const badgeStyle: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: '0.3rem',
  maxWidth: '100%',
  fontSize: '0.78rem',
  lineHeight: 1.35,
  padding: '0.05rem 0.5rem',
  borderRadius: 999,
  border: '1px solid #b9cde0',
  background: '#eef4fa',
  color: '#1d3f5e',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
};

const textStyle: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis' };

const removeStyle: CSSProperties = {
  font: 'inherit',
  lineHeight: 1,
  border: 'none',
  background: 'none',
  color: 'inherit',
  cursor: 'pointer',
  padding: '0 0.1rem',
  opacity: 0.7,
};

/**
 * One link as a compact badge, "↔ Brand orientation · α .86 · M 3.71 (0.82) · β = .42***", its
 * title naming the dataset, the analysis of the strongest coefficient and the rationale.
 * `prefix` (e.g. the code's label in the table) goes before the arrow. `stacked` puts the
 * figures on a second line (narrow table columns).
 */
export function LinkBadge({ link, prefix, onRemove, removing, stacked }: { link: LinkedConstruct; prefix?: string; onRemove?: () => void; removing?: boolean; stacked?: boolean }) {
  const text = `${prefix ? `${prefix} ` : ''}${linkBadgeText(link)}`;
  if (stacked) {
    const f = linkedConstructFigures(link);
    const figures = [f.alpha && `α ${f.alpha}`, f.meanSd && `M ${f.meanSd}`, f.strongest].filter(Boolean).join(' · ');
    return (
      <span
        style={{ ...badgeStyle, display: 'inline-block', whiteSpace: 'normal', borderRadius: 8, padding: '0.15rem 0.5rem' }}
        data-testid="link-badge"
        data-link-id={link.linkId}
        title={linkBadgeTitle(link)}
      >
        <span style={{ display: 'block', fontWeight: 600 }}>
          {prefix ? `${prefix} ` : ''}↔ {link.targetName}
        </span>
        {figures && <span style={{ display: 'block' }}>{figures}</span>}
      </span>
    );
  }
  return (
    <span style={badgeStyle} data-testid="link-badge" data-link-id={link.linkId} title={linkBadgeTitle(link)}>
      <span style={textStyle}>{text}</span>
      {onRemove && (
        <button type="button" style={removeStyle} onClick={onRemove} disabled={removing} aria-label={`Remove link to ${link.targetName}`} title="Remove this link">
          ×
        </button>
      )}
    </span>
  );
}

/**
 * A code's links as badges (outline rows). With `canEdit`, each has a remove button: the link
 * is deleted after a confirmation and the page data refreshed; an error shows beside the badges.
 */
export function CodeLinkBadges({ projectId, codeTitle, links, canEdit, style }: { projectId: string; codeTitle: string; links: readonly LinkedConstruct[]; canEdit: boolean; style?: CSSProperties }) {
  const router = useRouter();
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (links.length === 0) return null;

  async function remove(link: LinkedConstruct) {
    if (!window.confirm(`Remove the link of ${codeTitle} to “${link.targetName}” (${link.datasetName})? Its rationale, meta-inference and exemplar quotes go with it.`)) return;
    setRemoving(link.linkId);
    setError(null);
    const answer = await requestJson(`${linksApi(projectId)}/${encodeURIComponent(link.linkId)}`, { method: 'DELETE' });
    setRemoving(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    router.refresh();
  }

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.3rem', alignItems: 'center', ...style }} aria-label={`Survey links of ${codeTitle}`} role="group">
      {links.map((link) => (
        <LinkBadge key={link.linkId} link={link} onRemove={canEdit ? () => void remove(link) : undefined} removing={removing === link.linkId} />
      ))}
      {error && (
        <span role="alert" className="message-error-text" style={{ fontSize: '0.82rem' }}>
          {error}
        </span>
      )}
    </div>
  );
}
