import type { Metadata } from 'next';
import Link from 'next/link';

import { LocalTime } from '@/components/team/comment-thread';
import { TeamTabs } from '@/components/team/team-tabs';
import { listCommentThreads } from '@/lib/server/data/comments/list-threads';
import { loadProjectPage } from '@/lib/server/pages';

import styles from '@/components/team/comment-thread.module.css';

export const metadata: Metadata = { title: 'Comments' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ view?: string | string[] }> };

/**
 * The project's comment threads (on codes, categories and relations): threads with unread
 * comments first, then by latest comment; or only the comments that @mention the reader.
 */
export default async function CommentsPage(props: Props) {
  const [{ projectId }, search] = await Promise.all([props.params, props.searchParams]);
  const { user, project } = await loadProjectPage(projectId);
  const { threads, mentions, unreadTotal } = await listCommentThreads({ userId: user.id, projectId: project.id });
  const view = (Array.isArray(search.view) ? search.view[0] : search.view) === 'mentions' ? 'mentions' : 'threads';
  const base = `/projects/${project.id}/team/comments`;
  const unreadMentions = mentions.filter((m) => m.unread).length;
  return (
    <>
      <h1>Team</h1>
      <TeamTabs projectId={project.id} />
      <p className="muted">
        Discussions on codes, categories and relations. Open a code’s page (or a relation on the network view) to comment; type @ to mention a member or a code.
        {unreadTotal > 0 ? ` You have ${unreadTotal} unread ${unreadTotal === 1 ? 'comment' : 'comments'}.` : ''}
      </p>
      <nav className="tabs" aria-label="Comment views">
        <Link href={base} aria-current={view === 'threads' ? 'page' : undefined}>
          All threads ({threads.length})
        </Link>
        <Link href={`${base}?view=mentions`} aria-current={view === 'mentions' ? 'page' : undefined}>
          Mentions of me ({mentions.length}
          {unreadMentions > 0 ? `, ${unreadMentions} new` : ''})
        </Link>
      </nav>
      {view === 'threads' ? (
        threads.length === 0 ? (
          <p className="empty muted">No comments yet.</p>
        ) : (
          <table className="table card" aria-label="Comment threads">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Latest comment</th>
                <th scope="col">Comments</th>
                <th scope="col">Unread</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((t) => (
                <tr key={`${t.target.type}:${t.target.id}`} data-testid="thread-row">
                  <td>
                    <span className="muted">{t.target.type === 'code' ? 'Code' : 'Relation'} </span>
                    <Link href={t.href}>{t.title}</Link>
                    {t.mentionsMe && <span className="badge"> mentions you</span>}
                  </td>
                  <td>
                    <strong>{t.last.author}</strong> <span className="muted">·</span> <LocalTime iso={t.last.createdAt} />
                    <div className="clamp">{t.last.excerpt}</div>
                  </td>
                  <td>{t.count}</td>
                  <td>{t.unread > 0 ? <span className={styles.newBadge}>{t.unread} new</span> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : mentions.length === 0 ? (
        <p className="empty muted">Nobody has mentioned you yet.</p>
      ) : (
        <ol className="memo-list" aria-label="Mentions of me">
          {mentions.map((m) => (
            <li key={m.commentId} className="memo-item" data-testid="mention-row">
              <div className="memo-meta">
                <strong>{m.author}</strong>
                <span>on</span>
                <Link href={m.href}>{m.title}</Link>
                <LocalTime iso={m.createdAt} />
                {m.unread && <span className={styles.newBadge}>new</span>}
              </div>
              <p className={styles.body}>{m.excerpt}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
