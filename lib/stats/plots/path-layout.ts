/**
 * Layout of a mediation path diagram (PROCESS model 4): X bottom left, Y bottom right, the
 * mediators above, centred between them; arrows run between box edges.
 */

/** An axis-aligned box, (x, y) its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An arrow from one box edge to another, with the position of its coefficient label. */
export interface Arrow {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Label anchor: the arrow's midpoint pushed `labelOffset` px to its outer side. */
  labelX: number;
  labelY: number;
  /** A routed arrow's polyline (start to end), when it is not the straight line. */
  route?: Array<[number, number]>;
}

/** Result of {@link mediationLayout}. */
export interface MediationLayout {
  x: Box;
  y: Box;
  mediators: Box[];
  /** X → Mᵢ (a paths). */
  a: Arrow[];
  /** Mᵢ → Y (b paths). */
  b: Arrow[];
  /** X → Y (the direct effect c′). */
  cPrime: Arrow;
  width: number;
  height: number;
}

/** Options of {@link mediationLayout}. */
export interface MediationLayoutOptions {
  /** Drawing width in px (default 600). */
  width?: number;
  boxWidth?: number;
  boxHeight?: number;
  /** Vertical gap between stacked mediators (default 24). */
  gap?: number;
  /** Vertical distance from the lowest mediator to X and Y (default 90). */
  rise?: number;
  /** Distance of labels from their arrow (default 14). */
  labelOffset?: number;
  /** Margin around the drawing (default 8). */
  margin?: number;
}

/**
 * The point where the ray from the box's centre towards (tx, ty) leaves the box.
 *
 * @param box - the box.
 * @param tx - target x.
 * @param ty - target y.
 * @returns the boundary point (the centre itself when the target is the centre).
 */
export function boxEdgePoint(box: Box, tx: number, ty: number): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  // Scale the direction until it hits the nearer of the vertical or horizontal sides.
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/**
 * An arrow between two boxes' edges along the line joining their centres, with the label
 * placed on the side given by `side` (+1: to the left of the direction of travel in screen
 * coordinates, i.e. above a left-to-right arrow; −1: the other side).
 */
export function arrowBetween(from: Box, to: Box, labelOffset: number, side: 1 | -1, gap = 2): Arrow {
  const fc: [number, number] = [from.x + from.width / 2, from.y + from.height / 2];
  const tc: [number, number] = [to.x + to.width / 2, to.y + to.height / 2];
  const [sx, sy] = boxEdgePoint(from, tc[0], tc[1]);
  const [ex, ey] = boxEdgePoint(to, fc[0], fc[1]);
  const len = Math.hypot(ex - sx, ey - sy) || 1;
  const ux = (ex - sx) / len;
  const uy = (ey - sy) / len;
  // Normal pointing left of travel on screen (y down): (uy, −ux).
  const nx = uy * side;
  const ny = -ux * side;
  const mx = (sx + ex) / 2;
  const my = (sy + ey) / 2;
  return {
    x1: sx + ux * gap,
    y1: sy + uy * gap,
    x2: ex - ux * gap,
    y2: ey - uy * gap,
    labelX: mx + nx * labelOffset,
    labelY: my + ny * labelOffset,
  };
}

/**
 * Boxes and arrows of the path diagram for `mediators` mediators (≥ 1).
 *
 * One mediator: M above, centred, X and Y below it (the triangle of Hayes 2022, fig. 4.1).
 * Several (parallel mediators): a centre column of M boxes with X and Y level with its middle,
 * so that no a or b arrow crosses another box; with an even number c′ runs straight through a
 * wider middle gap, with an odd number it is routed below the column (`route`). Labels of the
 * upper half's a and b paths sit above their arrows, of the lower half's below; c′ below.
 *
 * @param mediators - number of mediators.
 * @param options - sizes.
 * @returns the layout in px, origin top-left.
 */
export function mediationLayout(mediators: number, options: MediationLayoutOptions = {}): MediationLayout {
  const k = Math.max(1, Math.floor(mediators));
  const width = options.width ?? 600;
  const bw = options.boxWidth ?? 140;
  const bh = options.boxHeight ?? 48;
  const gap = options.gap ?? 24;
  const rise = options.rise ?? 90;
  const off = options.labelOffset ?? 14;
  const margin = options.margin ?? 8;
  const mx = (width - bw) / 2;
  if (k === 1) {
    const m: Box = { x: mx, y: margin, width: bw, height: bh };
    const baseY = margin + bh + rise;
    const x: Box = { x: margin, y: baseY, width: bw, height: bh };
    const y: Box = { x: width - margin - bw, y: baseY, width: bw, height: bh };
    // X → M goes up-right: its left side (+1) is above-left. M → Y goes down-right: +1 is above-right.
    return {
      x,
      y,
      mediators: [m],
      a: [arrowBetween(x, m, off, 1)],
      b: [arrowBetween(m, y, off, 1)],
      cPrime: arrowBetween(x, y, off, -1),
      width,
      height: baseY + bh + margin,
    };
  }
  const even = k % 2 === 0;
  // The middle gap of an even column carries c′ and its label.
  const midGap = Math.max(gap, 3 * off + 40);
  const boxes: Box[] = [];
  let top = margin;
  for (let i = 0; i < k; i++) {
    boxes.push({ x: mx, y: top, width: bw, height: bh });
    top += bh + (even && i === k / 2 - 1 ? midGap : gap);
  }
  const columnBottom = boxes[k - 1].y + bh;
  const middle = (margin + columnBottom) / 2;
  const x: Box = { x: margin, y: middle - bh / 2, width: bw, height: bh };
  const y: Box = { x: width - margin - bw, y: middle - bh / 2, width: bw, height: bh };
  const upper = (i: number) => (even ? i < k / 2 : i < (k - 1) / 2);
  const a = boxes.map((m, i) => arrowBetween(x, m, off, upper(i) ? 1 : -1));
  const b = boxes.map((m, i) => arrowBetween(m, y, off, upper(i) ? 1 : -1));
  if (even) {
    return { x, y, mediators: boxes, a, b, cPrime: arrowBetween(x, y, off, -1), width, height: columnBottom + margin };
  }
  // Odd: down from X, under the column, up into Y.
  const below = columnBottom + 2 * off + 8;
  const xc = x.x + bw / 2;
  const yc = y.x + bw / 2;
  const cPrime: Arrow = {
    x1: xc,
    y1: x.y + bh + 2,
    x2: yc,
    y2: y.y + bh + 2,
    labelX: width / 2,
    labelY: below + off,
    route: [
      [xc, x.y + bh + 2],
      [xc, below],
      [yc, below],
      [yc, y.y + bh + 2],
    ],
  };
  return { x, y, mediators: boxes, a, b, cPrime, width, height: below + 2 * off + margin + 8 };
}
