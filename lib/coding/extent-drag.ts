/**
 * Dragging one end of a coding to a new place (the workbench's extent handles): the moved end
 * follows the pointer, the other end stays, and the extent never collapses or turns inside
 * out — dragging the start past the end stops one position before it.
 */
export function dragExtent(extent: { from: number; to: number }, end: 'start' | 'end', pos: number, bounds: { min: number; max: number }): { from: number; to: number } {
  const p = Math.max(bounds.min, Math.min(bounds.max, pos));
  if (end === 'start') return { from: Math.min(p, extent.to - 1), to: extent.to };
  return { from: extent.from, to: Math.max(p, extent.from + 1) };
}
