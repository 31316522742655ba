'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useId, useReducer, useRef, useState } from 'react';

import { preflight, summarise, type UploadEvent, type UploadItem, uploadReducer } from '@/lib/sources/upload-queue';

import { FolderSelect, KindSelect } from './source-selects';

type Action = { type: 'add'; items: UploadItem[] } | { type: 'clear' } | UploadEvent;

function reducer(state: UploadItem[], action: Action): UploadItem[] {
  if (action.type === 'add') return [...state, ...action.items];
  if (action.type === 'clear') return state.filter((i) => i.status !== 'done' && i.status !== 'failed');
  return uploadReducer(state, action);
}

/** Sends one file; resolves with the server's answer. XHR (not fetch) for upload progress. */
function send(url: string, file: File, onProgress: (loaded: number, total: number) => void, onSent: () => void) {
  return new Promise<{ status: number; body: { source?: { id: string; warnings?: string[] }; error?: string } }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: `The server answered ${xhr.status}.` };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: 'Network error: the upload did not reach the server.' } });
    xhr.send(file);
  });
}

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  importing: 'Extracting text…',
  done: 'Imported',
  failed: 'Failed',
};

export function SourceUploader(props: { projectId: string; maxBytes: number; folders: Array<{ id: string; name: string }>; defaultFolderId?: string }) {
  const router = useRouter();
  const [items, dispatch] = useReducer(reducer, []);
  const [kind, setKind] = useState<string>('auto');
  const [folderId, setFolderId] = useState(props.defaultFolderId ?? '');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const queue = useRef<Array<{ key: string; file: File }>>([]);
  const id = useId();

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (queue.current.length) {
      const { key, file } = queue.current.shift()!;
      dispatch({ type: 'start', key });
      const params = new URLSearchParams();
      if (kind !== 'auto') params.set('kind', kind);
      if (folderId) params.set('folderId', folderId);
      const { status, body } = await send(
        `/api/projects/${props.projectId}/sources?${params}`,
        file,
        (loaded, total) => dispatch({ type: 'progress', key, loaded, total }),
        () => dispatch({ type: 'sent', key }),
      );
      if (status === 201 && body.source) {
        dispatch({ type: 'done', key, sourceId: body.source.id, message: body.source.warnings?.join(' ') || undefined });
      } else {
        dispatch({ type: 'failed', key, message: body.error ?? `Upload failed (${status}).` });
      }
    }
    busy.current = false;
    router.refresh();
  }, [folderId, kind, props.projectId, router]);

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
      </div>
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
                  <span className="upload-status">{STATUS_TEXT[item.status]}</span>
                </div>
                <progress max={1} value={item.status === 'failed' ? 0 : item.progress} aria-label={`${item.name} progress`} />
                {item.message && <p className={item.status === 'failed' ? 'upload-error' : 'muted'}>{item.message}</p>}
              </li>
            ))}
          </ul>
          {items.some((i) => i.status === 'done' || i.status === 'failed') && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => dispatch({ type: 'clear' })}>
              Clear finished
            </button>
          )}
        </div>
      )}
    </div>
  );
}
