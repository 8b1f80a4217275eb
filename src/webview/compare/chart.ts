/**
 * The cost-vs-latency scatter: every priced offering as a point, the Pareto
 * front (cheapest for its speed, computed by the host) as a connected line, the
 * model the code uses now as a larger star, and each price's range (from the site's assumed
 * inputs) as a vertical error bar. Chart.js on a canvas, coloured from
 * VS Code's `--vscode-charts-*` theme variables and redrawn when the theme
 * changes. The same facts are in the table and in a screen-reader list.
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { CompareRow } from '../../core/compare/types';
import { formatDuration, formatUsd } from '../../core/format';
import { h } from '../shared/dom';
import { chartModel, type ChartModel, type ChartPoint as Point } from './chart-model';

export { chartModel, type ChartModel } from './chart-model';

Chart.register(ScatterController, PointElement, LineElement, LinearScale, LogarithmicScale, Tooltip, Legend);

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

function themeColours() {
  return {
    text: cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#888')),
    grid: cssVar('--vscode-charts-lines', 'rgba(128,128,128,0.3)'),
    point: cssVar('--vscode-charts-blue', '#3794ff'),
    pareto: cssVar('--vscode-charts-orange', '#d18616'),
    current: cssVar('--vscode-charts-red', '#f14c4c'),
    font: cssVar('--vscode-font-family', 'sans-serif'),
  };
}

function datasets(model: ChartModel): ChartDataset<'scatter', Point[]>[] {
  const c = themeColours();
  return [
    {
      label: 'Offerings',
      data: [...model.others],
      // Hollow points: latency assumed (no catalog speed figures), so their x position is a guess.
      backgroundColor: model.others.map((p) => (p.assumed ? 'transparent' : c.point)),
      borderColor: c.point,
      borderWidth: 1.5,
      pointRadius: 4,
      pointHoverRadius: 6,
    },
    {
      label: 'Pareto front',
      data: [...model.pareto],
      showLine: true,
      borderColor: c.pareto,
      backgroundColor: c.pareto,
      borderWidth: 2,
      pointRadius: 5,
      pointStyle: 'rectRot',
    },
    {
      label: 'Current model',
      data: [...model.current],
      borderColor: c.current,
      backgroundColor: c.current,
      pointStyle: 'star',
      pointRadius: 10,
      borderWidth: 2,
    },
  ];
}

function label(item: TooltipItem<'scatter'>): string {
  const p = item.raw as Point;
  const range = p.yLow !== undefined && p.yHigh !== undefined ? ` (${formatUsd(p.yLow)}–${formatUsd(p.yHigh)})` : '';
  return `${p.id}: ${formatUsd(p.y)}${range}, ${formatDuration(p.x * 1000)}${p.assumed ? ' (assumed speed)' : ''}`;
}

/** Draws each point's price range as a vertical bar with caps, under the points, in its dataset's colour. */
const errorBars: Plugin<'scatter'> = {
  id: 'tokenomicsErrorBars',
  beforeDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    const x = scales.x;
    const y = scales.y;
    if (!x || !y) return;
    ctx.save();
    ctx.lineWidth = 1;
    chart.data.datasets.forEach((ds, i) => {
      if (!chart.isDatasetVisible(i)) return;
      ctx.strokeStyle = String(ds.borderColor ?? '#888');
      for (const p of ds.data as Point[]) {
        if (p.yLow === undefined || p.yHigh === undefined) continue;
        const px = x.getPixelForValue(p.x);
        const top = y.getPixelForValue(p.yHigh);
        const bottom = y.getPixelForValue(p.yLow);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, bottom);
        ctx.moveTo(px - 3, top);
        ctx.lineTo(px + 3, top);
        ctx.moveTo(px - 3, bottom);
        ctx.lineTo(px + 3, bottom);
        ctx.stroke();
      }
    });
    ctx.restore();
  },
};

/** Log-axis labels at 1, 2 and 5 × a power of ten ($0.001, $0.002, $0.005, $0.01…); the ticks between stay unlabelled. */
function decadeLabel(value: number): string {
  if (!(value > 0)) return '';
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? formatUsd(value) : '';
}

function barBounds(model: ChartModel): { suggestedMin?: number; suggestedMax?: number } {
  const points = [...model.others, ...model.pareto, ...model.current];
  const lows = points.flatMap((p) => (p.yLow !== undefined ? [p.yLow] : []));
  const highs = points.flatMap((p) => (p.yHigh !== undefined ? [p.yHigh] : []));
  return lows.length ? { suggestedMin: Math.min(...lows), suggestedMax: Math.max(...highs) } : {};
}

export class CostLatencyChart {
  private chart?: Chart<'scatter', Point[]>;
  private model: ChartModel = { others: [], pareto: [], current: [] };
  private readonly canvas: HTMLCanvasElement;
  private readonly summary: HTMLElement;
  readonly element: HTMLElement;

  constructor(unit: () => string) {
    this.canvas = h('canvas', { attrs: { role: 'img', 'aria-label': 'Cost versus latency of every offering' } });
    this.summary = h('ul', { className: 'sr-only', attrs: { 'data-testid': 'pareto-list' } });
    this.unit = unit;
    this.element = h(
      'figure',
      { className: 'chart' },
      h('div', { className: 'chart-box' }, this.canvas),
      h('figcaption', {
        className: 'muted',
        text: 'Hollow points: speed assumed (the catalog has no speed figures for the offering). Orange: the Pareto front — no offering is both cheaper and faster. Star: the model the site is priced on (see the line above the table: from the code, or assumed). Vertical bars: the range of the price from the assumed inputs (low to high).',
      }),
      this.summary,
    );
    // Theme switches change the body's class: recolour.
    new MutationObserver(() => this.rebuild()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  private readonly unit: () => string;

  update(rows: readonly CompareRow[], currentModel: string | undefined): void {
    this.model = chartModel(rows, currentModel);
    this.summary.replaceChildren(
      ...this.model.pareto.map((p) =>
        h('li', { text: `Pareto front: ${p.id} — ${formatUsd(p.y)}${p.yLow !== undefined && p.yHigh !== undefined ? ` (${formatUsd(p.yLow)}–${formatUsd(p.yHigh)})` : ''} per ${this.unit()}, ${formatDuration(p.x * 1000)}` }),
      ),
      ...this.model.current.map((p) => h('li', { text: `Current model: ${p.id}` })),
    );
    this.canvas.setAttribute(
      'aria-label',
      `Cost per ${this.unit()} versus latency: ${this.model.others.length + this.model.pareto.length} offerings, ${this.model.pareto.length} on the Pareto front`,
    );
    // Rebuilt rather than updated: axis titles follow the unit (call or task), and a hundred points draw in a few ms.
    this.rebuild();
  }

  /** For tests: what the chart draws. */
  get drawn(): ChartModel {
    return this.model;
  }

  private rebuild(): void {
    this.chart?.destroy();
    const c = themeColours();
    const font = { family: c.font };
    this.chart = new Chart<'scatter', Point[]>(this.canvas, {
      type: 'scatter',
      data: { datasets: datasets(this.model) },
      plugins: [errorBars],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: c.text,
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'latency (s)', color: c.text, font },
            ticks: { color: c.text, font },
            grid: { color: c.grid },
          },
          y: {
            type: 'logarithmic',
            // Room for the error bars, which Chart.js does not count when it fits the axis to the points.
            ...barBounds(this.model),
            title: { display: true, text: `$ per ${this.unit()} (log)`, color: c.text, font },
            ticks: { color: c.text, font, callback: (v) => decadeLabel(Number(v)) },
            grid: { color: c.grid },
          },
        },
        plugins: {
          legend: { labels: { color: c.text, font, usePointStyle: true } },
          tooltip: { callbacks: { label } },
        },
      },
    });
  }
}
