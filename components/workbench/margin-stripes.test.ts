// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';

import { createDocPositionIndex } from '@/lib/coding/doc-positions';

import { MarginStripes, stripeGeometry, type StripeItem, type StripeView } from './margin-stripes';

// 200 lines of 10 characters; jsdom has no layout, so every line is a 20 px box at y = 20k
// and the viewport shows y 0..200 (lines 0-9) with the layer at y 0.
const LINES = 200;
const text = Array.from({ length: LINES }, (_, k) => `line ${String(k).padStart(4, '0')}`).join('\n');
const index = createDocPositionIndex(text);
const rect = (top: number, height: number) => ({ top, bottom: top + height, left: 0, right: 100, width: 100, height, x: 0, y: top, toJSON() {} }) as DOMRect;

function setup() {
  const dom = document.createElement('div');
  for (let k = 0; k < LINES; k++) {
    const p = document.createElement('p');
    p.getBoundingClientRect = () => rect(20 * k, 20);
    dom.append(p);
  }
  const lineOfPos = (pos: number) => index.lineOfUtf16(index.posToUtf16(pos));
  const view: StripeView = {
    dom,
    coordsAtPos: (pos) => ({ top: 20 * lineOfPos(pos), bottom: 20 * lineOfPos(pos) + 20 }),
  };
  const layer = document.createElement('div');
  layer.getBoundingClientRect = () => rect(0, 20 * LINES);
  const scroller = document.createElement('div');
  scroller.getBoundingClientRect = () => rect(0, 200);
  document.body.append(layer, scroller);
  return { stripes: new MarginStripes(layer, scroller, view, index), layer };
}

const item = (id: string, fromLine: number, toLine: number, lane: number): StripeItem => ({
  id,
  from: index.lineRange(fromLine).from + 1,
  to: index.lineRange(toLine).to - 1,
  lane,
  color: '#2e86ab',
  label: `${id} — Ana`,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MarginStripes', () => {
  it('draws the codings near the viewport, one absolutely positioned bar each, in their lanes', () => {
    const { stripes, layer } = setup();
    const geometry = stripeGeometry(2);
    stripes.setItems([item('a', 1, 3, 0), item('b', 2, 2, 1), item('far', 150, 160, 0)], geometry, 'b');
    expect(stripes.draw()).toBe(2); // 'far' is beyond the overscan band
    const [a, b] = Array.from(layer.children) as HTMLElement[];
    expect(a.dataset.codingId).toBe('a');
    expect([a.style.top, a.style.height]).toEqual(['20px', '60px']);
    expect(a.title).toBe('a — Ana');
    // Lane 1 sits one step further from the text than lane 0.
    expect(parseFloat(a.style.left) - parseFloat(b.style.left)).toBe(geometry.laneStep);
    expect(b.className).toContain('gw-stripe--active');
    stripes.destroy();
    expect(layer.children).toHaveLength(0);
  });

  it('clamps a coding that starts far above the band to the band', () => {
    const { stripes, layer } = setup();
    // The band is the viewport (0..200) plus 400 px of overscan each way: lines 0..29.
    stripes.setItems([item('long', 5, 120, 0)], stripeGeometry(1), null);
    stripes.draw();
    const bar = layer.children[0] as HTMLElement;
    expect(bar.style.top).toBe('100px');
    expect(parseFloat(bar.style.height)).toBeGreaterThanOrEqual(500);
  });

  it('keeps the margin under ~100 px however many lanes there are', () => {
    expect(stripeGeometry(1).gutter).toBeLessThan(40);
    expect(stripeGeometry(40).gutter).toBeLessThanOrEqual(100);
    expect(stripeGeometry(40).maxLanes).toBeGreaterThan(20);
  });
});
