/**
 * `batchable`: a request that runs once per element of a collection (`for doc
 * in docs`, `rows.map(…)`, a comprehension; not an agent loop) in code that
 * runs with no one waiting for the reply, on a provider with a batch API. The
 * saving is the batch discount, by the same cost model as the site's price.
 *
 * Conservative on purpose: detection must find evidence that the code runs
 * offline (a script entry point, a command-line or job framework, a scripts/
 * or jobs/ path), and any sign of a waiting user (a request handler, a web or
 * UI framework, a streamed reply) rules the finding out. Batch results can take
 * up to a day; the message says so.
 */
import { formatInteger, formatUsd } from '../../format';
import type { DiagnosticReport } from '../types';
import { pricedSites, reprice, savingsFinding } from './pricing';
import type { FindingContext } from './types';

export function batchable(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const { call, detected, offering, provider } of pricedSites(ctx)) {
    const where = detected.context;
    if (detected.agent || call.workload.batch || !where?.overCollection || !where.offline || where.userWaiting) continue;
    const discount = offering.batchDiscount;
    if (discount === undefined || discount <= 0) continue;
    const batched = reprice(ctx.catalog, offering, call.workload, { workload: { batch: true } });
    if (!batched || batched.savedPerUnit <= 0) continue;
    // Cache hits inside a batch are best effort: the low end assumes none.
    const uncachedBatch = reprice(ctx.catalog, offering, call.workload, { workload: { batch: true, caching: false, cachedInputTokens: 0 } });
    const low = Math.max(0, Math.min(batched.savedPerMonth, uncachedBatch?.savedPerMonth ?? 0));
    out.push(
      savingsFinding(
        call,
        'batchable',
        call.id,
        `Runs once per element of \`${where.overCollection.construct}\` (line ${where.overCollection.line}) and no one waits for the reply (${where.offline}): ` +
          `${provider?.name ?? offering.provider}'s batch API bills it ${Math.round(discount * 100)}% less, ${formatUsd(batched.then)} instead of ${formatUsd(batched.now)} per call, ` +
          `${formatUsd(batched.savedPerMonth)} a month at ${formatInteger(call.workload.callsPerDay)} calls a day. Batch results can take up to 24 hours.`,
        { usd: batched.savedPerMonth, low, high: batched.savedPerMonth },
      ),
    );
  }
  return out;
}
