import { formatTimestamp, type TextBlock } from '@/lib/sources/text-blocks';

/**
 * The stored text, read-only. React escapes it: markup in a transcript is shown, never run.
 * Blocks carry their code-point offsets (data-start/data-end) for the coding view to come.
 */
export function SourceText({ blocks }: { blocks: TextBlock[] }) {
  return (
    <div className="source-text" data-testid="source-text" dir="auto">
      {blocks.map((b) => (
        <section key={b.start} className="text-block" data-start={b.start} data-end={b.end}>
          {b.page !== undefined && <div className="block-marker">Page {b.page}</div>}
          {b.startMs !== undefined && (
            <div className="block-marker">
              {formatTimestamp(b.startMs)}
              {b.speaker ? ` · ${b.speaker}` : ''}
            </div>
          )}
          <div className="block-body">{b.text}</div>
        </section>
      ))}
    </div>
  );
}
