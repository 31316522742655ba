'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

type Placeholder = { id: string; name: string; codings: number; memos: number };
type Member = { userId: string; name: string; role: string };

/**
 * Imported coders without an account (from a REFI-QDA import), with their codings and memos.
 * An owner gives them to a member who codes (owner or coder); others only see the list.
 */
export function PlaceholderCoders({ projectId, placeholders, members, canManage }: { projectId: string; placeholders: Placeholder[]; members: Member[]; canManage: boolean }) {
  const router = useRouter();
  const coders = members.filter((m) => m.role === 'owner' || m.role === 'coder');
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (placeholders.length === 0) return null;

  async function assign(p: Placeholder) {
    const memberId = choice[p.id] ?? coders[0]?.userId;
    if (!memberId) return;
    setBusy(p.id);
    setMessage(null);
    const response = await fetch(`/api/projects/${encodeURIComponent(projectId)}/refi/placeholders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ placeholderId: p.id, memberId }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { codings?: number; memos?: number; error?: string } | null;
    setBusy('');
    if (!response?.ok) return setMessage({ kind: 'error', text: body?.error ?? 'Could not assign the codings; try again.' });
    const to = coders.find((c) => c.userId === memberId)?.name ?? 'the member';
    setMessage({ kind: 'success', text: `${body?.codings ?? 0} coding(s) and ${body?.memos ?? 0} memo(s) of “${p.name}” now belong to ${to}.` });
    router.refresh();
  }

  return (
    <section className="card" aria-label="Imported coders">
      <h2>Imported coders</h2>
      <p className="muted">
        Coders from an imported REFI-QDA project who have no account here. Their codings keep their name until {canManage ? 'you give them' : 'an owner gives them'} to a
        team member.
      </p>
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <table className="table" aria-label="Imported coders">
        <thead>
          <tr>
            <th scope="col">Imported coder</th>
            <th scope="col">Codings</th>
            <th scope="col">Memos</th>
            {canManage && <th scope="col">Give to</th>}
          </tr>
        </thead>
        <tbody>
          {placeholders.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.codings}</td>
              <td>{p.memos}</td>
              {canManage && (
                <td>
                  <div className="row">
                    <select aria-label={`Give the codings of ${p.name} to`} value={choice[p.id] ?? coders[0]?.userId ?? ''} onChange={(e) => setChoice((c) => ({ ...c, [p.id]: e.target.value }))}>
                      {coders.map((c) => (
                        <option key={c.userId} value={c.userId}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="btn btn-sm" disabled={busy !== '' || coders.length === 0} onClick={() => void assign(p)}>
                      {busy === p.id ? 'Assigning…' : 'Assign'}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
