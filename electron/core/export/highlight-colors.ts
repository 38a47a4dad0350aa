// The highlight colours as CSS, the same tints the reader paints (renderer/src/styles.css), for
// the formats that carry colour outside the app: annotated HTML and the JSON-LD stylesheet.
import type { HighlightColor } from '../../shared/model';

export const HIGHLIGHT_TINTS: Record<HighlightColor, string> = {
  yellow: 'rgb(255 214 10 / 0.45)',
  green: 'rgb(92 200 110 / 0.38)',
  blue: 'rgb(90 170 255 / 0.38)',
  pink: 'rgb(255 120 170 / 0.38)',
  purple: 'rgb(170 120 255 / 0.38)',
};

export const HIGHLIGHT_SWATCHES: Record<HighlightColor, string> = {
  yellow: '#ffd60a',
  green: '#5cc86e',
  blue: '#5aaaff',
  pink: '#ff78aa',
  purple: '#aa78ff',
};

/** The class a highlight of this colour carries in exported HTML and JSON-LD (`styleClass`). */
export const colorClass = (color: HighlightColor): string => `margin-${color}`;
