// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { downloadPng, downloadSvg, exportSvg, fileStem, serializeSvg } from './export-image';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart like the network's: a zoomed layer holding a circle and a label. */
function chart(): SVGSVGElement {
  document.body.innerHTML = `
    <style>.dot { fill: rgb(46, 134, 171); stroke: rgb(31, 35, 40); } .label { font-size: 12px; }</style>
    <svg width="800" height="600" class="chart" data-testid="code-network" style="max-width: 100%">
      <defs><marker id="arrow"><path d="M0,-5L10,0L0,5Z" fill="#5d6470"></path></marker></defs>
      <g data-export-layer="" transform="translate(400,300) scale(0.5)">
        <circle class="dot" cx="10" cy="20" r="5"></circle>
        <text class="label" x="10" y="40">B1 Trust</text>
      </g>
    </svg>`;
  const svg = document.querySelector('svg')!;
  // jsdom has no layout: the layer's own (untransformed) extent.
  const layer = svg.querySelector('g')! as unknown as SVGGraphicsElement;
  (layer as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: -20, y: -10, width: 200, height: 100 }) as DOMRect;
  return svg;
}

/** jsdom's Blob has no text(). */
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

const parse = (markup: string) => new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;

describe('serializeSvg', () => {
  it('makes a standalone document around the whole drawing', () => {
    const markup = serializeSvg(chart());
    expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(markup.replace(/^<\?xml[^>]*>\n/, ''));
    expect(doc.getAttribute('xmlns')).toBe(SVG_NS);
    expect(doc.getAttribute('width')).toBe('232');
    expect(doc.getAttribute('height')).toBe('132');
    expect(doc.getAttribute('viewBox')).toBe('-36 -26 232 132');
    expect(doc.hasAttribute('data-testid')).toBe(false);
    // The zoom is the viewer's, not the drawing's.
    expect(doc.querySelector('[data-export-layer]')!.hasAttribute('transform')).toBe(false);
    const background = doc.firstElementChild!;
    expect(background.tagName).toBe('rect');
    expect(background.getAttribute('fill')).toBe('#ffffff');
    expect(background.getAttribute('width')).toBe('232');
  });

  it('inlines the computed styles the page CSS gave', () => {
    const doc = parse(serializeSvg(chart()).replace(/^<\?xml[^>]*>\n/, ''));
    const circle = doc.querySelector('circle')!.getAttribute('style')!;
    expect(circle).toContain('fill:rgb(46, 134, 171)');
    expect(circle).toContain('stroke:rgb(31, 35, 40)');
    expect(doc.querySelector('text')!.getAttribute('style')).toContain('font-size:12px');
    // Marker references stay attributes.
    expect(doc.querySelector('marker')!.getAttribute('id')).toBe('arrow');
  });

  it('does not change the chart on the page', () => {
    const svg = chart();
    const before = svg.outerHTML;
    serializeSvg(svg);
    expect(svg.outerHTML).toBe(before);
  });

  it('falls back to the svg size without a measurable drawing', () => {
    const svg = chart();
    svg.querySelector('g')!.removeAttribute('data-export-layer');
    const { width, height } = exportSvg(svg, { margin: 0 });
    expect([width, height]).toEqual([800, 600]);
  });
});

describe('downloads', () => {
  const clicked: Array<{ href: string; download: string }> = [];
  const blobs: Blob[] = [];
  beforeEach(() => {
    clicked.length = 0;
    blobs.length = 0;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('saves an SVG file under the given name', async () => {
    downloadSvg(chart(), 'fieldwork-network.svg');
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'fieldwork-network.svg' }]);
    expect(blobs[0].type).toBe('image/svg+xml;charset=utf-8');
    expect(await blobText(blobs[0])).toContain('<circle');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('draws the SVG into a canvas at the requested scale and saves a PNG', async () => {
    const drawn: unknown[][] = [];
    let loadedSrc = '';
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(value: string) {
          loadedSrc = value;
          setTimeout(() => this.onload?.(), 0);
        }
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => ({ fillRect: () => {}, set fillStyle(_: string) {}, drawImage: (...args: unknown[]) => drawn.push(args) }) as never,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, callback: BlobCallback) {
      callback(new Blob([`${this.width}x${this.height}`], { type: 'image/png' }));
    });

    await downloadPng(chart(), 'fieldwork-network.png');
    expect(loadedSrc.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(loadedSrc)).toContain('viewBox="-36 -26 232 132"');
    expect(drawn[0].slice(1)).toEqual([0, 0, 464, 264]);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'fieldwork-network.png' }]);
    expect(await blobText(blobs[0])).toBe('464x264');
    vi.unstubAllGlobals();
  });
});

describe('fileStem', () => {
  it('keeps letters of any script and digits', () => {
    expect(fileStem('Fieldwork 2026: Café owners')).toBe('fieldwork-2026-café-owners');
    expect(fileStem('合作社 / 访谈')).toBe('合作社-访谈');
  });

  it('falls back when nothing is left', () => {
    expect(fileStem('  ?! ')).toBe('codes');
    expect(fileStem('', 'hierarchy')).toBe('hierarchy');
  });

  it('stays short', () => {
    expect(fileStem('a'.repeat(100))).toHaveLength(60);
    expect(fileStem(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });
});
