/**
 * Workload flags shared by `agent` and `compare`: what the first call sends, what
 * each step adds, how many steps, caching. Defaults are assumptions and are listed
 * as such in the output.
 */
import { DEFAULT_ASSUMPTIONS, type Assumptions, type Workload } from '../../core/workload';
import type { FlagSpecs, ParsedFlags } from '../args';
import { UsageError } from '../command';
import { CONFIG_FLAG } from './shared';

export const WORKLOAD_FLAGS = {
  input: { type: 'count', valueName: 'N', description: 'input tokens of the first call (or give --system/--tools/--task)' },
  system: { type: 'count', valueName: 'N', description: 'system prompt tokens' },
  tools: { type: 'count', valueName: 'N', description: 'tool schema tokens' },
  task: { type: 'count', valueName: 'N', description: 'task message tokens' },
  cached: { type: 'count', valueName: 'N', description: 'of the first input, tokens already in the provider cache', defaultText: '0' },
  output: { type: 'count', valueName: 'N', description: 'output tokens per call', defaultText: `${DEFAULT_ASSUMPTIONS.outputTokens}, assumed` },
  reasoning: { type: 'count', valueName: 'N', description: 'reasoning tokens per call (billed as output)', defaultText: '0' },
  'tool-result': { type: 'count', valueName: 'N', description: 'tokens each tool result adds to the context', defaultText: `${DEFAULT_ASSUMPTIONS.toolResultTokens}, assumed` },
  steps: { type: 'integer', min: 1, valueName: 'N', description: 'model calls in the loop' },
  'no-cache': { type: 'boolean', description: 'do not use prompt caching' },
  'cache-ttl': { type: 'string', valueName: '5m|1h', choices: ['5m', '1h'], description: 'TTL of cache writes (explicit caching)', defaultText: '5m' },
  batch: { type: 'boolean', description: "batch / flex processing (the offering's batch discount)" },
  'calls-per-day': { type: 'number', valueName: 'N', description: 'tasks (or calls) per day, for the monthly projection', defaultText: String(DEFAULT_ASSUMPTIONS.callsPerDay) },
  config: CONFIG_FLAG,
} as const satisfies FlagSpecs;

export interface WorkloadFromFlags {
  readonly workload: Workload;
  /** Human-readable list of the defaults used. */
  readonly assumed: string[];
}

/** `unboundedSteps`: steps when `--steps` is absent and the command treats the loop as unbounded (agent); `1` for a single call (compare). */
export function workloadFromFlags(
  flags: ParsedFlags<typeof WORKLOAD_FLAGS>,
  missingSteps: 'assume-unbounded' | 'single-call',
  defaults: Assumptions = DEFAULT_ASSUMPTIONS,
): WorkloadFromFlags {
  const parts = [flags.system, flags.tools, flags.task];
  const hasParts = parts.some((p) => p !== undefined);
  if (flags.input !== undefined && hasParts) throw new UsageError('give either --input or --system/--tools/--task, not both');
  if (flags.input === undefined && !hasParts) throw new UsageError('the input size is required: --input N, or --system N --tools N --task N');
  const inputTokens = flags.input ?? parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  const cached = flags.cached ?? 0;
  if (cached > inputTokens) throw new UsageError(`--cached (${cached}) cannot exceed the input (${inputTokens})`);

  const assumed: string[] = [];
  let steps = flags.steps;
  let stepsAssumed = false;
  if (steps === undefined) {
    if (missingSteps === 'assume-unbounded') {
      steps = defaults.unboundedSteps;
      stepsAssumed = true;
      assumed.push(`${steps} steps (no --steps: treated as an unbounded loop)`);
    } else steps = 1;
  }
  if (flags.output === undefined) assumed.push(`output ${defaults.outputTokens} tokens per call`);
  if (flags['tool-result'] === undefined && steps > 1) assumed.push(`tool results ${defaults.toolResultTokens} tokens per step`);
  if (flags['calls-per-day'] === undefined) assumed.push(`${defaults.callsPerDay} ${steps > 1 ? 'tasks' : 'calls'}/day`);

  return {
    workload: {
      inputTokens,
      cachedInputTokens: cached,
      outputTokens: flags.output ?? defaults.outputTokens,
      reasoningTokens: flags.reasoning ?? 0,
      steps,
      toolResultTokens: flags['tool-result'] ?? defaults.toolResultTokens,
      caching: flags['no-cache'] !== true && defaults.caching,
      ...(flags['cache-ttl'] ? { cacheWriteTtl: flags['cache-ttl'] } : {}),
      batch: flags.batch === true,
      ...(stepsAssumed ? { stepsAssumed: true } : {}),
      callsPerDay: flags['calls-per-day'] ?? defaults.callsPerDay,
    },
    assumed,
  };
}
