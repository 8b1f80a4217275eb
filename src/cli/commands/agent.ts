/**
 * `tokenomics agent`: an agent loop step by step — context growth, cache reads and
 * writes, cost and latency per step, totals, the agent tax, and the step where
 * the context window overflows.
 */
import { simulateAgentLoop } from '../../core/agent/simulate';
import type { AgentEstimate, AgentStepEstimate } from '../../core/agent/types';
import { monthlyOf } from '../../core/estimate';
import { formatDuration, formatInteger, formatMultiplier, formatPrice, formatTokens } from '../../core/format';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { cliSettings } from '../catalog-source';
import { UsageError, type CliCommand } from '../command';
import { jsonEnvelope, renderOutput, type Cell, type Table } from '../output';
import { chooseModel } from './model-choice';
import { FORMAT_FLAG, unpricedLines, catalogLine } from './shared';
import { WORKLOAD_FLAGS, workloadFromFlags } from './workload-flags';

const FLAGS = {
  model: { type: 'string', valueName: 'ID', description: 'model id or alias' },
  provider: { type: 'string', valueName: 'P', description: "price at this provider (default: the model vendor's own offering)" },
  ...WORKLOAD_FLAGS,
  format: FORMAT_FLAG,
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics agent --model ID --system N --tools N --task N --output N --tool-result N --steps N [--no-cache] [--reasoning N]

Simulates an agent loop: every step sends the whole context so far (system + tools + task + earlier
outputs and tool results), so input grows each step and total input grows with the square of the
steps. Caching follows the provider's rules (automatic, or explicit writes and reads). Prints every
step, the totals, and the agent tax: the task's cost divided by one call with the first context.
Without --steps the loop is treated as unbounded and an assumed step count is used (and flagged).

Options:
${formatFlagHelp(FLAGS)}

Example:
  tokenomics agent --model claude-sonnet-4-5 --system 3000 --tools 2000 --task 500 --output 400 --tool-result 1500 --steps 20
`;

const num = (n: number): Cell => ({ text: formatInteger(n), raw: n });

function stepRow(s: AgentStepEstimate): Cell[] {
  const note = s.status === 'overflow' ? '⚠ context overflow' : s.status === 'not-run' ? 'not run' : '';
  return [
    String(s.step),
    num(s.inputTokens),
    num(s.cachedRead),
    num(s.cacheWrite),
    num(s.freshInput),
    num(s.outputTokens + s.reasoningTokens),
    s.price ? { text: formatPrice(s.price), raw: s.price.kind === 'priced' ? s.price.usd : null } : { text: '—', raw: null },
    s.latency ? { text: formatDuration(s.latency.totalMs), raw: s.latency.totalMs } : { text: '—', raw: null },
    note,
  ];
}

export function agentNotes(a: AgentEstimate): string[] {
  const t = a.totals;
  const lines = [
    `steps: ${a.stepsRun} of ${a.steps.length}${a.stepsAssumed ? ' (assumed: unbounded loop)' : ''}`,
    `tokens: input ${formatTokens(t.inputTokens)} (cached read ${formatTokens(t.cachedRead)}, cache write ${formatTokens(t.cacheWrite)}, fresh ${formatTokens(t.freshInput)}), output ${formatTokens(t.outputTokens)}${t.reasoningTokens ? ` + reasoning ${formatTokens(t.reasoningTokens)}` : ''}`,
    `cost per task: ${formatPrice(t.cost)}${a.completed ? '' : ' (steps before the overflow only)'}`,
    `model time per task: ${formatDuration(t.latencyMs)} (sum of step latencies, tool time excluded; ${a.latencyBasis} speed figures)`,
    `single call (first context → one answer): ${formatPrice(a.singleCall.price)}`,
    `agent tax: ${formatMultiplier(a.agentTax)}${a.agentTax === undefined ? (a.completed ? ' (unpriced)' : ' (task does not complete)') : ' the single call'}`,
    `caching: ${a.caching.note}`,
  ];
  if (a.overflowStep !== undefined) lines.push(`⚠ step ${a.overflowStep} overflows the ${formatInteger(a.contextWindow ?? 0)}-token context window: the task cannot complete as configured`);
  for (const n of a.notes) if (!/overflows at step/.test(n)) lines.push(`note: ${n}`);
  return lines;
}

export const agentCommand: CliCommand = {
  name: 'agent',
  summary: 'agent loop cost step by step: context growth, caching, overflow, agent tax',
  usage: USAGE,
  async run(argv, io) {
    const { flags } = parseFlags(argv, FLAGS);
    if (flags.model === undefined) throw new UsageError('--model is required (e.g. --model claude-sonnet-4-5)');
    const { catalog, assumptions } = cliSettings(io, 'agent', flags.config);
    const { workload, assumed } = workloadFromFlags(flags, 'assume-unbounded', assumptions);
    const choice = chooseModel(catalog, flags.model, flags.provider);
    const a = simulateAgentLoop(catalog, choice.offering, workload);
    const monthly = monthlyOf(a.totals.cost, a.workload.callsPerDay);
    const o = choice.offering;
    const notes = [
      ...agentNotes(a),
      `monthly at ${formatInteger(a.workload.callsPerDay)} tasks/day: ${formatPrice(monthly)}`,
      `prices: ${o.id} from ${o.source}, as of ${o.asOf}`,
      catalogLine(catalog),
      ...(assumed.length > 0 ? [`assumed: ${assumed.join(', ')}`] : []),
      ...unpricedLines(a.totals.cost, choice.noOffering),
    ];
    const table: Table = {
      title: `${choice.model.id} on ${o.provider} — agent task, ${a.steps.length} steps${a.stepsAssumed ? ' (assumed)' : ''}${workload.caching ? '' : ', no caching'}`,
      columns: [
        { header: 'step', align: 'right' },
        { header: 'input', align: 'right' },
        { header: 'cached', align: 'right' },
        { header: 'written', align: 'right' },
        { header: 'fresh', align: 'right' },
        { header: 'output', align: 'right' },
        { header: 'cost', align: 'right' },
        { header: 'latency', align: 'right' },
        { header: 'note' },
      ],
      rows: a.steps.map(stepRow),
      notes,
    };
    const json = jsonEnvelope(catalog, 'agent', { model: choice.model.id, offering: o.id, estimate: a, monthly, assumed });
    io.stdout(renderOutput(flags.format ?? 'table', { tables: [table], json }));
    return 0;
  },
};
