import type * as VegaLite from 'vega-lite';

/**
 * Charts are drawn here, once, to static SVG: the report needs no script to show them and loads
 * nothing from the network.
 */
export async function renderChart(spec: VegaLite.TopLevelSpec): Promise<string> {
  // Loaded on first use: vega takes a fifth of the CLI's start-up, which most commands never need.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface RateBar {
  label: string;
  rate: number;
  low: number;
  high: number;
  n: number;
}

export interface QualityCostPoint {
  model: string;
  passRate: number;
  costPer1000: number;
  pareto: boolean;
}

/** Each candidate model as a point: quality up, cost right; the Pareto front stands out. */
export function qualityCostChart(
  points: readonly QualityCostPoint[],
  title: string,
  costTitle: string,
): VegaLite.TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    height: 300,
    data: {
      values: points.map((p) => ({ ...p, percent: p.passRate * 100, front: p.pareto ? 'Pareto' : '—' })),
    },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 120 },
        encoding: {
          x: { field: 'costPer1000', type: 'quantitative', title: costTitle, scale: { zero: true } },
          y: { field: 'percent', type: 'quantitative', title: '%', scale: { domain: [0, 100] } },
          color: {
            field: 'front',
            type: 'nominal',
            scale: { domain: ['Pareto', '—'], range: ['#e8710a', '#3465a4'] },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 11 },
        encoding: {
          x: { field: 'costPer1000', type: 'quantitative' },
          y: { field: 'percent', type: 'quantitative' },
          text: { field: 'model', type: 'nominal' },
        },
      },
    ],
    config: { font: 'sans-serif' },
  };
}

/** Pass rate per suite × model, with the 95% interval drawn as a rule over each bar. */
export function passRateChart(bars: readonly RateBar[], title: string): VegaLite.TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 560,
    height: { step: 22 },
    data: {
      values: bars.map((b) => ({
        ...b,
        percent: b.rate * 100,
        lowPercent: b.low * 100,
        highPercent: b.high * 100,
        nLabel: `n=${b.n}`,
      })),
    },
    layer: [
      {
        mark: { type: 'bar', color: '#3465a4' },
        encoding: {
          y: { field: 'label', type: 'nominal', title: null, sort: null },
          x: { field: 'percent', type: 'quantitative', title: '%', scale: { domain: [0, 100] } },
        },
      },
      {
        mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 2 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'lowPercent', type: 'quantitative' },
          x2: { field: 'highPercent' },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#1a1a1a' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'highPercent', type: 'quantitative' },
          text: { field: 'nLabel', type: 'nominal' },
        },
      },
    ],
    config: { font: 'sans-serif', axis: { labelLimit: 320 } },
  };
}
