/**
 * `tokenomics estimate`: cost and latency of one model call, with the price
 * breakdown and where every figure came from.
 */
import type { CallUsage, CostBreakdown } from '../../core/cost/types';
import { estimateUsage } from '../../core/estimate';
import { formatDuration, formatInteger, formatPerMillion, formatPrice, formatTokensPerSecond, formatUsd } from '../../core/format';
import { DEFAULT_ASSUMPTIONS } from '../../core/workload';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { cliSettings } from '../catalog-source';
import { UsageError, type CliCommand } from '../command';
import { jsonEnvelope, renderOutput, type Table } from '../output';
import { chooseModel } from './model-choice';
import { CONFIG_FLAG, FORMAT_FLAG, describePrice, unpricedLines, catalogLine } from './shared';

const FLAGS = {
  model: { type: 'string', valueName: 'ID', description: 'model id or alias (gpt-4.1, claude-sonnet-4-5, openai:gpt-4o, …)' },
  input: { type: 'count', valueName: 'N', description: 'input tokens of the call, cached ones included' },
  output: { type: 'count', valueName: 'N', description: 'output tokens', defaultText: `${DEFAULT_ASSUMPTIONS.outputTokens}, assumed` },
  cached: { type: 'count', valueName: 'N', description: 'of the input, tokens read from the prompt cache', defaultText: '0' },
  'cache-write': { type: 'count', valueName: 'N', description: 'of the input, tokens written to the cache (explicit caching, e.g. Anthropic)', defaultText: '0' },
  'cache-ttl': { type: 'string', valueName: '5m|1h', choices: ['5m', '1h'], description: 'TTL of cache writes', defaultText: '5m' },
  reasoning: { type: 'count', valueName: 'N', description: 'reasoning tokens (billed as output)', defaultText: '0' },
  batch: { type: 'boolean', description: 'batch / flex processing (the offering\'s batch discount)' },
  provider: { type: 'string', valueName: 'P', description: 'price at this provider (default: the model vendor\'s own offering)' },
  'calls-per-day': { type: 'number', valueName: 'N', description: 'for the monthly projection', defaultText: String(DEFAULT_ASSUMPTIONS.callsPerDay) },
  config: CONFIG_FLAG,
  format: FORMAT_FLAG,
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics estimate --model ID --input N [--output N] [--cached N] [--cache-write N] [--reasoning N] [--batch] [--provider P]

Cost and latency of one model call, with the price of each component and the basis of every figure.
Token counts accept 12000, 12_000, 12k or 1.5M.

Options:
${formatFlagHelp(FLAGS)}

Example:
  tokenomics estimate --model claude-sonnet-4-5 --input 12k --cached 10k --output 800
`;

const COMPONENTS: readonly { key: keyof CostBreakdown; label: string }[] = [
  { key: 'freshInput', label: 'fresh input' },
  { key: 'cachedRead', label: 'cached read' },
  { key: 'cacheWrite', label: 'cache write' },
  { key: 'output', label: 'output' },
  { key: 'reasoning', label: 'reasoning' },
];

export const estimateCommand: CliCommand = {
  name: 'estimate',
  summary: 'cost and latency of one model call, with breakdown',
  usage: USAGE,
  async run(argv, io) {
    const { flags } = parseFlags(argv, FLAGS);
    if (flags.model === undefined) throw new UsageError('--model is required (e.g. --model gpt-4.1)');
    if (flags.input === undefined) throw new UsageError('--input is required (input tokens of the call, e.g. --input 12000)');
    const cached = flags.cached ?? 0;
    const written = flags['cache-write'] ?? 0;
    if (cached + written > flags.input) {
      throw new UsageError(`--cached + --cache-write (${cached + written}) cannot exceed --input (${flags.input})`);
    }
    const { catalog, assumptions } = cliSettings(io, 'estimate', flags.config);
    const assumed: string[] = [];
    if (flags.output === undefined) assumed.push(`output ${assumptions.outputTokens} tokens`);
    if (flags['calls-per-day'] === undefined) assumed.push(`${assumptions.callsPerDay} calls/day`);
    const callsPerDay = flags['calls-per-day'] ?? assumptions.callsPerDay;

    const choice = chooseModel(catalog, flags.model, flags.provider);
    const usage: CallUsage = {
      freshInput: flags.input - cached - written,
      cachedRead: cached,
      cacheWrite: written,
      cacheWriteTtl: flags['cache-ttl'] === '1h' ? '1h' : '5m',
      output: flags.output ?? assumptions.outputTokens,
      reasoning: flags.reasoning ?? 0,
      batch: flags.batch === true,
    };
    const estimate = estimateUsage({ model: choice.model, offering: choice.offering, provider: choice.provider, noOffering: Boolean(choice.noOffering), usage, callsPerDay });
    const { price, latency, monthly, applied, requestTokens, contextFit: fit } = estimate;
    const window = estimate.contextWindow;
    const o = choice.offering;
    const listPrice = (key: keyof CostBreakdown): number | undefined => estimate.listPrice[key];

    const rows = COMPONENTS.filter(({ key }) => usage[key] > 0).map(({ key, label }) => [
      label,
      { text: formatInteger(usage[key]), raw: usage[key] },
      { text: formatPerMillion(listPrice(key)), raw: listPrice(key) ?? null },
      price.kind === 'priced' ? { text: formatUsd(price.breakdown[key]), raw: price.breakdown[key] } : { text: 'unpriced', raw: null },
    ]);
    rows.push(['total', { text: formatInteger(usage.freshInput + cached + written + usage.output + usage.reasoning), raw: null }, '', { text: formatPrice(price), raw: price.kind === 'priced' ? price.usd : null }]);

    const notes = [
      ...(fit.kind === 'exceeds'
        ? [`⚠ the request (${formatInteger(requestTokens)} tokens with output) exceeds the ${formatInteger(fit.window.tokens)}-token context window of ${choice.model.id}${o.contextWindow !== undefined ? ` at ${o.provider}` : ''}: the API would reject it, so it is not priced`]
        : []),
      ...(fit.kind === 'unknown' ? [`context window of ${choice.model.id}: unknown (no source states it), so the fit is not checked`] : []),
      ...(fit.window.conflict ? [`context window: ${fit.window.conflict}`] : []),
      `latency: TTFT ${formatDuration(latency.ttftMs)}, total ${formatDuration(latency.totalMs)} at ${formatTokensPerSecond(latency.outputTokensPerSecond)} (${latency.basis === 'catalog' ? `catalog: ${latency.source}` : latency.source})`,
      `monthly at ${formatInteger(callsPerDay)} calls/day: ${formatPrice(monthly)}`,
      ...describePrice(price),
      `prices: ${o.id} from ${o.source}, as of ${o.asOf}`,
      catalogLine(catalog),
      ...(assumed.length > 0 ? [`assumed: ${assumed.join(', ')}`] : []),
      ...unpricedLines(price, choice.noOffering),
    ];
    const table: Table = {
      title: `${choice.model.id} on ${o.provider} — one call${usage.batch ? ' (batch)' : ''}`,
      columns: [{ header: 'component' }, { header: 'tokens', align: 'right' }, { header: 'list price', align: 'right' }, { header: 'cost', align: 'right' }],
      rows,
      notes,
    };
    const json = jsonEnvelope(catalog, 'estimate', {
      model: choice.model.id,
      offering: o.id,
      provider: o.provider,
      usage,
      price,
      latency,
      callsPerDay,
      monthly,
      prices: o.prices,
      appliedPrices: applied,
      ...(window !== undefined ? { contextWindow: window } : {}),
      contextFit: fit,
      ...(fit.kind === 'exceeds' ? { exceedsContextWindow: true } : {}),
      pricesSource: { source: o.source, asOf: o.asOf },
      assumed,
      ...(choice.noOffering ? { noOffering: choice.noOffering } : {}),
    });
    io.stdout(renderOutput(flags.format ?? 'table', { tables: [table], json }));
    return 0;
  },
};
