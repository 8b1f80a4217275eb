/**
 * The hardware model's accuracy in the shared `npm run bench` table: median and p90 absolute
 * percentage error per category against public measurements, as a ratio to the targets
 * (≤ 1 meets the target). `npm run bench:hardware` prints the full row-by-row table.
 */
import type { BenchMetric, BenchModule } from '../harness';
import { TARGETS, errorRows, loadMeasurements, summarize } from './calibrate';

export const benchModule: BenchModule = {
  name: 'hardware',
  description: 'self-hosted model predictions vs public measurements (APE = absolute percentage error)',
  async run(context) {
    const rows = errorRows(loadMeasurements(context.root));
    const metrics: BenchMetric[] = [];
    for (const s of summarize(rows).filter((x) => x.subset === 'all')) {
      const t = TARGETS[s.category];
      metrics.push(
        { name: `${s.category} median APE (n=${s.n})`, value: s.median * 100, unit: '%', reference: t.median * 100, referenceName: 'target', ratio: s.median / t.median, better: 'lower', target: { max: 1 } },
        { name: `${s.category} p90 APE`, value: s.p90 * 100, unit: '%', reference: t.p90 * 100, referenceName: 'target', ratio: s.p90 / t.p90, better: 'lower', target: { max: 1 } },
      );
    }
    return metrics;
  },
};
