'use client';

import { useId, useRef, useState, type ReactNode } from 'react';

import { downloadPng, downloadSvg, fileStem } from '@/components/hierarchy/export-image';

import { PLOT } from './theme';

/** Props of {@link PlotFigure}. */
export interface PlotFigureProps {
  /** Short title: the SVG's <title>, the accessible name and the exported file's stem. */
  title: string;
  /** What the plot shows, in words (the SVG's <desc>, read by screen readers). */
  description: string;
  width: number;
  height: number;
  /** Exported file name stem (default from the title). */
  filename?: string;
  /** Hide the SVG/PNG export buttons (e.g. when a page offers its own). */
  hideExport?: boolean;
  /** A caption under the plot (HTML, not part of the exported image). */
  caption?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every plot draws into: an accessible SVG (role img, <title>, <desc>) on a white
 * background, with "Export SVG" / "Export PNG" buttons. Exports go through the shared helper in
 * components/hierarchy/export-image (computed styles inlined; PNG through a canvas at 2×).
 */
export function PlotFigure({ title, description, width, height, filename, hideExport, caption, children }: PlotFigureProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    const name = `${fileStem(filename ?? title, 'plot')}.${kind}`;
    setError(null);
    try {
      // margin 0: the white background rect already spans the whole drawing.
      if (kind === 'svg') downloadSvg(svg, name, { margin: 0 });
      else await downloadPng(svg, name, 2, { margin: 0 });
    } catch (e) {
      setError(`Could not export the image: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <figure style={{ margin: 0, maxWidth: width }}>
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ display: 'block', width: '100%', height: 'auto', background: PLOT.paper }}
        fontFamily={PLOT.font}
        fontSize={PLOT.fontSize}
        fill={PLOT.ink}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect x={0} y={0} width={width} height={height} fill={PLOT.paper} />
        {children}
      </svg>
      {caption ? <figcaption style={{ fontSize: 13, marginTop: 4 }}>{caption}</figcaption> : null}
      {hideExport ? null : (
        <div role="group" aria-label={`Export ${title}`} style={{ display: 'flex', gap: 8, marginTop: 6, alignItems: 'center' }}>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exportAs('svg')}>
            Export SVG
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void exportAs('png')}>
            Export PNG
          </button>
          {error ? (
            <span role="alert" style={{ fontSize: 13 }}>
              {error}
            </span>
          ) : null}
        </div>
      )}
    </figure>
  );
}
