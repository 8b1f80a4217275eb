/**
 * A workload priced on one offering: per unit (call or task), per month, latency.
 * Single calls and loops go through the same simulation, so a one-step loop and a
 * single call can never disagree.
 */
import type { Catalog, Offering } from '../catalog/types';
import { scalePrice } from '../cost/money';
import { DAYS_PER_MONTH, type Workload } from '../workload';
import { simulateAgentLoop } from './simulate';
import type { WorkloadEstimate } from './types';

export function estimateWorkload(catalog: Catalog, offering: Offering, workload: Workload): WorkloadEstimate {
  const agent = simulateAgentLoop(catalog, offering, workload);
  const w = agent.workload;
  const unitsPerMonth = w.callsPerDay * DAYS_PER_MONTH;
  const first = agent.steps[0];
  const firstLatency = first?.latency ?? agent.singleCall.latency;
  return {
    kind: w.steps > 1 ? 'task' : 'call',
    offering: agent.offering,
    provider: agent.provider,
    model: agent.model,
    perUnit: agent.totals.cost,
    monthly: scalePrice(agent.totals.cost, unitsPerMonth),
    unitsPerMonth,
    ttftMs: firstLatency?.ttftMs ?? 0,
    outputTokensPerSecond: firstLatency?.outputTokensPerSecond ?? 0,
    latencyMs: agent.totals.latencyMs,
    latencyBasis: agent.latencyBasis,
    latencySource: firstLatency?.source ?? '',
    tokens: { input: agent.totals.inputTokens, output: agent.totals.outputTokens, reasoning: agent.totals.reasoningTokens },
    maxContextTokens: agent.maxContextTokens,
    ...(agent.contextWindow !== undefined ? { contextWindow: agent.contextWindow } : {}),
    ...(agent.overflowStep !== undefined ? { overflowStep: agent.overflowStep } : {}),
    ...(agent.agentTax !== undefined ? { agentTax: agent.agentTax } : {}),
    agent,
  };
}
