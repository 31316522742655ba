/** Sends a file as the raw body with its name in X-File-Name (the upload convention of the API). */
export async function postFile<T>(url: string, file: File): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: file, headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' } });
  } catch {
    return { ok: false, error: 'The upload failed: check your connection and try again.' };
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok || !body) return { ok: false, error: body?.error ?? `The server answered ${response.status}.` };
  return { ok: true, data: body };
}
