/** Hand-built FileReports for the editor's pure functions (no detection involved). */
import type { Price } from '../../../src/core/cost/types';
import type { AgentLoopReport, CallReport, FileReport, PromptReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS, type Workload } from '../../../src/core/workload';

export function priced(usd: number): Price {
  return { kind: 'priced', usd, breakdown: { freshInput: usd, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 } };
}

export const UNPRICED: Price = { kind: 'unpriced', missing: ['offering acme/gpt-9'] };

export const WORKLOAD: Workload = {
  inputTokens: 1800, cachedInputTokens: 0, outputTokens: 500, reasoningTokens: 0, steps: 1,
  toolResultTokens: 1000, caching: true, batch: false, callsPerDay: 1000,
};

export function prompt(overrides: Partial<PromptReport> = {}): PromptReport {
  return {
    id: 'p1', kind: 'system', line: 3, column: 11, endLine: 3, endColumn: 40,
    tokens: 1234, exact: true, tokenizer: 'o200k_base', tokenBasis: 'exact, js-tiktoken o200k_base',
    placeholders: [{ name: 'diff', assumedTokens: 3000, from: 'annotation' }],
    confidence: 0.9, model: 'gpt-4.1', costPerCall: priced(0.0042), contextShare: 0.0012, preview: 'You are a reviewer.',
    ...overrides,
  };
}

export function call(overrides: Partial<CallReport> = {}): CallReport {
  return {
    id: 'c1', line: 2, column: 1, endLine: 5, endColumn: 3, framework: 'openai', model: 'gpt-4.1', modelResolved: 'gpt-4.1',
    offering: 'openai/gpt-4.1', inputTokens: 1800, outputTokens: 500, costPerCall: priced(0.0042), latencyMs: 2100,
    workload: WORKLOAD, promptIds: ['p1'], tools: [], assumed: ['outputTokens'],
    ...overrides,
  };
}

export function loop(overrides: Partial<AgentLoopReport> = {}): AgentLoopReport {
  return {
    id: 'l1', line: 10, column: 1, endLine: 14, endColumn: 2, framework: 'vercel-ai', maxSteps: 15, bounded: true,
    stepsFrom: 'code', model: 'gpt-4.1', costPerTask: priced(0.38), agentTax: 31.2, tokens: { input: 120_000, output: 7500 },
    latencyMs: 48_000, workload: { ...WORKLOAD, steps: 15 }, callId: 'c2',
    ...overrides,
  };
}

export function report(overrides: Partial<FileReport> = {}): FileReport {
  return {
    path: 'src/agent.ts', language: 'typescript', prompts: [prompt()], calls: [call()], agentLoops: [], diagnostics: [],
    monthlyCost: priced(126), ...overrides,
  };
}

export const ASSUMPTIONS = DEFAULT_ASSUMPTIONS;
