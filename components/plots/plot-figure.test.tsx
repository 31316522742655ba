// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const downloadSvg = vi.fn((..._args: unknown[]) => {});
const downloadPng = vi.fn(async (..._args: unknown[]) => {});
vi.mock('@/components/hierarchy/export-image', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/components/hierarchy/export-image')>()),
  downloadSvg: (...args: unknown[]) => downloadSvg(...args),
  downloadPng: (...args: unknown[]) => downloadPng(...args),
}));

import { PlotFigure } from './plot-figure';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  downloadSvg.mockReset();
  downloadPng.mockReset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('PlotFigure', () => {
  it('exports its SVG as SVG and as a 2× PNG named after the title', async () => {
    await act(async () =>
      root.render(
        <PlotFigure title="OLS: satisfaction" description="A test plot with one circle." width={200} height={100}>
          <circle cx={10} cy={10} r={5} />
        </PlotFigure>,
      ),
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toBe('OLS: satisfaction');
    await act(async () => button('Export SVG').click());
    expect(downloadSvg.mock.calls[0][0]).toBe(svg);
    expect(downloadSvg.mock.calls[0].slice(1)).toEqual(['ols-satisfaction.svg', { margin: 0 }]);
    await act(async () => button('Export PNG').click());
    expect(downloadPng.mock.calls[0][0]).toBe(svg);
    expect(downloadPng.mock.calls[0].slice(1)).toEqual(['ols-satisfaction.png', 2, { margin: 0 }]);
  });

  it('reports a failed export', async () => {
    downloadPng.mockRejectedValueOnce(new Error('no canvas'));
    await act(async () =>
      root.render(
        <PlotFigure title="Plot" description="A test plot." width={200} height={100} filename="my plot">
          <g />
        </PlotFigure>,
      ),
    );
    await act(async () => button('Export PNG').click());
    expect(downloadPng.mock.calls[0][1]).toBe('my-plot.png');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('Could not export the image: no canvas');
  });
});
