/**
 * Hover contents as Markdown strings, built from the cached FileReport and
 * catalog facts the glue looked up. Pure (no `vscode`): unit-tested directly.
 * Every piece of text that comes from the user's code or workspace files is
 * escaped; the only link is a `command:` link to our own compare command.
 */
import type { TokenPrices } from '../../core/catalog/types';
import type { Price } from '../../core/cost/types';
import type { PromptReport } from '../../core/report/types';
import { commandLink, escapeMarkdown } from '../present/markdown';
import { formatDuration, integerText, perMillionText, priceText, shareText } from '../present/format';

import { COMPARE_PROVIDERS_COMMAND } from '../commands/ids';

export const COMPARE_COMMAND = COMPARE_PROVIDERS_COMMAND;

/** What the hover needs to know about an offering, flattened from the catalog. */
export interface OfferingFacts {
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  readonly modelName?: string;
  readonly contextWindow?: number;
  readonly maxOutput?: number;
  readonly prices: TokenPrices;
  readonly ttftMs?: number;
  readonly outputTokensPerSecond?: number;
  readonly asOf: string;
  readonly source: string;
}

export interface AlternativeRow {
  /** Why it is listed: `cheapest that fits`, `fastest`, … */
  readonly label: string;
  readonly offeringId: string;
  readonly price: Price;
  readonly latencyMs?: number;
}

export interface PromptHoverInput {
  readonly prompt: PromptReport;
  readonly offering?: OfferingFacts;
  readonly outputTokens: number;
  /** Where the output length came from: `code`, `annotation`, `setting`. */
  readonly outputFrom: string;
  readonly alternatives: readonly AlternativeRow[];
  /** Identifies the site for the compare command: small ids, never prompt text. */
  readonly link: { readonly uri: string; readonly siteId: string };
}

const KIND_LABEL: Record<PromptReport['kind'], string> = {
  system: 'system prompt',
  instructions: 'instructions',
  'user-template': 'user message template',
  'tool-description': 'tool description',
  'few-shot': 'few-shot examples',
  other: 'prompt',
};

export function tokensLine(prompt: PromptReport): string {
  const count = `${prompt.exact ? '' : '≈ '}${integerText(prompt.tokens)} tokens`;
  const how = prompt.exact ? `exact, ${prompt.tokenizer}` : escapeMarkdown(prompt.tokenBasis || prompt.tokenizer);
  return `**${count}** · ${how}`;
}

function costLine(input: PromptHoverInput): string {
  const { prompt, offering } = input;
  const where = offering ? `${escapeMarkdown(offering.model)} via ${escapeMarkdown(offering.provider)}` : escapeMarkdown(prompt.model);
  const missing = prompt.costPerCall.kind === 'unpriced' ? ` — missing: ${escapeMarkdown(prompt.costPerCall.missing.join(', '))}` : '';
  return `**${priceText(prompt.costPerCall)} per call** on ${where}${missing}`;
}

function contextLine(input: PromptHoverInput): string | undefined {
  const window = input.offering?.contextWindow;
  if (input.prompt.contextShare === undefined || !window) return undefined;
  return `Context window: ${shareText(input.prompt.contextShare)} of ${integerText(window)} tokens`;
}

function pricesLine(offering: OfferingFacts | undefined): string | undefined {
  if (!offering) return undefined;
  const p = offering.prices;
  return `Cached input ${perMillionText(p.cachedRead)} · input ${perMillionText(p.input)} · output ${perMillionText(p.output)}`;
}

function alternativesBlock(rows: readonly AlternativeRow[]): string | undefined {
  if (rows.length === 0) return undefined;
  const lines = rows.map((r) => {
    const latency = r.latencyMs === undefined ? '' : ` · ${formatDuration(r.latencyMs)}`;
    return `- ${escapeMarkdown(r.label)}: ${escapeMarkdown(r.offeringId)} — ${priceText(r.price)}/call${latency}`;
  });
  return ['Alternatives:', ...lines].join('\n');
}

export function assumptionsLine(prompt: PromptReport, outputTokens: number, outputFrom: string): string {
  const parts = [`output ${integerText(outputTokens)} tokens (${escapeMarkdown(outputFrom)})`];
  for (const p of prompt.placeholders) {
    parts.push(`${escapeMarkdown(`{${p.name}}`)} ≈ ${integerText(p.assumedTokens)} tokens (${p.from})`);
  }
  return `Assumptions: ${parts.join('; ')}`;
}

/** The hover over a prompt: tokens, cost per call, context share, prices, alternatives, assumptions, compare link. */
export function promptHoverMarkdown(input: PromptHoverInput): string {
  const { prompt, offering } = input;
  const sections = [
    `**Tokenomics** · ${KIND_LABEL[prompt.kind]}`,
    tokensLine(prompt),
    costLine(input),
    contextLine(input),
    pricesLine(offering),
    alternativesBlock(input.alternatives),
    assumptionsLine(prompt, input.outputTokens, input.outputFrom),
    offering ? `Prices: ${escapeMarkdown(offering.source)}, as of ${escapeMarkdown(offering.asOf)}` : undefined,
    commandLink('Compare providers for this prompt…', COMPARE_COMMAND, [input.link]),
  ];
  return sections.filter((s): s is string => s !== undefined).join('\n\n');
}

function speedText(o: OfferingFacts): string {
  if (o.ttftMs === undefined || o.outputTokensPerSecond === undefined) return 'n/a';
  return `${formatDuration(o.ttftMs)} TTFT · ${Math.round(o.outputTokensPerSecond)} tok/s`;
}

/** The hover over a model name: each offering's prices, context window, speed and catalog date. */
export function modelHoverMarkdown(written: string, offerings: readonly OfferingFacts[]): string {
  const first = offerings[0];
  if (!first) return `**Tokenomics** · ${escapeMarkdown(written)}: not in the catalog (unpriced)`;
  const head = [
    `**Tokenomics** · ${escapeMarkdown(first.modelName ?? first.model)}`,
    first.contextWindow ? `context ${integerText(first.contextWindow)}` : undefined,
    first.maxOutput ? `max output ${integerText(first.maxOutput)}` : undefined,
  ].filter(Boolean).join(' · ');
  const rows = offerings.map((o) => {
    const p = o.prices;
    return `| ${escapeMarkdown(o.provider)} | ${perMillionText(p.input)} | ${perMillionText(p.cachedRead)} | ${perMillionText(p.output)} | ${speedText(o)} | ${escapeMarkdown(o.asOf)} |`;
  });
  const table = ['| provider | input | cached input | output | speed | as of |', '|---|---|---|---|---|---|', ...rows].join('\n');
  return [head, table, `Source: ${escapeMarkdown(first.source)}`].join('\n\n');
}
