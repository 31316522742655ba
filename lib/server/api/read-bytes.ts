import 'server-only';

import { AppError } from '@/lib/errors/app-error';

/**
 * Reads a request body whole, counting it as it streams. Nothing is returned unless the body
 * arrived complete, so a caller that stores only after this resolves stores nothing for a
 * refused or broken upload.
 *
 * - More than `maxBytes`, declared (Content-Length) or counted (chunked bodies): TOO_LARGE with
 *   the limit named, as soon as it is known; the rest of the body is not read.
 * - A body that ends before its declared Content-Length, or a connection dropped mid-upload:
 *   INVALID_INPUT ("the upload was interrupted").
 *
 * @throws AppError TOO_LARGE | INVALID_INPUT (empty, interrupted or incomplete body)
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const limitMb = Math.round(maxBytes / 1024 / 1024);
  const tooLarge = (size: string) =>
    new AppError('TOO_LARGE', { message: `upload of ${size} over the ${maxBytes}-byte limit`, userMessage: `The file is larger than the ${limitMb} MB limit.` });
  const interrupted = (detail: string) =>
    new AppError('INVALID_INPUT', { message: `upload interrupted: ${detail}`, userMessage: 'The upload was interrupted before the whole file arrived. Nothing was stored; please upload it again.' });

  const header = request.headers.get('content-length');
  const declared = header === null ? undefined : Number(header);
  if (declared !== undefined && Number.isFinite(declared) && declared > maxBytes) throw tooLarge(`${declared} declared bytes`);
  if (!request.body || declared === 0) throw new AppError('INVALID_INPUT', { userMessage: 'The file is empty.' });

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw interrupted(`after ${total} bytes (${(error as Error).message})`);
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(`more than ${total} streamed bytes`);
    }
    chunks.push(chunk.value);
  }
  if (declared !== undefined && Number.isFinite(declared) && total !== declared) throw interrupted(`${total} of ${declared} declared bytes`);
  if (total === 0) throw new AppError('INVALID_INPUT', { userMessage: 'The file is empty.' });

  // One exact-size buffer of its own, so it can be transferred to a worker thread.
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/**
 * The uploaded file's name from the `X-File-Name` header (URI-encoded, so any script survives).
 * The custom header also keeps cross-site form posts out of upload routes.
 * @throws AppError INVALID_INPUT when missing or badly encoded.
 */
export function readFileNameHeader(request: Request): string {
  const raw = request.headers.get('x-file-name');
  if (!raw) throw new AppError('INVALID_INPUT', { userMessage: 'Send the file name in the X-File-Name header.' });
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('INVALID_INPUT', { userMessage: 'The X-File-Name header is not valid URI encoding.' });
  }
}
