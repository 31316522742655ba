import { readStreamLines } from '@/lib/sources/upload-queue';

/** The final line of an upload's progress stream (`{status, error?}` plus what the route returns). */
export type UploadAnswer<T extends object> = T & { status: number; error?: string; retryAfter?: number };

/**
 * Sends one file as the raw body (name in X-File-Name) and reads the NDJSON answer as it arrives:
 * upload progress (XHR, which fetch cannot report), then the server's stages, then the final line.
 * Source and dataset uploads share this protocol (lib/server/api/progress-stream.ts). A refusal
 * before the work started (401, 403, 404, 413, 503…) is a plain JSON answer; 503 carries
 * Retry-After.
 */
export function sendWithProgress<T extends object>(
  url: string,
  file: File,
  on: { progress: (loaded: number, total: number) => void; sent?: () => void; stage: (stage: string) => void },
): Promise<UploadAnswer<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let result: UploadAnswer<T> | undefined;
    const read = () => {
      const { lines, used } = readStreamLines(xhr.responseText.slice(consumed));
      consumed += used;
      for (const line of lines) {
        if ('progress' in line) on.stage(line.progress.stage);
        else result = line as unknown as UploadAnswer<T>;
      }
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.upload.onprogress = (e) => on.progress(e.loaded, e.total);
    xhr.upload.onload = () => on.sent?.();
    xhr.onprogress = read;
    xhr.onload = () => {
      const retryAfter = Number(xhr.getResponseHeader('Retry-After')) || undefined;
      if (xhr.status === 200) {
        read();
        resolve(result ?? ({ status: 0, error: 'The connection closed before the import finished.' } as UploadAnswer<T>));
        return;
      }
      let error = `The server answered ${xhr.status}.`;
      try {
        error = (JSON.parse(xhr.responseText) as { error?: string }).error ?? error;
      } catch {}
      resolve({ status: xhr.status, error, retryAfter } as UploadAnswer<T>);
    };
    xhr.onerror = () => resolve({ status: 0, error: 'Network error: the upload did not reach the server.' } as UploadAnswer<T>);
    xhr.send(file);
  });
}
