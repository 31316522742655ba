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
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (line: ProgressLine) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
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
      open = false;
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' } });
}

/** Whether the client asked for a progress stream (`Accept: application/x-ndjson`). */
export function wantsProgress(request: Request): boolean {
  return request.headers.get('accept')?.includes('application/x-ndjson') ?? false;
}
