/**
 * The state of a multi-file upload, one entry per file: pure so the progress logic is tested
 * without a browser. The uploader component drives it with XHR progress events.
 */
export type UploadStatus = 'queued' | 'uploading' | 'importing' | 'done' | 'failed';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** 0–1 of the bytes sent. */
  progress: number;
  message?: string;
  sourceId?: string;
}

export type UploadEvent =
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'sent'; key: string }
  | { type: 'done'; key: string; sourceId: string; message?: string }
  | { type: 'failed'; key: string; message: string };

export function uploadReducer(items: UploadItem[], event: UploadEvent): UploadItem[] {
  return items.map((item) => {
    if (item.key !== event.key) return item;
    switch (event.type) {
      case 'start':
        return { ...item, status: 'uploading', progress: 0, message: undefined };
      case 'progress':
        return { ...item, progress: event.total > 0 ? Math.min(1, event.loaded / event.total) : item.progress };
      case 'sent':
        return { ...item, status: 'importing', progress: 1 };
      case 'done':
        return { ...item, status: 'done', progress: 1, sourceId: event.sourceId, message: event.message };
      case 'failed':
        return { ...item, status: 'failed', message: event.message };
    }
  });
}

/** One line for the whole batch, e.g. "2 of 3 imported, 1 failed". */
export function summarise(items: UploadItem[]): string {
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'failed').length;
  const busy = items.length - done - failed;
  const parts = [`${done} of ${items.length} imported`];
  if (failed) parts.push(`${failed} failed`);
  if (busy) parts.push(`${busy} in progress`);
  return parts.join(', ');
}

/** Client-side pre-check so obviously oversized files fail at once, not after uploading. */
export function preflight(file: { name: string; size: number }, maxBytes: number): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > maxBytes) return `${file.name} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`;
  return null;
}
