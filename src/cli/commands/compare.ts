/**
 * `tokenomics compare`: every catalog offering that can serve a workload (a single
 * call, or an agent task with --steps), ranked, with the cost-vs-latency Pareto
 * front marked. Self-hosted rows join through core `withExtraRows` (hardware layer).
 */
import { findModel } from '../../core/catalog';
import type { Catalog, TokenizerId } from '../../core/catalog/types';
import { compareOfferings, withExtraRows } from '../../core/compare/compare';
import { selfHostedCompareRows } from '../../core/hardware';
import type { CompareResult, CompareRow } from '../../core/compare/types';
import { formatDuration, formatMultiplier, formatPrice, formatTokens, formatTokensPerSecond } from '../../core/format';
import { tokenizerForModel } from '../../core/tokenize';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { cliSettings } from '../catalog-source';
import type { CliCommand } from '../command';
import { jsonEnvelope, renderOutput, type Cell, type Table } from '../output';
import { chooseModel } from './model-choice';
import { FORMAT_FLAG, catalogLine } from './shared';
import { capabilityNotes, siteNeedsOf } from './compare-capability';
import { WORKLOAD_FLAGS, workloadFromFlags } from './workload-flags';

const TOKENIZERS: readonly TokenizerId[] = ['o200k_base', 'cl100k_base', 'claude', 'gemini', 'gemma', 'llama3', 'llama4', 'qwen', 'deepseek', 'mistral', 'grok', 'other'];
const DEFAULT_LIMIT = 20;

const FLAGS = {
  ...WORKLOAD_FLAGS,
  model: { type: 'string', valueName: 'ID', description: 'the model the token counts were measured for (its rows are marked ←)' },
  tokenizer: { type: 'string', valueName: 'ID', choices: TOKENIZERS, description: 'tokenizer the counts are in, when not given by --model', defaultText: 'o200k_base' },
  provider: { type: 'string', multiple: true, valueName: 'P', description: 'only these providers (repeat or comma-separate)' },
  'open-weight': { type: 'boolean', description: 'only open-weight models' },
  'self-hosted': { type: 'boolean', description: 'add self-hosted rows for each open-weight model (cheapest, fastest, cheapest on one accelerator; see `tokenomics hardware`)' },
  needs: { type: 'string', multiple: true, valueName: 'CAP', description: 'tools, structured-output, vision or reasoning: only models that can do this (repeat or comma-separate); unknown support is not assumed' },
  'show-all': { type: 'boolean', description: 'also list offerings that cannot (or may not) do the job, each marked' },
  sort: { type: 'string', valueName: 'KEY', choices: ['cost', 'latency', 'ttft', 'speed'], description: 'rank by', defaultText: 'cost' },
  limit: { type: 'integer', valueName: 'N', description: `rows to show, 0 for all (default ${DEFAULT_LIMIT} for table/markdown, all for json/csv)` },
  format: FORMAT_FLAG,
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics compare --input N [--output N] [--steps N --tool-result N] [--provider P] [--open-weight] [--limit N]

Prices one workload on every catalog offering whose context window holds it (for a loop: its last
step), ranked by cost (or --sort), with TTFT, output speed and total latency. ★ marks the Pareto
front: no other offering is both cheaper and faster. Unpriced offerings come last, never on the front.
Token counts are converted to each model family's tokenizer (≈ marks converted counts).

Options:
${formatFlagHelp(FLAGS)}

Examples:
  tokenomics compare --input 12k --output 800
  tokenomics compare --system 3000 --tools 2000 --task 500 --output 400 --tool-result 1500 --steps 20 --limit 10
`;

function row(r: CompareRow, rank: number, unit: 'call' | 'task', mark?: string): Cell[] {
  const approx = r.tokensExact ? '' : '≈';
  const cells: Cell[] = [
    String(rank),
    `${r.id}${r.id.split('/')[1] === mark ? ' ←' : ''}${r.capability?.verdict === 'cannot' ? ' ✗' : r.capability?.verdict === 'unknown' ? ' ?' : ''}`,
    { text: formatPrice(r.perUnit), raw: r.perUnit.kind === 'priced' ? r.perUnit.usd : null },
    { text: formatPrice(r.monthly), raw: r.monthly.kind === 'priced' ? r.monthly.usd : null },
    { text: formatDuration(r.ttftMs) + (r.latencyBasis === 'assumed' ? '*' : ''), raw: r.ttftMs },
    { text: formatTokensPerSecond(r.outputTokensPerSecond) + (r.latencyBasis === 'assumed' ? '*' : ''), raw: r.outputTokensPerSecond },
    { text: formatDuration(r.latencyMs) + (r.latencyBasis === 'assumed' ? '*' : ''), raw: r.latencyMs },
    { text: `${approx}${formatTokens(r.tokens.input)} / ${approx}${formatTokens(r.tokens.output + r.tokens.reasoning)}`, raw: r.tokens.input },
  ];
  if (unit === 'task') cells.push({ text: formatMultiplier(r.agentTax), raw: r.agentTax ?? null });
  cells.push({ text: r.pareto ? '★' : '', raw: r.pareto });
  return cells;
}

function buildTable(result: CompareResult, shown: readonly CompareRow[], mark: string | undefined, notes: string[]): Table {
  const unit = result.unit;
  return {
    title: `${shown.length} of ${result.rows.length} offerings for ${unit === 'task' ? `an agent task of ${result.workload.steps} steps` : 'one call'} — ranked by ${result.sort}`,
    columns: [
      { header: '#', align: 'right' },
      { header: 'offering' },
      { header: unit === 'task' ? '$/task' : '$/call', align: 'right' },
      { header: '$/month', align: 'right' },
      { header: 'TTFT', align: 'right' },
      { header: 'speed', align: 'right' },
      { header: 'latency', align: 'right' },
      { header: 'tokens in/out', align: 'right' },
      ...(unit === 'task' ? [{ header: 'agent tax', align: 'right' as const }] : []),
      { header: 'front' },
    ],
    rows: shown.map((r, i) => row(r, i + 1, unit, mark)),
    notes,
  };
}

/** Reasoning models bill hidden reasoning tokens; with none assumed they look cheaper than they are. */
function reasoningNote(catalog: Catalog, rows: readonly CompareRow[], reasoningTokens: number): string[] {
  if (reasoningTokens > 0) return [];
  const models = [...new Set(rows.filter((r) => findModel(catalog, r.model)?.reasoning).map((r) => r.model))];
  if (models.length === 0) return [];
  const list = models.slice(0, 4).join(', ') + (models.length > 4 ? ', …' : '');
  return [`reasoning models (${list}) also bill hidden reasoning tokens; none are assumed here: pass --reasoning N`];
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'one workload on every provider and model that fits: cost, latency, Pareto front',
  usage: USAGE,
  async run(argv, io) {
    const { flags } = parseFlags(argv, FLAGS);
    const { catalog, assumptions } = cliSettings(io, 'compare', flags.config);
    const { workload, assumed } = workloadFromFlags(flags, 'single-call', assumptions);
    const model = flags.model !== undefined ? chooseModel(catalog, flags.model).model : undefined;
    const workloadTokenizer: TokenizerId = model?.tokenizer ?? flags.tokenizer ?? (flags.model ? tokenizerForModel(flags.model) : 'o200k_base');
    const apiResult = compareOfferings(catalog, workload, {
      sort: flags.sort ?? 'cost',
      workloadTokenizer,
      ...(model ? { workloadModel: model.id } : {}),
      filter: {
        ...(flags.provider && flags.provider.length > 0 ? { providers: flags.provider } : {}),
        ...(flags['open-weight'] ? { openWeight: true } : {}),
      },
      ...(flags.needs && flags.needs.length > 0 ? { needs: siteNeedsOf(flags.needs) } : {}),
      ...(flags['show-all'] ? { showAll: true } : {}),
    });
    const selfHosted = flags['self-hosted'] ? selfHostedCompareRows(catalog, apiResult) : undefined;
    const result = selfHosted ? withExtraRows(apiResult, selfHosted.rows, selfHosted.note) : apiResult;
    const format = flags.format ?? 'table';
    const limit = flags.limit ?? (format === 'table' || format === 'markdown' ? DEFAULT_LIMIT : 0);
    const shown = limit > 0 ? result.rows.slice(0, limit) : result.rows;

    const front = result.rows.filter((r) => r.pareto).map((r) => r.id);
    const contextExcluded = result.excluded.filter((e) => e.reason === 'context-window');
    const notes = [
      `workload: ${formatTokens(workload.inputTokens)} input${workload.cachedInputTokens ? ` (${formatTokens(workload.cachedInputTokens)} cached)` : ''}, ${formatTokens(workload.outputTokens)} output${workload.reasoningTokens ? ` + ${formatTokens(workload.reasoningTokens)} reasoning` : ''}${workload.steps > 1 ? `, ${workload.steps} steps, +${formatTokens(workload.toolResultTokens)} per tool result` : ''}; caching ${workload.caching ? 'on (provider rules)' : 'off'}; counts in ${workloadTokenizer}`,
      `Pareto front (★, no offering both cheaper and faster): ${front.length > 0 ? front.join(', ') : 'none'}`,
      ...reasoningNote(catalog, shown, workload.reasoningTokens),
      ...(shown.length < result.rows.length ? [`showing ${shown.length} of ${result.rows.length}; --limit 0 shows all`] : []),
      ...capabilityNotes(result),
      ...(contextExcluded.length > 0 ? [`left out (context window too small): ${contextExcluded.length} — ${contextExcluded.slice(0, 5).map((e) => e.id).join(', ')}${contextExcluded.length > 5 ? ', …' : ''}`] : []),
      ...(shown.some((r) => r.latencyBasis === 'assumed') ? ['* assumed speed (no catalog figures): 700 ms TTFT, 70 tok/s'] : []),
      ...(shown.some((r) => !r.tokensExact) ? ['≈ counts converted to the model family\'s tokenizer by a calibrated ratio'] : []),
      catalogLine(catalog),
      ...(assumed.length > 0 ? [`assumed: ${assumed.join(', ')}`] : []),
    ];
    const json = jsonEnvelope(catalog, 'compare', { ...result, rows: shown, totalRows: result.rows.length, assumed });
    io.stdout(renderOutput(format, { tables: [buildTable(result, shown, model?.id, notes)], json }));
    return 0;
  },
};
