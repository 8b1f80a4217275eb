import type { CallReport, PromptReport } from '../../core/report/types';
import { DEFAULT_ASSUMPTIONS, type Workload } from '../../core/workload';

/** The workload a prompt stands for: its call's, else one call with the prompt as the whole input. */
export function workloadOfPrompt(prompt: PromptReport, call: CallReport | undefined, outputTokens: number): Workload {
  if (call) return call.workload;
  return {
    inputTokens: prompt.tokens,
    cachedInputTokens: 0,
    outputTokens,
    reasoningTokens: 0,
    steps: 1,
    toolResultTokens: 0,
    caching: DEFAULT_ASSUMPTIONS.caching,
    batch: false,
    callsPerDay: DEFAULT_ASSUMPTIONS.callsPerDay,
  };
}

