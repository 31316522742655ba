import type { DocPositionIndex } from '@/lib/coding/doc-positions';

/**
 * Coding stripes in the left margin, drawn imperatively into one absolutely positioned layer.
 *
 * Why not React or CSS: a stripe's top and bottom depend on where the browser wrapped the lines,
 * which only layout knows (`coordsAtPos`). Measuring 5,000 codings on every change would cost
 * hundreds of milliseconds, so only codings near the viewport are measured: the visible
 * paragraphs are found by binary search over their boxes, codings outside them are skipped
 * with a linear scan of numbers, and the layer is redrawn only when scrolling leaves the
 * measured band (one viewport above and below) or the layout changes size.
 */

/** One stripe: a coding in ProseMirror positions, with its lane and colour. */
export interface StripeItem {
  id: string;
  from: number;
  to: number;
  lane: number;
  color: string;
  /** Tooltip, e.g. "trust — Ana". */
  label: string;
}

/** The parts of an EditorView the stripes read (an interface so tests can stub layout). */
export interface StripeView {
  dom: HTMLElement;
  coordsAtPos(pos: number, side?: number): { top: number; bottom: number };
}

/** Geometry of the lanes, in CSS pixels. */
export interface StripeGeometry {
  /** Width of the margin the layer covers. */
  gutter: number;
  laneWidth: number;
  /** Distance between the left edges of two neighbouring lanes. */
  laneStep: number;
  /** Space between lane 0 and the text. */
  inset: number;
  /** Lanes that fit; deeper ones (over ~28 overlapping codings) share the outermost. */
  maxLanes: number;
}

/**
 * Margin geometry for `laneCount` lanes: 4 px stripes 3 px apart, squeezed (down to 2 px
 * stripes 3 px apart) when many codings overlap, so the margin stays under ~100 px.
 *
 * @param laneCount - lanes in use.
 * @returns the geometry.
 */
export function stripeGeometry(laneCount: number): StripeGeometry {
  const inset = 8;
  const budget = 84;
  const lanes = Math.max(1, laneCount);
  const laneStep = Math.max(3, Math.min(7, Math.floor(budget / lanes)));
  const laneWidth = laneStep >= 6 ? 4 : laneStep - 1;
  const maxLanes = Math.floor(budget / laneStep);
  return { gutter: 8 + inset + Math.min(lanes, maxLanes) * laneStep, laneWidth, laneStep, inset, maxLanes };
}

/** Draws and keeps up to date the stripes of one editor. Call {@link destroy} when done. */
export class MarginStripes {
  private items: StripeItem[] = [];
  private geometry: StripeGeometry = stripeGeometry(0);
  private activeId: string | null = null;
  /** The band (layer coordinates) the current drawing covers, or null when stale. */
  private band: { top: number; bottom: number } | null = null;
  private frame = 0;
  private readonly resizeObserver: ResizeObserver | null;
  private readonly onScroll = () => {
    if (!this.band) return this.schedule();
    const layerTop = this.layer.getBoundingClientRect().top;
    const view = this.scroller.getBoundingClientRect();
    if (view.top - layerTop < this.band.top || view.bottom - layerTop > this.band.bottom) this.schedule();
  };

  /**
   * @param layer - the absolutely positioned element stripes are drawn in; it must move with
   *   the text (inside the scrolling content).
   * @param scroller - the element that scrolls the text (its box is the viewport).
   * @param view - the editor view.
   * @param index - the text's position index (paragraph k = `view.dom.children[k]`).
   * @param onLayout - called when the text's layout changed size (after the first time), e.g.
   *   to move popovers with the text.
   */
  constructor(
    private readonly layer: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly view: StripeView,
    private readonly index: DocPositionIndex,
    private readonly onLayout?: () => void,
  ) {
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    let first = true; // ResizeObserver reports once on observe: that is not a change
    this.resizeObserver =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            this.invalidate();
            if (!first) this.onLayout?.();
            first = false;
          })
        : null;
    this.resizeObserver?.observe(view.dom);
  }

  /** Replace the stripes (sorted or not) and redraw on the next frame. */
  setItems(items: StripeItem[], geometry: StripeGeometry, activeId: string | null): void {
    this.items = items;
    this.geometry = geometry;
    this.activeId = activeId;
    this.invalidate();
  }

  /** Forget the measured band and redraw on the next frame (layout changed). */
  invalidate(): void {
    this.band = null;
    this.schedule();
  }

  /** Stop listening and remove the stripes. */
  destroy(): void {
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.resizeObserver?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.layer.replaceChildren();
  }

  private schedule(): void {
    if (this.frame || typeof requestAnimationFrame !== 'function') return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /**
   * Measure and draw the stripes near the viewport now.
   * @returns how many stripes were drawn (for tests and measurements).
   */
  draw(): number {
    const paragraphs = this.view.dom.children;
    const count = Math.min(paragraphs.length, this.index.lineCount);
    const viewport = this.scroller.getBoundingClientRect();
    const layerTop = this.layer.getBoundingClientRect().top;
    const overscan = Math.max(viewport.height, 400);
    const top = viewport.top - overscan;
    const bottom = viewport.bottom + overscan;
    if (count === 0 || this.items.length === 0) {
      this.layer.replaceChildren();
      this.band = { top: top - layerTop, bottom: bottom - layerTop };
      return 0;
    }
    const rect = (k: number) => (paragraphs[k] as HTMLElement).getBoundingClientRect();
    // First paragraph whose bottom reaches the band, last whose top is inside it.
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rect(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const k0 = lo;
    hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (rect(mid).top > bottom) hi = mid - 1;
      else lo = mid;
    }
    const k1 = lo;
    const visFrom = this.index.lineRange(k0).from;
    const visTo = this.index.lineRange(k1).to;
    const bandTop = rect(k0).top - layerTop;
    const bandBottom = rect(k1).bottom - layerTop;

    const { gutter, laneWidth, laneStep, inset, maxLanes } = this.geometry;
    const fragment = document.createDocumentFragment();
    let drawn = 0;
    for (const item of this.items) {
      if (item.to < visFrom || item.from > visTo) continue;
      let y0: number;
      let y1: number;
      try {
        y0 = item.from < visFrom ? bandTop - 1 : this.view.coordsAtPos(item.from, 1).top - layerTop;
        y1 = item.to > visTo ? bandBottom + 1 : this.view.coordsAtPos(item.to, -1).bottom - layerTop;
      } catch {
        continue; // no layout (hidden, or a test DOM): nothing to draw
      }
      const el = document.createElement('div');
      el.className = item.id === this.activeId ? 'gw-stripe gw-stripe--active' : 'gw-stripe';
      el.dataset.codingId = item.id;
      el.title = item.label;
      const s = el.style;
      s.top = `${y0}px`;
      s.height = `${Math.max(4, y1 - y0)}px`;
      s.left = `${gutter - inset - laneWidth - Math.min(item.lane, maxLanes - 1) * laneStep}px`;
      s.width = `${laneWidth}px`;
      s.background = item.color;
      fragment.append(el);
      drawn++;
    }
    this.layer.replaceChildren(fragment);
    // Paragraphs k0..k1 cover the whole band, so everything in it is drawn.
    this.band = { top: top - layerTop, bottom: bottom - layerTop };
    return drawn;
  }
}
