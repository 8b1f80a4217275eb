/**
 * The hardware model's accuracy in the shared `npm run bench` table: median and p90 absolute
 * percentage error per category on the VALIDATION set (sources the fit never saw), as a ratio
 * to the targets (≤ 1 meets the target). `npm run bench:hardware` prints the details.
 */
import type { BenchMetric, BenchModule } from '../harness';
import { CATEGORY_NAMES, TARGETS, errorRows, loadDataset, summarize } from './calibrate';

export const benchModule: BenchModule = {
  name: 'hardware',
  description: 'self-hosted model predictions vs public measurements never used in the fit (APE = absolute percentage error)',
  async run(context) {
    const rows = errorRows(loadDataset(context.root));
    const metrics: BenchMetric[] = [];
    for (const s of summarize(rows).filter((x) => x.set === 'validation')) {
      const t = TARGETS[s.category];
      const name = CATEGORY_NAMES[s.category];
      metrics.push(
        { name: `${name} median APE (validation, n=${s.n})`, value: s.median * 100, unit: '%', reference: t.median * 100, referenceName: 'target', ratio: s.median / t.median, better: 'lower', target: { max: 1 } },
        { name: `${name} p90 APE (validation)`, value: s.p90 * 100, unit: '%', reference: t.p90 * 100, referenceName: 'target', ratio: s.p90 / t.p90, better: 'lower', target: { max: 1 } },
      );
    }
    return metrics;
  },
};
