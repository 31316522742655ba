/**
 * Journal style shared by the plots: white background, black and grey ink, one accent colour,
 * labels of 12 px and more. Colours are attributes (not CSS) so exported files look the same.
 */
export const PLOT = {
  font: 'Helvetica, Arial, "Liberation Sans", sans-serif',
  /** Tick labels, cell values, legend. */
  fontSize: 12,
  /** Axis titles, box labels. */
  labelSize: 13,
  titleSize: 14,
  ink: '#000000',
  /** Secondary ink: reference lines, notes. */
  grey: '#595959',
  /** Light rules, bars' fill. */
  light: '#d0d0d0',
  paper: '#ffffff',
  /** The one accent colour (fitted lines, estimates, bands). */
  accent: '#1b5e9e',
  /** Fill of confidence bands (the accent, light). */
  band: '#1b5e9e',
  bandOpacity: 0.18,
  /** Shading of the Johnson–Neyman region of significance. */
  region: '#e8e8e8',
  strokeWidth: 1,
} as const;

/** Margins inside the SVG, in px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
