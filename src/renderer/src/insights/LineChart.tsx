import { useEffect, useRef, useState } from 'react';
import type { LineChartSpec } from './uplotChart.ts';

/** The chart library arrives with the first chart drawn, in its own chunk. */
const loadChart = () => import('./uplotChart.ts');

/** Redraws when the theme switches: the canvas took its colours from the variables at draw time. */
function useThemeName(): string | null {
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? null);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? null));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/**
 * A line over weeks drawn by uPlot on canvas. The canvas is an image to assistive technology
 * (`label` says what it shows); its numbers are in the card's table, whose cells are buttons.
 */
export function LineChart({ spec, label }: { spec: LineChartSpec; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useThemeName();
  const specRef = useRef(spec);
  specRef.current = spec;
  const [failed, setFailed] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: spec is read through a ref; theme redraws
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let chart: { destroy: () => void; resize: (width: number) => void } | undefined;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.resize(el.clientWidth));
    loadChart().then(
      ({ drawLineChart }) => {
        if (cancelled) return;
        chart = drawLineChart(el, {
          ...specRef.current,
          onPick: (i) => specRef.current.onPick?.(i),
        });
        observer.observe(el);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [theme, spec.xs, spec.series]);

  if (failed) return <p className="insight-empty">The chart could not be drawn: see the table.</p>;
  return (
    <div ref={ref} className="line-chart" role="img" aria-label={label} style={{ minHeight: spec.height }} />
  );
}
