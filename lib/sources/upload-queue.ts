/**
 * The state of a multi-file upload, one entry per file: pure so the progress logic is tested
 * without a browser. The uploader component drives it with XHR progress events.
 */
export type UploadStatus = 'queued' | 'uploading' | 'importing' | 'done' | 'failed' | 'duplicate' | 'skipped';

/** The source an upload duplicates: the same bytes are already in the project. */
export interface DuplicateOf {
  id: string;
  title: string;
}

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: UploadStatus;
  /** 0–1 of the bytes sent. */
  progress: number;
  message?: string;
  sourceId?: string;
  /** What the server is doing with the file once it has arrived ("Counting words…"). */
  stage?: string;
  /** Status `duplicate`/`skipped`: the source already in the project with the same bytes. */
  duplicateOf?: DuplicateOf;
}

/**
 * The stages a server-side import reports on its progress stream (NDJSON lines
 * `{"progress":{"stage":…}}`), as shown to the user.
 */
export const IMPORT_STAGE_TEXT: Record<string, string> = {
  received: 'In the import queue…',
  started: 'Extracting text…',
  extracting: 'Extracting text…',
  counting: 'Counting words…',
  storing: 'Saving…',
};

export type UploadEvent =
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'sent'; key: string }
  | { type: 'stage'; key: string; stage: string }
  | { type: 'retry'; key: string; seconds: number }
  | { type: 'done'; key: string; sourceId: string; message?: string }
  | { type: 'failed'; key: string; message: string }
  /** The server stored nothing: the file is already in the project. The user keeps or skips it. */
  | { type: 'duplicate'; key: string; duplicateOf: DuplicateOf }
  | { type: 'skip'; key: string };

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
      case 'stage':
        return { ...item, status: 'importing', progress: 1, stage: IMPORT_STAGE_TEXT[event.stage] ?? item.stage };
      case 'retry':
        return { ...item, status: 'queued', progress: 0, stage: undefined, message: `The server is busy; trying again in ${event.seconds} s.` };
      case 'done':
        return { ...item, status: 'done', progress: 1, stage: undefined, sourceId: event.sourceId, message: event.message };
      case 'failed':
        return { ...item, status: 'failed', stage: undefined, message: event.message };
      case 'duplicate':
        return { ...item, status: 'duplicate', progress: 1, stage: undefined, duplicateOf: event.duplicateOf, message: `Already in this project as “${event.duplicateOf.title}”.` };
      case 'skip':
        return item.status === 'duplicate' ? { ...item, status: 'skipped', message: `Skipped: already in this project as “${item.duplicateOf?.title ?? ''}”.` } : item;
    }
  });
}

/** Whether an upload needs nothing more: imported, failed or skipped. */
export function isFinished(item: Pick<UploadItem, 'status'>): boolean {
  return item.status === 'done' || item.status === 'failed' || item.status === 'skipped';
}

/** One line for the whole batch, e.g. "2 of 3 imported, 1 failed, 1 already in the project". */
export function summarise(items: UploadItem[]): string {
  const count = (status: UploadStatus) => items.filter((i) => i.status === status).length;
  const done = count('done');
  const failed = count('failed');
  const duplicate = count('duplicate');
  const skipped = count('skipped');
  const busy = items.length - done - failed - duplicate - skipped;
  const parts = [`${done} of ${items.length} imported`];
  if (failed) parts.push(`${failed} failed`);
  if (duplicate) parts.push(`${duplicate} already in the project: import anyway or skip`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (busy) parts.push(`${busy} in progress`);
  return parts.join(', ');
}

/** Client-side pre-check so obviously oversized files fail at once, not after uploading. */
export function preflight(file: { name: string; size: number }, maxBytes: number): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > maxBytes) return `${file.name} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`;
  return null;
}

/** One line of an upload's NDJSON answer: progress, then the final result. */
export type UploadStreamLine =
  | { progress: { stage: string } }
  | { status: number; source?: { id: string; warnings?: string[] }; error?: string; duplicateOf?: DuplicateOf; skipped?: boolean };

/**
 * Splits the NDJSON received so far into complete lines and the unfinished rest (XHR hands the
 * whole response text on every progress event; the caller keeps the offset it has consumed).
 *
 * @param text - the response text from `from` on.
 * @returns the parsed complete lines and how many characters they used.
 * @example
 * readStreamLines('{"progress":{"stage":"counting"}}\n{"sta'); // { lines: [{ progress: … }], used: 34 }
 */
export function readStreamLines(text: string): { lines: UploadStreamLine[]; used: number } {
  const lines: UploadStreamLine[] = [];
  let used = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', used)) {
    const line = text.slice(used, nl).trim();
    used = nl + 1;
    if (!line) continue;
    try {
      lines.push(JSON.parse(line) as UploadStreamLine);
    } catch {
      lines.push({ status: 0, error: 'The server sent an unreadable answer.' });
    }
  }
  return { lines, used };
}
