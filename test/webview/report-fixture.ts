/**
 * A small hand-written ScanReport for the report page tests: two source files and
 * an instruction file, one unpriced call. Prices are plain numbers so the page's
 * figures can be checked literally.
 */
import type { Price } from '../../src/core/cost/types';
import type { AgentLoopReport, CallReport, FileReport, ScanReport } from '../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS, type Workload } from '../../src/core/workload';

const priced = (usd: number): Price => ({ kind: 'priced', usd, breakdown: { freshInput: usd, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 } });
const unpriced: Price = { kind: 'unpriced', missing: ['model mystery-9'] };

const workload = (w: Partial<Workload>): Workload => ({
  inputTokens: 1000, cachedInputTokens: 0, outputTokens: 500, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: true, batch: false, callsPerDay: 100, ...w,
});

const span = (line: number) => ({ line, column: 3, endLine: line + 2, endColumn: 4 });

function call(id: string, line: number, model: string | undefined, cost: Price, extra: Partial<CallReport> = {}): CallReport {
  return {
    ...span(line), id, framework: 'openai', model, modelResolved: model, inputTokens: 1000, outputTokens: 500, costPerCall: cost,
    workload: workload({}), promptIds: [], tools: [], assumed: ['output tokens'], ...extra,
  };
}

// A loop of 10 steps at $0.05 a task, 100 tasks a day: $150 a month.
const loop: AgentLoopReport = {
  ...span(20), id: 'loop-1', framework: 'vercel-ai', maxSteps: 10, bounded: true, stepsFrom: 'code', model: 'gpt-4.1',
  costPerTask: priced(0.05), agentTax: 12.5, tokens: { input: 30000, output: 5000 }, workload: workload({ steps: 10 }), callId: 'call-2',
};

const agentFile: FileReport = {
  path: 'src/agent.ts', language: 'typescript', prompts: [],
  // call-1: $0.002 × 100 × 30 = $6.00 a month; call-2 is the loop's step (not counted again).
  calls: [call('call-1', 5, 'gpt-4.1-mini', priced(0.002)), call('call-2', 22, 'gpt-4.1', priced(0.005), { stepOf: 'loop-1' })],
  agentLoops: [loop], diagnostics: [], monthlyCost: priced(156),
};
const unknownFile: FileReport = {
  path: 'src/tools/<weird> & name.py', language: 'python', prompts: [], calls: [call('call-9', 7, undefined, unpriced)], agentLoops: [],
  diagnostics: [{ ...span(7), severity: 'warning', code: 'unknown-model', message: 'unknown model "mystery-9"', siteId: 'call-9' }], monthlyCost: unpriced,
};
const agentsMd: FileReport = {
  path: 'AGENTS.md', language: 'markdown', prompts: [], calls: [], agentLoops: [], diagnostics: [],
  instructions: { tokensPerRequest: 1200, model: 'claude-sonnet-4-5', costPerRequest: priced(0.0036), costPer100Requests: priced(0.36) },
  monthlyCost: priced(108), // $0.0036 × 1000 × 30
};

export const fixtureReport: ScanReport & { totals: { pricedMonthlyCost: Price; unpricedSites: number } } = {
  version: 1,
  tool: { name: 'tokenomics', version: '0.1.0' },
  root: '.',
  catalog: { asOf: '2026-01-01', source: 'test fixture' },
  assumptions: DEFAULT_ASSUMPTIONS,
  files: [agentFile, unknownFile, agentsMd],
  skipped: [{ path: 'big.bin', reason: 'binary' }],
  totals: {
    files: 4, prompts: 0, calls: 3, agentLoops: 1, monthlyCost: unpriced,
    // What scanPaths adds: the priced part ($150 + $108 + $6) and the count of unpriced sites.
    pricedMonthlyCost: priced(264), unpricedSites: 1,
    byModel: [
      { model: 'gpt-4.1', monthlyCost: priced(150), sites: 1 },
      { model: 'claude-sonnet-4-5', monthlyCost: priced(108), sites: 1 },
      { model: 'gpt-4.1-mini', monthlyCost: priced(6), sites: 1 },
      { model: 'gpt-4.1', monthlyCost: unpriced, sites: 1 },
    ],
    byFile: [
      { path: 'src/agent.ts', monthlyCost: priced(156) },
      { path: 'AGENTS.md', monthlyCost: priced(108) },
      { path: 'src/tools/<weird> & name.py', monthlyCost: unpriced },
    ],
  },
  budgetExceeded: [],
};
