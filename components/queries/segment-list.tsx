'use client';

import Link from 'next/link';

import type { SegmentView, UnitView } from '@/lib/server/data/queries/types';

const href = (projectId: string, s: SegmentView) => `/projects/${encodeURIComponent(projectId)}/sources/${encodeURIComponent(s.sourceId)}?coding=${encodeURIComponent(s.codingId)}`;

/** One coded segment: quote, codes, coders, and a link to it in its source. */
export function SegmentItem({ projectId, segment, showSource = true }: { projectId: string; segment: SegmentView; showSource?: boolean }) {
  return (
    <li className="segment card">
      {showSource ? <div className="segment-source">{segment.sourceTitle}</div> : null}
      <blockquote>{segment.text}</blockquote>
      <div className="segment-meta">
        <span>{segment.codes.join(', ')}</span>
        <span>Coded by {segment.coders.join(', ')}</span>
        {segment.location && <span data-testid="segment-location">{segment.location}</span>}
        <Link href={href(projectId, segment)}>Open in source</Link>
      </div>
    </li>
  );
}

/** Segments, one card each. */
export function SegmentList({ projectId, segments }: { projectId: string; segments: readonly SegmentView[] }) {
  return (
    <ul className="segments">
      {segments.map((s) => (
        <SegmentItem key={`${s.sourceId}-${s.start}-${s.end}-${s.codingId}`} projectId={projectId} segment={s} />
      ))}
    </ul>
  );
}

/** Co-occurrence units: the source and unit, then the segments of both codes in it. */
export function UnitList({ projectId, units }: { projectId: string; units: readonly UnitView[] }) {
  return (
    <ol className="segments" aria-label="Units where the two codes co-occur">
      {units.map((u) => (
        <li key={`${u.sourceId}-${u.start}-${u.end}-${u.segments.map((s) => s.codingId).join()}`} className="card">
          <div className="segment-source">
            <strong>{u.sourceTitle}</strong> · {u.heading}
          </div>
          <ul className="segments" style={{ margin: 0 }}>
            {u.segments.map((s) => (
              <SegmentItem key={`${s.start}-${s.end}-${s.codingId}`} projectId={projectId} segment={s} showSource={false} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
