/**
 * The dataset pages' calls to the JSON API (app/api/projects/[projectId]/datasets/**), from
 * client components. Every failure becomes `{ ok: false, error }` with the server's message
 * (which names the row, column or variable), never a thrown exception.
 */
import { sendWithProgress } from '@/components/ui/upload-stream';

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; fieldErrors?: Record<string, string[]> };

export const datasetsApi = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/datasets`;

async function failure(response: Response): Promise<{ ok: false; status: number; error: string; fieldErrors?: Record<string, string[]> }> {
  let error = `The server answered ${response.status}.`;
  let fieldErrors: Record<string, string[]> | undefined;
  try {
    const body = (await response.json()) as { error?: string; fieldErrors?: Record<string, string[]> };
    if (body.error) error = body.error;
    fieldErrors = body.fieldErrors;
  } catch {}
  if (response.status === 401) error = 'Your session has ended. Sign in again and retry.';
  return { ok: false, status: response.status, error, fieldErrors };
}

/** A JSON request (GET, or a method with a JSON body). */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: 'no-store',
    });
    if (!response.ok) return failure(response);
    const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
    return { ok: true, status: response.status, data };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, error: 'Network error: the request did not reach the server.' };
  }
}

/** A file as the raw body of a POST (the dataset preview). */
export async function postFile<T>(url: string, file: File, signal?: AbortSignal): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' },
      body: file,
      signal,
    });
    if (!response.ok) return failure(response);
    return { ok: true, status: response.status, data: (await response.json()) as T };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, error: 'Network error: the file did not reach the server.' };
  }
}

/** The final line of an import's progress stream. */
export type ImportAnswer = { status: number; dataset?: { id: string; name: string; versionId: string }; error?: string };

/**
 * Sends a file to the import route and reads its progress stream (components/ui/upload-stream.ts,
 * the protocol source uploads use).
 */
export function uploadWithProgress(url: string, file: File, on: { progress: (fraction: number) => void; stage: (stage: string) => void }): Promise<ImportAnswer> {
  return sendWithProgress<{ dataset?: ImportAnswer['dataset'] }>(url, file, {
    progress: (loaded, total) => on.progress(total > 0 ? Math.min(1, loaded / total) : 0),
    sent: () => on.progress(1),
    stage: on.stage,
  });
}
