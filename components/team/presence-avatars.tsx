'use client';

import { initials, othersOnSource, type PresenceMode } from '@/lib/team/presence';

import styles from './presence-avatars.module.css';
import { usePresence, usePresenceLocation } from './use-project-events';

/** Readable on white text, picked from the user id so a person keeps their colour everywhere. */
const PALETTE = ['#2f5d50', '#7a3e9d', '#b54708', '#175cd3', '#a1324b', '#3f621a', '#6b4f2a', '#0e7090'];
function colourOf(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export interface AvatarPerson {
  userId: string;
  name: string;
  mode?: PresenceMode;
  /** The signed-in user: labelled "(you)". */
  you?: boolean;
}

/**
 * Initials avatars, each with the person's name (and what they are doing) as its tooltip and
 * accessible name. `showNames` also prints the names beside them.
 */
export function PresenceAvatars({ people, label, showNames = false, testId }: { people: AvatarPerson[]; label: string; showNames?: boolean; testId?: string }) {
  return (
    <ul className={styles.row} aria-label={label} data-testid={testId}>
      {people.map((p) => {
        const who = p.you ? `${p.name} (you)` : p.name;
        const what = p.mode === 'coding' ? `${who} — coding` : p.mode === 'viewing' ? `${who} — viewing` : who;
        return (
          <li key={p.userId} className={`${styles.person} ${p.mode === 'coding' ? styles.coding : ''}`} title={what} aria-label={what} data-presence-user={p.name} data-presence-mode={p.mode}>
            <span className={styles.avatar} style={{ background: colourOf(p.userId) }} aria-hidden="true">
              {initials(p.name)}
            </span>
            {showNames && (
              <span aria-hidden="true">
                {who}
                {p.mode && <span className={styles.state}> · {p.mode}</span>}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Who else has this source open, for the source's header; also reports this tab as being here. */
export function SourcePresence({ sourceId, mode = 'viewing', report = true }: { sourceId: string; mode?: PresenceMode; report?: boolean }) {
  usePresenceLocation(report ? sourceId : null, mode);
  const { presence, selfId } = usePresence();
  const others = othersOnSource(presence, sourceId, selfId ?? '');
  if (others.length === 0) return null;
  const coding = others.filter((p) => p.mode === 'coding').length;
  const summary =
    others.length === 1
      ? `${others[0].name} is ${others[0].mode === 'coding' ? 'coding' : 'viewing'} this source`
      : `${others.length} others on this source${coding > 0 ? `, ${coding} coding` : ''}`;
  return (
    <div className={styles.bar} data-testid="source-presence">
      <span>{summary}</span>
      <PresenceAvatars people={others} label="Others on this source" />
    </div>
  );
}

/** The project overview's "Online now": everyone with the project open, with names. */
export function OnlineNow() {
  const { presence, selfId, connected } = usePresence();
  const people = presence.online.map((p) => ({ ...p, you: p.userId === selfId }));
  return (
    <section className="card" style={{ marginBottom: '1rem' }} aria-labelledby="online-now">
      <h2 id="online-now">Online now</h2>
      {people.length === 0 ? (
        <p className="muted">{connected ? 'Nobody else has this project open.' : 'Connecting…'}</p>
      ) : (
        <PresenceAvatars people={people} label="Members online" showNames testId="online-now" />
      )}
    </section>
  );
}
