/**
 * Runs an analysis through POST /api/projects/:id/datasets/:datasetId/analyses with a progress
 * stream (NDJSON): bootstrap progress arrives as lines while the worker runs, the saved analysis
 * (or the error) as the last line. Aborting the signal closes the request, which cancels the
 * run on the server (nothing is saved).
 */

export interface RunProgress {
  stage: string;
  done?: number;
  total?: number;
}

export type RunOutcome = { ok: true; analysisId: string } | { ok: false; error: string; cancelled?: boolean };

type Line = { progress: RunProgress } | { status: number; error?: string; analysis?: { id: string } };

export async function runAnalysis(
  url: string,
  spec: { kind: string; options: string[]; title?: string; versionId?: string },
  on: { progress: (p: RunProgress) => void; signal: AbortSignal },
): Promise<RunOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(spec),
      signal: on.signal,
    });
  } catch (error) {
    if (on.signal.aborted) return { ok: false, error: 'Cancelled: nothing was saved.', cancelled: true };
    return { ok: false, error: `Network error: ${(error as Error).message}` };
  }
  if (!response.ok || !response.body) {
    // Refused before the run started (401, 403, 404, 400 from validation, 503 when busy).
    const body = (await response.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string[]> } | null;
    const retry = response.headers.get('Retry-After');
    return { ok: false, error: `${body?.error ?? `The server answered ${response.status}.`}${retry ? ` Try again in ${retry} s.` : ''}` };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last: Line | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!text) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          return { ok: false, error: 'The server sent an unreadable answer.' };
        }
        if ('progress' in line) on.progress(line.progress);
        else last = line;
      }
    }
  } catch (error) {
    if (on.signal.aborted) return { ok: false, error: 'Cancelled: nothing was saved.', cancelled: true };
    return { ok: false, error: `The connection broke: ${(error as Error).message}` };
  }
  if (!last) return { ok: false, error: 'The connection closed before the analysis finished.' };
  const end = last as Exclude<Line, { progress: RunProgress }>;
  if (end.analysis && end.status === 201) return { ok: true, analysisId: end.analysis.id };
  return { ok: false, error: end.error || `The analysis failed (status ${end.status}).` };
}
