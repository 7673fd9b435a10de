// uPlot, loaded only with the Insights screen (a dynamic import: it lands in its own chunk).
// Chosen over Observable Plot and ECharts: it is about 50 kB, draws a year of weeks in well
// under a millisecond on canvas, is kept up by its author, and builds its DOM with
// createElement and CSSOM styles only, so it runs under the renderer's CSP (style-src 'self',
// no 'unsafe-inline', no eval). Observable Plot appends a <style> element to every figure, which
// that policy blocks; ECharts is several hundred kB even tree-shaken.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface LineSeries {
  label: string;
  values: (number | null)[];
  /** A CSS variable of the theme, e.g. '--accent'. */
  color: string;
  dashed?: boolean;
  /** Fill under the line (a count over time), else a line with points. */
  area?: boolean;
}

export interface LineChartSpec {
  /** Seconds since the epoch, one per point. */
  xs: number[];
  series: LineSeries[];
  /** Formats a y value for the axis. */
  yFormat: (v: number) => string;
  yMax?: number;
  height: number;
  /** A point was clicked (its index in xs). */
  onPick?: (index: number) => void;
}

const MONTH_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** The theme's colours read at draw time: the canvas cannot use CSS variables itself. */
function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function withAlpha(color: string, alpha: number): string {
  // #rrggbb only: the theme's tokens for chart colours are all hex.
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m?.[1]) return color;
  const n = Number.parseInt(m[1], 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

export function drawLineChart(
  el: HTMLElement,
  spec: LineChartSpec,
): { destroy: () => void; resize: (width: number) => void } {
  const axisColor = themeColor('--text-muted');
  const gridColor = themeColor('--border');
  const font = `11.5px ${themeColor('--font-sans')}`;
  const axis = {
    stroke: axisColor,
    font,
    grid: { stroke: gridColor, width: 1 },
    ticks: { stroke: gridColor, width: 1 },
  };
  const opts: uPlot.Options = {
    width: Math.max(200, el.clientWidth),
    height: spec.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: {
      x: { time: true },
      // From zero, with room above the highest point (a count) or to the whole (a share).
      y: { range: (_u, _min, max) => [0, spec.yMax ?? Math.max(4, Math.ceil(max * 1.15))] },
    },
    axes: [
      // One line per tick ("Jun 2025"): uPlot's two-line month/year labels crowd a small chart.
      {
        ...axis,
        space: 80,
        size: 30,
        values: (_u, ticks) => ticks.map((t) => MONTH_YEAR.format(new Date(t * 1000))),
      },
      { ...axis, size: 52, space: 24, values: (_u, vals) => vals.map((v) => spec.yFormat(v)) },
    ],
    series: [
      {},
      ...spec.series.map((s) => {
        const color = themeColor(s.color);
        return {
          label: s.label,
          stroke: color,
          width: 2,
          ...(s.dashed
            ? { dash: [6, 4], points: { show: false } }
            : { points: { show: true, size: 7, fill: color } }),
          ...(s.area ? { fill: withAlpha(color, 0.14), points: { show: false } } : {}),
          spanGaps: false,
        };
      }),
    ],
  };
  const chart = new uPlot(opts, [spec.xs, ...spec.series.map((s) => s.values)] as uPlot.AlignedData, el);
  const onClick = () => {
    const index = chart.cursor.idx;
    if (index !== null && index !== undefined) spec.onPick?.(index);
  };
  if (spec.onPick) chart.over.addEventListener('click', onClick);
  return {
    destroy: () => {
      chart.over.removeEventListener('click', onClick);
      chart.destroy();
    },
    resize: (width) => chart.setSize({ width: Math.max(200, width), height: spec.height }),
  };
}
