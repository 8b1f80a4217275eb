/**
 * The agent-loop simulation of DESIGN §3:
 *   ctx_0 = workload.inputTokens
 *   step i: input_i = ctx_{i-1}; output_i = out (+ reasoning); ctx_i = ctx_{i-1} + out + tool_result
 * Reasoning tokens are billed but not carried into the next step's context (APIs
 * drop earlier reasoning from the conversation).
 *
 * Overflow: a request fits when input + output + reasoning ≤ the context window.
 * The first step that does not fit is `overflow` (the API rejects it and bills
 * nothing), later steps are `not-run`; totals cover the steps that ran, and the
 * estimate says the task does not complete.
 */
import type { Catalog, Offering } from '../catalog/types';
import { estimateLatency } from '../cost/latency';
import { sumPrices } from '../cost/money';
import { priceCall } from '../cost/price';
import type { LatencyEstimate, Price } from '../cost/types';
import type { Workload } from '../workload';
import { cachePolicy, findProviderOf } from './caching';
import { catalogModel } from './lookup';
import type { AgentEstimate, AgentStepEstimate } from './types';

/** Loops longer than this are cut (and say so): the rows would be unreadable and the figure meaningless. */
export const MAX_SIMULATED_STEPS = 10_000;

interface CleanWorkload {
  readonly workload: Workload;
  readonly notes: string[];
}

/** Out-of-range numbers are replaced by the nearest sensible value and listed, never thrown. */
export function cleanWorkload(w: Workload): CleanWorkload {
  const notes: string[] = [];
  const count = (name: string, value: number, min: number): number => {
    if (!Number.isFinite(value)) {
      notes.push(`${name} was ${value}; used ${min}`);
      return min;
    }
    const r = Math.round(value);
    if (r < min) {
      notes.push(`${name} was ${value}; used ${min}`);
      return min;
    }
    return r;
  };
  let steps = count('steps', w.steps, 1);
  if (steps > MAX_SIMULATED_STEPS) {
    notes.push(`steps was ${steps}; simulated ${MAX_SIMULATED_STEPS}`);
    steps = MAX_SIMULATED_STEPS;
  }
  const inputTokens = count('inputTokens', w.inputTokens, 0);
  const cached = count('cachedInputTokens', w.cachedInputTokens, 0);
  return {
    workload: {
      ...w,
      inputTokens,
      cachedInputTokens: Math.min(cached, inputTokens),
      outputTokens: count('outputTokens', w.outputTokens, 0),
      reasoningTokens: count('reasoningTokens', w.reasoningTokens, 0),
      toolResultTokens: count('toolResultTokens', w.toolResultTokens, 0),
      steps,
      callsPerDay: Number.isFinite(w.callsPerDay) && w.callsPerDay >= 0 ? w.callsPerDay : 0,
    },
    notes,
  };
}

export function simulateAgentLoop(catalog: Catalog, offering: Offering, workload: Workload): AgentEstimate {
  const { workload: w, notes } = cleanWorkload(workload);
  const provider = findProviderOf(catalog, offering);
  const model = catalogModel(catalog, offering.model);
  // The provider's own limit, when it sets a lower one than the model's (e.g. a smaller serving window).
  const window = effectiveWindow(model?.contextWindow, offering.contextWindow);
  if (!model) notes.push(`model '${offering.model}' is not in the catalog: context window unknown, overflow not checked`);
  const perStepOutput = w.outputTokens + w.reasoningTokens;
  if (model?.maxOutput !== undefined && perStepOutput > model.maxOutput) {
    notes.push(`output + reasoning per step (${perStepOutput}) exceeds ${model.id}'s max output (${model.maxOutput})`);
  }

  const policy = cachePolicy(provider, offering, w);
  const writes = w.steps > 1;
  const steps: AgentStepEstimate[] = [];
  let ctx = w.inputTokens;
  let cached = policy.applied.mode === 'off' || policy.applied.mode === 'none' ? 0 : w.cachedInputTokens;
  let overflowStep: number | undefined;
  let latencyBasis: 'catalog' | 'assumed' = 'catalog';

  for (let i = 1; i <= w.steps; i++) {
    const input = ctx;
    const contextAfter = input + w.outputTokens + w.toolResultTokens;
    if (overflowStep === undefined && window !== undefined && input + perStepOutput > window) overflowStep = i;
    // Object literals with one fixed shape (no spreads): this loop runs thousands of times per compare.
    if (overflowStep !== undefined) {
      steps.push({
        step: i,
        inputTokens: input,
        freshInput: input,
        cachedRead: 0,
        cacheWrite: 0,
        outputTokens: w.outputTokens,
        reasoningTokens: w.reasoningTokens,
        contextAfter,
        status: overflowStep === i ? 'overflow' : 'not-run',
      });
    } else {
      const { split, cachedAfter } = policy.split(input, cached, writes);
      cached = cachedAfter;
      const price = priceCall(
        offering,
        { freshInput: split.freshInput, cachedRead: split.cachedRead, cacheWrite: split.cacheWrite, cacheWriteTtl: w.cacheWriteTtl, output: w.outputTokens, reasoning: w.reasoningTokens, batch: w.batch },
        provider,
      );
      // Cache reads skip prefill: only the tokens the provider must process delay the first token.
      const latency = estimateLatency(offering, split.freshInput + split.cacheWrite, perStepOutput);
      if (latency.basis === 'assumed') latencyBasis = 'assumed';
      steps.push({
        step: i,
        inputTokens: input,
        freshInput: split.freshInput,
        cachedRead: split.cachedRead,
        cacheWrite: split.cacheWrite,
        outputTokens: w.outputTokens,
        reasoningTokens: w.reasoningTokens,
        contextAfter,
        status: 'ok',
        price,
        latency,
      });
    }
    ctx = contextAfter;
  }

  const ran = steps.filter((s) => s.status === 'ok');
  const sum = (f: (s: AgentStepEstimate) => number) => ran.reduce((acc, s) => acc + f(s), 0);
  const cost: Price =
    ran.length > 0
      ? sumPrices(ran.map((s) => s.price!))
      : { kind: 'unpriced', missing: [`a context window of at least ${w.inputTokens + perStepOutput} tokens (${offering.model} has ${window})`] };
  const latencyMs = Math.round(sum((s) => s.latency!.totalMs) * 10) / 10;

  const single = singleCallOf(offering, w, provider, window);
  if (overflowStep !== undefined) notes.push(`context window (${window} tokens) overflows at step ${overflowStep}: totals cover steps 1–${overflowStep - 1} only`);

  return {
    offering: offering.id,
    provider: offering.provider,
    model: offering.model,
    workload: w,
    stepsAssumed: w.stepsAssumed === true,
    steps,
    stepsRun: ran.length,
    completed: overflowStep === undefined,
    ...(overflowStep !== undefined ? { overflowStep } : {}),
    ...(window !== undefined ? { contextWindow: window } : {}),
    maxContextTokens: steps.length > 0 ? steps[steps.length - 1].inputTokens + perStepOutput : 0,
    caching: policy.applied,
    totals: {
      inputTokens: sum((s) => s.inputTokens),
      freshInput: sum((s) => s.freshInput),
      cachedRead: sum((s) => s.cachedRead),
      cacheWrite: sum((s) => s.cacheWrite),
      outputTokens: sum((s) => s.outputTokens),
      reasoningTokens: sum((s) => s.reasoningTokens),
      cost,
      latencyMs,
    },
    singleCall: single,
    ...agentTaxOf(cost, single.price, overflowStep === undefined),
    latencyBasis,
    notes,
  };
}

function effectiveWindow(model: number | undefined, offering: number | undefined): number | undefined {
  if (model === undefined) return offering;
  if (offering === undefined) return model;
  return Math.min(model, offering);
}

/** The first request on its own: the cached prefix is read, nothing is written (no later call would read it). */
function singleCallOf(
  offering: Offering,
  w: Workload,
  provider: ReturnType<typeof findProviderOf>,
  window: number | undefined,
): { price: Price; latency?: LatencyEstimate } {
  const out = w.outputTokens + w.reasoningTokens;
  if (window !== undefined && w.inputTokens + out > window) {
    return { price: { kind: 'unpriced', missing: [`a context window of at least ${w.inputTokens + out} tokens (${offering.model} has ${window})`] } };
  }
  const policy = cachePolicy(provider, offering, w);
  const cached = policy.applied.mode === 'off' || policy.applied.mode === 'none' ? 0 : w.cachedInputTokens;
  const { split } = policy.split(w.inputTokens, cached, false);
  return {
    price: priceCall(offering, { ...split, output: w.outputTokens, reasoning: w.reasoningTokens, batch: w.batch }, provider),
    latency: estimateLatency(offering, split.freshInput, out),
  };
}

function agentTaxOf(task: Price, single: Price, completed: boolean): { agentTax?: number } {
  if (!completed || task.kind !== 'priced' || single.kind !== 'priced' || single.usd <= 0) return {};
  // Three significant decimals are plenty for a multiplier and keep JSON stable.
  return { agentTax: Math.round((task.usd / single.usd) * 1000) / 1000 };
}
