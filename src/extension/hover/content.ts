/**
 * Hover contents as Markdown strings, built from the cached FileReport and
 * catalog facts the glue looked up. Pure (no `vscode`): unit-tested directly.
 * Every piece of text that comes from the user's code or workspace files is
 * escaped; the only links are `command:` links to our own commands (compare, set an assumption).
 */
import type { TokenPrices } from '../../core/catalog/types';
import type { Price } from '../../core/cost/types';
import type { PromptShare, SiteEstimate } from '../../core/estimate/types';
import { formatEstimateInput, formatFigure } from '../../core/format/estimate';
import { formatAssumption, formatModelSource } from '../../core/format/provenance';
import type { PromptReport } from '../../core/report/types';
import { COMPARE_PROVIDERS_COMMAND, SET_ASSUMPTION_COMMAND } from '../commands/ids';
import { commandLink, escapeMarkdown } from '../present/markdown';
import { formatDuration, formatTokens, integerText, perMillionText, priceText, shareText } from '../present/format';

export const COMPARE_COMMAND = COMPARE_PROVIDERS_COMMAND;
export { SET_ASSUMPTION_COMMAND };

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

export interface SiteHoverInput {
  /** The core's estimate of the site pointed at: the figure is the one its CodeLens shows. */
  readonly estimate: SiteEstimate;
  /** What the user pointed at, for the heading: `openai call`, `system prompt`, `vercel-ai agent loop`. */
  readonly title: string;
  readonly alternatives: readonly AlternativeRow[];
  /** Identifies the site for our commands: small ids, never prompt text. */
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

export function promptKindLabel(kind: PromptReport['kind']): string {
  return KIND_LABEL[kind];
}

/** `**1,234 tokens** · exact, o200k_base` */
export function tokensLine(prompt: Pick<PromptShare, 'exact' | 'tokens' | 'tokenizer' | 'tokenBasis'>): string {
  const count = `${prompt.exact ? '' : '≈ '}${integerText(prompt.tokens)} tokens`;
  const how = prompt.exact ? `exact, ${prompt.tokenizer}` : escapeMarkdown(prompt.tokenBasis || prompt.tokenizer);
  return `**${count}** · ${how}`;
}

/** The headline: the same figure as the site's CodeLens, then tokens and latency. */
function figureLine(e: SiteEstimate): string {
  const parts = [`**${formatFigure(e)}**`, `${formatEstimateInput(e)} in → ${formatTokens(e.tokens.output)} out`];
  if (e.steps) parts.push(`${integerText(e.steps.count)} steps`);
  if (e.latencyMs !== undefined) parts.push(formatDuration(e.latencyMs));
  const missing = e.price.kind === 'unpriced' ? ` — missing: ${escapeMarkdown(e.price.missing.join(', '))}` : '';
  return `${parts.join(' · ')}${missing}`;
}

/** For a prompt: its tokens and its share of the call's figure, labelled as a share. */
function promptShareLines(e: SiteEstimate): string[] {
  const p = e.prompt;
  if (!p) return [];
  const share = p.ofInput !== undefined ? `${shareText(p.ofInput)} of the call's input tokens, ` : '';
  const lines = [`This prompt: ${tokensLine(p)}`, `Its share of the figure above: ${share}${priceText(p.price)} as input`];
  if (p.sentBy > 1) lines.push(`Sent by ${p.sentBy} calls of this file; the figure above is the first one's (line ${e.line})`);
  return lines;
}

function modelLine(e: SiteEstimate): string {
  const via = e.applied ? ` via ${escapeMarkdown(e.applied.provider)}` : '';
  const unknown = e.model.known ? '' : ' — not in the catalog (unpriced)';
  return `Model: **${escapeMarkdown(e.model.id)}** (${escapeMarkdown(formatModelSource(e.model.source, e.path))})${via}${unknown}`;
}

function monthlyLine(e: SiteEstimate): string {
  if (e.notBilled === 'implementation') return 'Monthly: billed at the invokes of its chat-model class (the call sites), not again here';
  if (e.notBilled === 'relay') return `Monthly: counted at the app's own requests it relays (${escapeMarkdown(e.basis)}), not again here`;
  if (e.notBilled === 'binding') return 'Monthly: none of its own — a model binding sends nothing; the requests that invoke it are billed';
  if (!e.monthly) return `Monthly: counted in the figure of its task (${escapeMarkdown(e.stepOf ?? 'its loop')}), not again on its own`;
  return `Monthly: ${priceText(e.monthly)} at ${integerText(e.callsPerDay)} ${e.unit === 'task' ? 'tasks' : e.unit === 'request' ? 'requests' : 'calls'} a day`;
}

function contextLine(e: SiteEstimate): string | undefined {
  if (e.contextShare === undefined || !e.contextWindow) return undefined;
  return `Context window: ${shareText(e.contextShare)} of ${integerText(e.contextWindow)} tokens`;
}

function pricesLine(e: SiteEstimate): string | undefined {
  const a = e.applied;
  if (!a) return undefined;
  const p = a.prices;
  return `List prices: input ${perMillionText(p.input)} · cached input ${perMillionText(p.cachedRead)} · output ${perMillionText(p.output)} (${escapeMarkdown(a.source)}, as of ${escapeMarkdown(a.asOf)})`;
}

function alternativesBlock(rows: readonly AlternativeRow[]): string | undefined {
  if (rows.length === 0) return undefined;
  const lines = rows.map((r) => {
    const latency = r.latencyMs === undefined ? '' : ` · ${formatDuration(r.latencyMs)}`;
    return `- ${escapeMarkdown(r.label)}: ${escapeMarkdown(r.offeringId)} — ${priceText(r.price)}/call${latency}`;
  });
  return ['Alternatives:', ...lines].join('\n');
}

function assumptionsBlock(e: SiteEstimate): string | undefined {
  const items = e.prompt ? [...e.prompt.placeholders.map((p) => ({ subject: 'placeholder' as const, name: p.name, value: p.assumedTokens, from: p.from })), ...e.assumptions] : e.assumptions;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of items) {
    const text = formatAssumption(a);
    if (seen.has(text)) continue;
    seen.add(text);
    lines.push(`- ${escapeMarkdown(text)}`);
  }
  return lines.length ? ['Assumptions:', ...lines].join('\n') : undefined;
}

/**
 * The hover over a site (a call, a loop or agent, a prompt or its identifier): the core's
 * figure for it (the CodeLens figure), the model and how it was found, monthly cost, context,
 * list prices, alternatives, assumptions with their sources, and links to our commands.
 */
export function siteHoverMarkdown(input: SiteHoverInput): string {
  const e = input.estimate;
  const sections = [
    `**Tokenomics** · ${escapeMarkdown(input.title)}`,
    figureLine(e),
    ...promptShareLines(e),
    modelLine(e),
    monthlyLine(e),
    contextLine(e),
    pricesLine(e),
    alternativesBlock(input.alternatives),
    assumptionsBlock(e),
    `Basis: ${escapeMarkdown(e.basis)}`,
    [commandLink('Compare providers…', COMPARE_COMMAND, [input.link]), commandLink('Set an assumption…', SET_ASSUMPTION_COMMAND, [input.link])].join(' · '),
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
