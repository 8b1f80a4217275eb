/**
 * A graph cycle priced per pass (detect/graph-passes.ts): where its counter is written by fewer request nodes than
 * send, each pass sends one request per request node, so the task is passes × the sum of those requests rather
 * than steps × the loop's first one. The first request keeps its loop pricing (context, agent tax, range) at the
 * passes; each other request adds its own price per call, low and high included, times the passes. Recursion limits
 * and framework defaults count super-steps, not passes: today's pricing there.
 */
import type { WorkloadEstimate } from '../agent';
import { scalePrice, sumPrices } from '../cost';
import type { Price } from '../cost/types';
import type { AnnotationValues, DetectedLoop } from '../detect/types';
import type { AgentLoopReport, CallReport, SourceRef } from './types';

export interface PricedLoop {
  report: AgentLoopReport;
  costPerTask: Price;
  annotation?: AnnotationValues;
  estimate?: WorkloadEstimate;
}

export interface PassRequests {
  /** Bound ÷ writers is the number of passes. */
  readonly writers: number;
  /** One request per request node, the loop's own first; the others' priced reports where found. */
  readonly requests: readonly { readonly site: SourceRef; readonly report?: CallReport }[];
}

/** The loop priced as passes × the per-pass requests; `reprice` prices the first request at a number of steps. */
export function pricePasses(out: PricedLoop, plan: PassRequests | undefined, reprice: (steps: number) => PricedLoop): PricedLoop {
  const r = out.report;
  if (!plan || plan.writers < 1 || r.stepsFrom !== 'code' || r.boundKind === 'recursion-limit' || r.maxSteps < 1) return out;
  const others = plan.requests.slice(1).filter((q) => q.report && q.report.costPerCall.kind === 'priced');
  if (!others.length) return out;
  const passes = Math.max(1, Math.round(r.maxSteps / plan.writers));
  const base = passes === r.maxSteps ? out : reprice(passes);
  const costPerTask = sumPrices([base.costPerTask, ...others.map((q) => scalePrice(q.report!.costPerCall, passes))]);
  const file = plan.requests[0].site.path;
  const at = plan.requests.map((q, i) => (i === 0 || q.site.path !== file ? `${q.site.path.split('/').pop()}:${q.site.line}` : `:${q.site.line}`)).join(', ');
  const detail = `each pass sends the requests at ${at} (${plan.writers === 1 ? 'one node writes' : `${plan.writers} nodes write`} the counter)`;
  const assumptions = (base.report.assumptions ?? []).map((n) => (n.subject === 'steps' ? { ...n, detail: n.detail ? `${n.detail}; ${detail}` : detail } : n));
  const tokens = others.reduce((t, q) => ({ input: t.input + passes * q.report!.workload.inputTokens, output: t.output + passes * q.report!.workload.outputTokens }), base.report.tokens);
  const report: AgentLoopReport = {
    ...base.report,
    ...(r.boundKind ? { boundKind: r.boundKind } : {}),
    ...(r.boundAt ? { boundAt: r.boundAt } : {}),
    costPerTask,
    tokens,
    assumptions,
    passRequests: { workloads: others.map((q) => q.report!.workload), passes },
  };
  return { ...base, report, costPerTask };
}

/** A loop of this file's pass plan (detect/graph-passes.ts), its requests' reports looked up by id. */
export function inFilePasses(l: DetectedLoop, path: string, report: (id: string) => CallReport | undefined): PassRequests | undefined {
  return l.perPass && { writers: l.perPass.writers, requests: l.perPass.callIds.map((id) => ({ site: { path, line: report(id)?.line ?? l.line }, report: report(id) })) };
}
