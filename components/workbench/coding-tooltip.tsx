import type { WorkbenchCode, WorkbenchCoding } from '@/lib/coding/workbench-types';

import styles from './workbench.module.css';

/** Props of {@link CodingTooltip}. */
export interface CodingTooltipProps {
  codings: readonly WorkbenchCoding[];
  codesById: ReadonlyMap<string, WorkbenchCode>;
  /** Inside the document's positioned container: below a line (`top`) or above it (`bottom`). */
  position: { top?: number; bottom?: number; left: number };
}

const MAX_ROWS = 6;

/** What hovering a highlight shows: each coding's code, coder and the start of its memo. */
export function CodingTooltip({ codings, codesById, position }: CodingTooltipProps) {
  return (
    <div className={styles.tooltip} style={{ top: position.top, bottom: position.bottom, left: position.left }} role="tooltip" data-testid="coding-tooltip">
      <ul>
        {codings.slice(0, MAX_ROWS).map((c) => {
          const code = codesById.get(c.codeId);
          return (
            <li key={c.id}>
              <span className={styles.swatch} style={{ background: code?.color ?? '#888888' }} aria-hidden="true" />
              <span>
                <strong>{code?.name ?? 'Unknown code'}</strong> <span className={styles.tooltipCoder}>· {c.coderName}</span>
                {c.memo && <span className={styles.tooltipMemo}>{c.memo.length > 140 ? `${c.memo.slice(0, 139)}…` : c.memo}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {codings.length > MAX_ROWS && <p className={styles.tooltipMore}>and {codings.length - MAX_ROWS} more</p>}
      <p className={styles.tooltipMore}>Click for details</p>
    </div>
  );
}
