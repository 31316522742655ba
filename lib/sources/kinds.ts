import type { SourceFormat } from '../io/types';

/** What a source is, for filtering and for which metadata fields apply. */
export const SOURCE_KINDS = ['interview', 'literature', 'fieldnote', 'document', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  interview: 'Interview',
  literature: 'Literature',
  fieldnote: 'Field note',
  document: 'Document',
  other: 'Other',
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** A first guess the uploader can override: transcripts are interviews, PDFs usually articles. */
export function suggestKind(format: SourceFormat | 'paste'): SourceKind {
  if (format === 'vtt' || format === 'srt') return 'interview';
  if (format === 'pdf') return 'literature';
  return 'document';
}
