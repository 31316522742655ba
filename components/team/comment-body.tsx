import Link from 'next/link';

import { parseComment } from '@/lib/team/mentions';

import styles from './comment-thread.module.css';

/**
 * A comment's text as React text nodes (never HTML), line breaks kept; mentions as chips: a code
 * links to its page, a member is named.
 */
export function CommentBody({ projectId, body }: { projectId: string; body: string }) {
  return (
    <p className={styles.body}>
      {parseComment(body).map((s, i) =>
        s.type === 'text' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'code' ? (
          <Link key={i} href={`/projects/${projectId}/codes/${s.id}`} className={`${styles.chip} ${styles.chipCode}`} data-testid="mention-code">
            @{s.label}
          </Link>
        ) : (
          <span key={i} className={styles.chip} data-testid="mention-user">
            @{s.label}
          </span>
        ),
      )}
    </p>
  );
}
