import 'server-only';

import { isAppError } from '@/lib/errors/app-error';

/** One line of a progress stream: a stage, or the final result / error with its HTTP status. */
export type ProgressLine = { progress: { stage: string; done?: number; total?: number } } | ({ status: number; error?: string } & Record<string, unknown>);

/**
 * Streams NDJSON lines while `work` runs (`{"progress":{…}}` per stage), ending with its result
 * (`{"status":201,…}`) or its error (`{"status":400,"error":"…"}`) as the last line. The HTTP
 * status is 200 because it is sent before the work ends; the last line carries the real one.
 *
 * @param work - the job; it calls `send` with progress lines and returns the final line.
 */
export function progressStream(work: (send: (line: ProgressLine) => void) => Promise<ProgressLine>): Response {
  const encoder = new TextEncoder();
  // The client may go away mid-run (Cancel, a closed tab): the stream is then cancelled, and
  // lines after that are dropped rather than thrown.
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ProgressLine) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        send(await work(send));
      } catch (error) {
        if (isAppError(error)) send({ status: error.status, error: error.userMessage });
        else {
          console.error('API error', error);
          send({ status: 500, error: 'Something went wrong on our side.' });
        }
      }
      if (open) {
        open = false;
        try {
          controller.close();
        } catch {
          // already closed by the client's cancel
        }
      }
    },
    cancel() {
      open = false;
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
}

/** Whether the client asked for a progress stream (`Accept: application/x-ndjson`). */
export function wantsProgress(request: Request): boolean {
  return request.headers.get('accept')?.includes('application/x-ndjson') ?? false;
}
