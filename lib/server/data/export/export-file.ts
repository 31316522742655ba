/** A file an export produced: its bytes and how to send them. */
export type ExportFile = { body: Uint8Array; fileName: string; contentType: string };
