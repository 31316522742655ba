import 'server-only';

import { AppError } from '@/lib/errors/app-error';

/**
 * Reads a request body, refusing more than `maxBytes` as soon as it is exceeded (a declared
 * Content-Length is checked first; a body without one is counted while it streams).
 * @throws AppError TOO_LARGE | INVALID_INPUT (empty body)
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError('TOO_LARGE', { userMessage: `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.` });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new AppError('INVALID_INPUT', { userMessage: 'The file is empty.' });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}
