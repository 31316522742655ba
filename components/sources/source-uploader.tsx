'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useReducer, useRef, useState } from 'react';

import { TEXT_ENCODINGS } from '@/lib/sources/encodings';
import { type DuplicateOf, isFinished, preflight, summarise, type UploadEvent, type UploadItem, uploadReducer } from '@/lib/sources/upload-queue';
import { sendWithProgress } from '@/components/ui/upload-stream';

import { FolderSelect, KindSelect } from './source-selects';

type Action = { type: 'add'; items: UploadItem[] } | { type: 'clear' } | UploadEvent;

function reducer(state: UploadItem[], action: Action): UploadItem[] {
  if (action.type === 'add') return [...state, ...action.items];
  if (action.type === 'clear') return state.filter((i) => !isFinished(i));
  return uploadReducer(state, action);
}

type SendResult = { status: number; source?: { id: string; warnings?: string[] }; error?: string; retryAfter?: number; duplicateOf?: DuplicateOf };

/** Sends one file; resolves with the server's final answer (components/ui/upload-stream.ts). */
function send(url: string, file: File, on: { progress: (loaded: number, total: number) => void; sent: () => void; stage: (stage: string) => void }) {
  return sendWithProgress<Pick<SendResult, 'source' | 'duplicateOf'>>(url, file, on);
}

/** How often a file is sent again after the server said it was busy (503). */
const MAX_BUSY_RETRIES = 5;

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  importing: 'Processing…',
  done: 'Imported',
  failed: 'Failed',
  duplicate: 'Already in the project',
  skipped: 'Skipped',
};

export function SourceUploader(props: { projectId: string; maxBytes: number; folders: Array<{ id: string; name: string }>; defaultFolderId?: string }) {
  const router = useRouter();
  const [items, dispatch] = useReducer(reducer, []);
  const [kind, setKind] = useState<string>('auto');
  const [folderId, setFolderId] = useState(props.defaultFolderId ?? '');
  const [encoding, setEncoding] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const queue = useRef<Array<{ key: string; file: File; keepDuplicate?: boolean }>>([]);
  // Files reported as duplicates, kept until the user imports them anyway or skips them.
  const held = useRef(new Map<string, File>());
  const id = useId();

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (queue.current.length) {
      const { key, file, keepDuplicate } = queue.current.shift()!;
      dispatch({ type: 'start', key });
      const params = new URLSearchParams();
      if (kind !== 'auto') params.set('kind', kind);
      if (folderId) params.set('folderId', folderId);
      if (encoding) params.set('encoding', encoding);
      if (keepDuplicate) params.set('duplicates', 'keep');
      const url = `/api/projects/${props.projectId}/sources?${params}`;
      let answer: SendResult;
      for (let attempt = 0; ; attempt++) {
        answer = await send(url, file, {
          progress: (loaded, total) => dispatch({ type: 'progress', key, loaded, total }),
          sent: () => dispatch({ type: 'sent', key }),
          stage: (stage) => dispatch({ type: 'stage', key, stage }),
        });
        if (answer.status !== 503 || attempt >= MAX_BUSY_RETRIES) break;
        const seconds = answer.retryAfter ?? 5;
        dispatch({ type: 'retry', key, seconds });
        await new Promise((r) => setTimeout(r, seconds * 1000));
        dispatch({ type: 'start', key });
      }
      if (answer.status === 201 && answer.source) {
        dispatch({ type: 'done', key, sourceId: answer.source.id, message: answer.source.warnings?.join(' ') || undefined });
      } else if (answer.status === 409 && answer.duplicateOf) {
        held.current.set(key, file);
        dispatch({ type: 'duplicate', key, duplicateOf: answer.duplicateOf });
      } else {
        dispatch({ type: 'failed', key, message: answer.error ?? `Upload failed (${answer.status}).` });
      }
    }
    busy.current = false;
    router.refresh();
  }, [encoding, folderId, kind, props.projectId, router]);

  const importAnyway = (key: string) => {
    const file = held.current.get(key);
    if (!file) return;
    held.current.delete(key);
    queue.current.push({ key, file, keepDuplicate: true });
    void pump();
  };
  const skip = (key: string) => {
    held.current.delete(key);
    dispatch({ type: 'skip', key });
  };

  const addFiles = (files: FileList | null) => {
    if (!files?.length) return;
    const added: UploadItem[] = [];
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const problem = preflight(file, props.maxBytes);
      added.push({ key, name: file.name, size: file.size, status: problem ? 'failed' : 'queued', progress: 0, message: problem ?? undefined });
      if (!problem) queue.current.push({ key, file });
    }
    dispatch({ type: 'add', items: added });
    void pump();
  };

  return (
    <div className="stack">
      <div className="row">
        <KindSelect label="Kind" id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} withAuto />
        <FolderSelect label="Folder" id={`${id}-folder`} value={folderId} onChange={(e) => setFolderId(e.target.value)} folders={props.folders} />
        <div className="field">
          <label htmlFor={`${id}-encoding`}>Text encoding</label>
          <select id={`${id}-encoding`} value={encoding} onChange={(e) => setEncoding(e.target.value)} aria-describedby={`${id}-encoding-help`}>
            <option value="">Detect automatically</option>
            {TEXT_ENCODINGS.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" id={`${id}-encoding-help`}>
        The encoding applies to .txt, .md, .html, .vtt and .srt files (Word and PDF files carry their own). Keep “Detect automatically” unless an
        imported text shows garbled characters (such as “Ã©” or “�”): then re-import it with its encoding from the source’s Details tab (while it has no codings).
      </p>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          addFiles(e.dataTransfer.files);
        }}
      >
        <p>
          <strong>Drop files here</strong> or{' '}
          <button type="button" className="btn-link" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <p className="muted">.txt .md .docx .pdf .html .vtt .srt — up to {Math.round(props.maxBytes / 1024 / 1024)} MB each</p>
        <label className="visually-hidden" htmlFor={`${id}-files`}>
          Files to import
        </label>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          hidden
          accept=".txt,.text,.md,.markdown,.docx,.pdf,.html,.htm,.vtt,.srt"
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <div aria-live="polite">
          <p className="muted" data-testid="upload-summary">
            {summarise(items)}
          </p>
          <ul className="upload-list" aria-label="Uploads">
            {items.map((item) => (
              <li key={item.key} className={`upload upload-${item.status}`} data-testid="upload-item">
                <div className="upload-head">
                  <span className="upload-name">{item.name}</span>
                  <span className="upload-status">{item.status === 'importing' && item.stage ? item.stage : STATUS_TEXT[item.status]}</span>
                </div>
                <progress max={1} value={item.status === 'failed' ? 0 : item.progress} aria-label={`${item.name} progress`} />
                {item.message && <p className={item.status === 'failed' ? 'upload-error' : 'muted'}>{item.message}</p>}
                {item.status === 'duplicate' && item.duplicateOf && (
                  <div className="row">
                    <a href={`/projects/${props.projectId}/sources/${item.duplicateOf.id}`} target="_blank" rel="noreferrer">
                      Open “{item.duplicateOf.title}”
                    </a>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => importAnyway(item.key)}>
                      Import anyway
                    </button>
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => skip(item.key)}>
                      Skip
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {items.some(isFinished) && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => dispatch({ type: 'clear' })}>
              Clear finished
            </button>
          )}
        </div>
      )}
    </div>
  );
}
