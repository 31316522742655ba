import Link from 'next/link';

import type { SourceDetail } from '@/lib/server/data/source/get-source';
import { isSourceKind, SOURCE_KIND_LABELS } from '@/lib/sources/kinds';

/** Title, facts and the Code | Details tabs shared by a source's two pages. */
export function SourceHeader({ projectId, source, active }: { projectId: string; source: SourceDetail; active: 'code' | 'details' }) {
  const kind = isSourceKind(source.kind) ? SOURCE_KIND_LABELS[source.kind] : source.kind;
  const base = `/projects/${projectId}/sources/${source.id}`;
  const facts = [
    source.authors && `${source.authors}${source.year ? ` (${source.year})` : ''}`,
    !source.authors && source.year && String(source.year),
    source.venue,
    source.interviewee && `Interviewee: ${source.interviewee}`,
    source.interviewDate && `Date: ${source.interviewDate}`,
    source.interviewer && `Interviewer: ${source.interviewer}`,
  ].filter(Boolean);
  return (
    <header className="source-header">
      <div className="breadcrumb">
        <Link href={`/projects/${projectId}/sources`}>Sources</Link> / {kind}
      </div>
      <h1 data-testid="source-title">{source.title}</h1>
      <p className="muted">
        {kind} · {source.wordCount.toLocaleString('en-GB')} words · {source.length.toLocaleString('en-GB')} characters
        {source.fileName ? ` · ${source.fileName}` : ''}
        {source.encoding && source.encoding !== 'utf-8' ? ` · decoded from ${source.encoding}` : ''}
        {source.addedBy ? ` · added by ${source.addedBy}` : ''}
      </p>
      {facts.length > 0 && <p>{facts.join(' · ')}</p>}
      <nav className="tabs" aria-label="Source">
        <Link href={base} aria-current={active === 'code' ? 'page' : undefined}>
          Code
        </Link>
        <Link href={`${base}/details`} aria-current={active === 'details' ? 'page' : undefined}>
          Details & memos
        </Link>
      </nav>
    </header>
  );
}
