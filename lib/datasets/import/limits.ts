/**
 * Size limits of a dataset import. The byte limit is checked before anything is parsed; rows,
 * columns and cells as soon as they are known (a CSV's header, a .sav's dictionary, a sheet's
 * dimensions), so a file over a limit is refused before its data are read into memory.
 */

/** Limits applied to one imported file. */
export type DatasetLimits = {
  /** Largest file, in bytes (default 50 MB). */
  readonly maxBytes: number;
  /** Most data rows (default 1,000,000). */
  readonly maxRows: number;
  /** Most columns (default 2,000). */
  readonly maxColumns: number;
  /** Most cells, rows × columns (default 50,000,000): bounds the memory of the parsed data. */
  readonly maxCells: number;
  /**
   * Largest total uncompressed size of a compressed container — an .xlsx (zip) or a .zsav
   * (zlib blocks) — in bytes (default 200 MB).
   */
  readonly maxUncompressedBytes: number;
};

/** The default {@link DatasetLimits}. */
export const DATASET_LIMITS: DatasetLimits = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 2_000,
  maxCells: 50_000_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
});

/**
 * The defaults with some limits replaced.
 *
 * @param overrides - the limits to change.
 * @returns the complete limits.
 * @example
 * resolveLimits({ maxRows: 10 }); // { ...DATASET_LIMITS, maxRows: 10 }
 */
export function resolveLimits(overrides: Partial<DatasetLimits> = {}): DatasetLimits {
  return { ...DATASET_LIMITS, ...overrides };
}

/**
 * Format a byte count for messages.
 *
 * @param bytes - a size in bytes.
 * @returns e.g. '50 MB', '812 KB'.
 * @example
 * formatBytes(52428800); // '50 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
