import { describe, expect, it } from 'vitest';

import { dragExtent } from './extent-drag';

describe('dragExtent', () => {
  const bounds = { min: 1, max: 100 };
  it('moves the dragged end and keeps the other', () => {
    expect(dragExtent({ from: 10, to: 20 }, 'start', 5, bounds)).toEqual({ from: 5, to: 20 });
    expect(dragExtent({ from: 10, to: 20 }, 'end', 42, bounds)).toEqual({ from: 10, to: 42 });
  });
  it('never collapses or inverts the extent, and stays inside the document', () => {
    expect(dragExtent({ from: 10, to: 20 }, 'start', 30, bounds)).toEqual({ from: 19, to: 20 });
    expect(dragExtent({ from: 10, to: 20 }, 'end', 3, bounds)).toEqual({ from: 10, to: 11 });
    expect(dragExtent({ from: 10, to: 20 }, 'start', -4, bounds)).toEqual({ from: 1, to: 20 });
    expect(dragExtent({ from: 10, to: 20 }, 'end', 500, bounds)).toEqual({ from: 10, to: 100 });
  });
});
