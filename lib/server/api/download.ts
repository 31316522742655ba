import 'server-only';

/**
 * A file download response. The file name is sent both ASCII-safe and RFC 5987-encoded, so
 * Chinese project names survive; `no-store` keeps exports of private data out of caches.
 */
export function download(body: BodyInit, options: { fileName: string; contentType: string }): Response {
  const ascii = options.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(body, {
    headers: {
      'content-type': options.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** A file-name-safe slug of a title: letters and digits of any script, dashes otherwise. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}
