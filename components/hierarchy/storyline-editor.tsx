'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { saveStorylineAction } from '@/app/(app)/projects/[projectId]/hierarchy/actions';
import { MemoEditor } from '@/components/memo/memo-editor';
import { MemoView } from '@/components/memo/memo-view';
import { ConflictDialog } from '@/components/team/conflict-dialog';
import type { MemoDoc } from '@/lib/coding/memo';
import type { VersionConflict } from '@/lib/team/conflict';

export interface Mentionable {
  id: string;
  label: string;
  hint: string;
}

const savedAt = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The storyline memo of selective coding: rich text that mentions codes (type @ and pick one).
 * It is shown as text whose mentions link to the codes' segments; owners and coders switch to
 * the editor with "Edit storyline". A save names the version it started from: when someone else
 * saved meanwhile, the conflict dialog shows both (keep mine, keep theirs, merge).
 */
export function StorylineEditor(props: { projectId: string; body: unknown; updatedAt: string | null; version: number; canEdit: boolean; mentionables: Mentionable[] }) {
  const router = useRouter();
  const [doc, setDoc] = useState<MemoDoc | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [updatedAt, setUpdatedAt] = useState(props.updatedAt);
  const [busy, startTransition] = useTransition();
  const [editing, setEditing] = useState(!props.body);
  /** The version the open editor started from (set when editing begins). */
  const [baseVersion, setBaseVersion] = useState(props.version);
  const [conflict, setConflict] = useState<VersionConflict<'storyline'> | null>(null);
  const startEditing = () => {
    // After our own save the page may not have refreshed yet: never start below our version.
    setBaseVersion((v) => Math.max(v, props.version));
    setEditing(true);
  };
  const saved = (value: { updatedAt: string; version: number }) => {
    setBaseVersion(value.version);
    setDoc(null);
    setUpdatedAt(value.updatedAt);
    setMessage({ kind: 'ok', text: 'Storyline saved.' });
    setEditing(false);
    router.refresh();
  };
  // A mention links to its code while the code exists (one deleted meanwhile reads as a pill).
  const known = new Set(props.mentionables.map((m) => m.id));
  const href = (id: string) => (known.has(id) ? `/projects/${props.projectId}/codes/${id}` : null);

  if (!props.canEdit || !editing) {
    return (
      <div className="storyline" data-testid="storyline">
        {props.body ? <MemoView value={props.body} mentionHref={href} /> : <p className="muted">No storyline has been written yet.</p>}
        {props.canEdit && (
          <div className="row" style={{ alignItems: 'center', marginTop: '0.75rem' }}>
            <button type="button" className="btn btn-secondary" onClick={startEditing}>
              Edit storyline
            </button>
            <span role="status" className="muted">
              {message?.text ?? (updatedAt ? `Last saved ${savedAt(updatedAt)}` : '')}
            </span>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="storyline" data-testid="storyline">
      <MemoEditor
        value={props.body}
        onChange={(d) => {
          setDoc(d);
          setMessage(null);
        }}
        ariaLabel="Storyline"
        placeholder="Tell the story of your core categories: how do the main categories connect? Type @ to mention a code."
        mentions={{ items: props.mentionables }}
      />
      <div className="row" style={{ alignItems: 'center', marginTop: '0.75rem' }}>
        <button
          type="button"
          className="btn"
          disabled={busy || !doc}
          onClick={() =>
            startTransition(async () => {
              if (!doc) return;
              const result = await saveStorylineAction(props.projectId, { body: doc, baseVersion });
              if (!result.ok) {
                if (result.conflict?.entity === 'storyline') return setConflict(result.conflict as VersionConflict<'storyline'>);
                setMessage({ kind: 'error', text: result.message });
                return;
              }
              saved(result.value);
            })
          }
        >
          {busy ? 'Saving…' : 'Save storyline'}
        </button>
        {props.body !== null && (
          <button type="button" className="btn btn-secondary" onClick={() => setEditing(false)} disabled={busy}>
            Cancel
          </button>
        )}
        <span role="status" className={message?.kind === 'error' ? 'message-error-text' : 'muted'}>
          {message?.text ?? (updatedAt ? `Last saved ${savedAt(updatedAt)}` : 'Not saved yet')}
          {doc && !message ? ' · unsaved changes' : ''}
        </span>
      </div>
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          mentions={{ items: props.mentionables }}
          save={async (body, version) => {
            const result = await saveStorylineAction(props.projectId, { body, baseVersion: version });
            if (result.ok) saved(result.value);
            return result;
          }}
          onSaved={() => setConflict(null)}
          onKeepTheirs={() => {
            setConflict(null);
            setDoc(null);
            setEditing(false);
            setMessage({ kind: 'ok', text: 'Kept their version; yours was discarded.' });
            router.refresh();
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </div>
  );
}
