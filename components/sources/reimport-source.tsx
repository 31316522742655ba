'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

import { TEXT_ENCODINGS } from '@/lib/sources/encodings';

/**
 * "Re-import with encoding…" on a source whose text looks garbled (lib/sources/misdecoded.ts):
 * the user picks the file again and its encoding; the text is replaced
 * (PUT /api/projects/:id/sources/:sourceId/file). Offered only while the source has no codings
 * and no case parts — they are offsets into the text — otherwise the section says why not.
 */
export function ReimportSource(props: { projectId: string; sourceId: string; fileName: string | null; encoding: string | null; blocked: 'codings' | 'cases' | null }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [encoding, setEncoding] = useState(TEXT_ENCODINGS.find((e) => e.value !== props.encoding)?.value ?? 'utf-8');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const current = TEXT_ENCODINGS.find((e) => e.value === props.encoding)?.label ?? props.encoding;

  const intro = (
    <p>
      Some characters of this text look garbled (such as “Ã©”, “â€™” or “�”): the file was probably read with the wrong text encoding
      {current ? <> (it was read as {current})</> : null}.
    </p>
  );
  if (props.blocked) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Garbled text?</h2>
        {intro}
        <p className="muted">
          {props.blocked === 'codings'
            ? 'This source already has codings, which point into its text, so the text cannot be replaced. Upload the file again as a new source, choosing its text encoding, and code that one.'
            : 'Parts of this source are assigned to cases, which point into its text, so the text cannot be replaced. Remove those case parts first, or upload the file again as a new source.'}
        </p>
      </section>
    );
  }

  const send = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      setMessage({ error: true, text: 'Choose the file to import again.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/projects/${props.projectId}/sources/${props.sourceId}/file?${new URLSearchParams({ encoding })}`, {
        method: 'PUT',
        headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string; source?: { warnings?: string[] } };
      if (!response.ok) {
        setMessage({ error: true, text: body.error ?? `The server answered ${response.status}.` });
        return;
      }
      setMessage({ error: false, text: ['The text was imported again.', ...(body.source?.warnings ?? [])].join(' ') });
      router.refresh();
    } catch {
      setMessage({ error: true, text: 'Network error: the file did not reach the server.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Re-import with encoding…</h2>
      {intro}
      <p className="muted">
        Choose the file{props.fileName ? <> (“{props.fileName}”)</> : null} and its encoding; the text is replaced, and title, details and memos stay. This is only
        possible while the source has no codings.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>File</label>
        <input ref={input} id={`${id}-file`} type="file" accept=".txt,.text,.md,.markdown,.html,.htm,.vtt,.srt" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-encoding`}>Text encoding</label>
        <select id={`${id}-encoding`} value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          {TEXT_ENCODINGS.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="button" className="btn btn-secondary" onClick={send} disabled={busy}>
          {busy ? 'Importing…' : 'Re-import'}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'message message-error' : 'message message-success'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
