/**
 * The static part of a call's prompts, as the caching rules see it: what a
 * prompt cache could hold across requests. Token counts of a prompt's parts
 * are shared out by characters of static text (≈), as the prompt's tokens are
 * counted for the whole text.
 */
import type { DetectedPrompt } from '../../detect/types';
import type { CallReport, PromptReport } from '../types';
import type { FindingContext } from './types';

/** Requests a day for a prefix cache to stay warm (one at least every 5 minutes). */
export const WARM_CACHE_CALLS_PER_DAY = 288;
/** Share of requests assumed to hit the cache at the low end of a range. */
export const LOW_HIT_SHARE = 0.5;

export interface PromptParts {
  readonly detected: DetectedPrompt;
  readonly priced: PromptReport;
  /** The prompt's tokens less its placeholders' assumed sizes. */
  readonly staticTokens: number;
  /** Of those, the tokens before the first placeholder (all of them when there is none). */
  readonly beforeFirstPlaceholder: number;
  /** The placeholder that comes first in the text, if any. */
  readonly firstPlaceholder?: string;
}

const withoutPlaceholders = (s: string): string => s.replace(/\{[^{}\n]+\}/g, '');

export function promptParts(ctx: FindingContext, promptId: string): PromptParts | undefined {
  const detected = ctx.detected.prompts.find((p) => p.id === promptId);
  const priced = detected && ctx.report.prompts.find((p) => p.id === detected.id);
  if (!detected || !priced) return undefined;
  const staticTokens = Math.max(0, priced.tokens - priced.placeholders.reduce((n, p) => n + p.assumedTokens, 0));
  const positions = detected.placeholders.map((name) => ({ name, at: detected.text.indexOf(`{${name}}`) })).filter((p) => p.at >= 0);
  if (positions.length === 0) return { detected, priced, staticTokens, beforeFirstPlaceholder: staticTokens };
  const first = positions.reduce((a, b) => (b.at < a.at ? b : a));
  const before = withoutPlaceholders(detected.text.slice(0, first.at)).length;
  const total = before + withoutPlaceholders(detected.text.slice(first.at)).length;
  const beforeTokens = total === 0 ? 0 : Math.round((staticTokens * before) / total);
  return { detected, priced, staticTokens, beforeFirstPlaceholder: beforeTokens, firstPlaceholder: first.name };
}

/**
 * The static system prefix of a request: its system prompts in order, up to the first placeholder.
 * Tool definitions (sent before the system prompt) are left out, so the figure is a lower bound.
 */
export function staticSystemPrefix(ctx: FindingContext, call: CallReport): number {
  let tokens = 0;
  for (const id of call.promptIds) {
    const parts = promptParts(ctx, id);
    if (!parts || (parts.detected.kind !== 'system' && parts.detected.kind !== 'instructions')) continue;
    tokens += parts.beforeFirstPlaceholder;
    if (parts.firstPlaceholder !== undefined) break;
  }
  return Math.min(tokens, call.inputTokens);
}
