/**
 * Export a drawn chart as a standalone SVG or PNG file (browser only).
 *
 * The page's CSS does not travel with an exported file, so the computed styles that matter for
 * SVG rendering are copied onto each element. The exported area is the drawing's bounding box
 * plus a margin, not the visible viewport: an element marked `data-export-layer` (the zoom
 * layer of a pan-and-zoom chart) is exported without its transform, so the export shows the
 * whole drawing at scale 1 whatever the current zoom.
 */

/**
 * Presentation properties copied from the computed style (markers stay attributes: their
 * url() must stay local). All but display and opacity are inherited, so a value equal to the
 * parent's is left out: the parent's inline style carries it.
 */
const STYLE_PROPERTIES = [
  'display',
  'opacity',
  'visibility',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'text-transform',
] as const;
const NOT_INHERITED: Partial<Record<(typeof STYLE_PROPERTIES)[number], string>> = { display: 'inline', opacity: '1' };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Browsers refuse (or silently blank) canvases beyond ~16k px a side; stay well inside. */
const MAX_CANVAS_SIDE = 8192;

export interface ExportOptions {
  /** Blank space around the drawing's bounding box, in px (default 16). */
  margin?: number;
  /** Background colour (default white: transparent SVGs read badly in slides and documents). */
  background?: string;
}

/** A serialised standalone SVG and its size in px. */
export interface SerializedSvg {
  markup: string;
  width: number;
  height: number;
}

/**
 * A standalone SVG document of the chart: xmlns, explicit width/height/viewBox around the
 * drawing, computed styles inlined, white background.
 *
 * @param svg the drawn chart
 * @param options margin and background
 */
export function serializeSvg(svg: SVGSVGElement, options: ExportOptions = {}): string {
  return exportSvg(svg, options).markup;
}

/** {@link serializeSvg} with the exported size, for rasterising. */
export function exportSvg(svg: SVGSVGElement, options: ExportOptions = {}): SerializedSvg {
  const margin = options.margin ?? 16;
  const layer = svg.querySelector<SVGGraphicsElement>('[data-export-layer]');
  const box = drawingBox(svg, layer);
  const x = box.x - margin;
  const y = box.y - margin;
  const width = Math.ceil(box.width + 2 * margin);
  const height = Math.ceil(box.height + 2 * margin);

  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Also replaces the page's own inline style on the root (max-width etc.): standalone, the
  // file has its own size.
  inlineStyles(svg, clone);
  if (layer) {
    const path = pathTo(svg, layer);
    const cloneLayer = path.reduce<Element>((el, i) => el.children[i], clone);
    cloneLayer.removeAttribute('transform');
  }

  clone.setAttribute('version', '1.1');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${round(x)} ${round(y)} ${width} ${height}`);
  clone.removeAttribute('class');
  clone.removeAttribute('data-testid');

  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(round(x)));
  background.setAttribute('y', String(round(y)));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', options.background ?? '#ffffff');
  clone.insertBefore(background, clone.firstChild);

  let text = new XMLSerializer().serializeToString(clone);
  // Serialisers write the SVG namespace for an element in it; make sure (a file without it is not an image).
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
  return { markup, width, height };
}

/**
 * Saves the chart as an SVG file.
 *
 * @param filename e.g. "fieldwork-2026-network.svg"
 */
export function downloadSvg(svg: SVGSVGElement, filename: string, options?: ExportOptions): void {
  downloadBlob(new Blob([serializeSvg(svg, options)], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

/**
 * Saves the chart as a PNG file: the standalone SVG drawn into a canvas at `scale` × its size
 * (reduced if the canvas would exceed what browsers allow).
 *
 * @param filename e.g. "fieldwork-2026-network.png"
 * @param scale pixel density (2: sharp on high-density screens and in print)
 * @throws Error when the browser cannot load the SVG as an image or encode the PNG
 */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2, options?: ExportOptions): Promise<void> {
  const { markup, width, height } = exportSvg(svg, options);
  const k = Math.max(0.1, Math.min(scale, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height));
  // A data: URL (not a blob: URL) keeps the canvas untainted in every current browser.
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image (no canvas 2D context).');
  context.fillStyle = options?.background ?? '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`This browser could not encode a ${canvas.width}×${canvas.height} PNG.`);
  downloadBlob(blob, filename);
}

/**
 * A file-name stem from a title: letters (any script) and digits kept, everything else
 * collapsed to single hyphens, at most 60 characters; `fallback` when nothing is left.
 *
 * @example fileStem('Fieldwork 2026: Café owners') // 'fieldwork-2026-café-owners'
 */
export function fileStem(title: string, fallback = 'codes'): string {
  const stem = [...title.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')]
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');
  return stem || fallback;
}

/** Triggers a download of `blob` through a temporary <a download>. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The drawing's extent in the exported coordinate system (the layer's own, or the svg's). */
function drawingBox(svg: SVGSVGElement, layer: SVGGraphicsElement | null): { x: number; y: number; width: number; height: number } {
  try {
    const b = (layer ?? svg).getBBox();
    if (b.width > 0 && b.height > 0) return { x: b.x, y: b.y, width: b.width, height: b.height };
  } catch {
    // Not rendered (display: none) or no layout engine: fall back to the svg's own size.
  }
  const width = svg.width?.baseVal?.value || Number(svg.getAttribute('width')) || svg.clientWidth || 800;
  const height = svg.height?.baseVal?.value || Number(svg.getAttribute('height')) || svg.clientHeight || 600;
  return { x: 0, y: 0, width, height };
}

/** Copies computed presentation styles from each source element to its clone (same tree shape). */
function inlineStyles(source: Element, target: Element, parent: Map<string, string> | null = null): void {
  const computed = getComputedStyle(source);
  const values = new Map<string, string>();
  const declarations: string[] = [];
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    values.set(property, value);
    if (!value) continue;
    const initial = NOT_INHERITED[property];
    const redundant = initial !== undefined ? value === initial : parent?.get(property) === value;
    if (!redundant) declarations.push(`${property}:${value}`);
  }
  if (declarations.length > 0) target.setAttribute('style', declarations.join(';'));
  else target.removeAttribute('style');
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) inlineStyles(sourceChildren[i], targetChildren[i], values);
}

/** Child indexes leading from `root` down to `el`. */
function pathTo(root: Element, el: Element): number[] {
  const path: number[] = [];
  let node: Element = el;
  while (node !== root && node.parentElement) {
    path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    node = node.parentElement;
  }
  return path;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('This browser could not load the chart as an image.'));
    image.src = src;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;
