/** Token counts of detected prompts, with placeholders priced at their assumed sizes. */
import type { TokenizerId } from '../catalog/types';
import type { AnnotationValues, DetectedPrompt } from '../detect/types';
import { countTokensForModel } from '../tokenize';
import type { Assumptions } from '../workload';
import type { ModelChoice } from './models';
import type { PlaceholderAssumption } from './types';

export interface PromptSize {
  /** Tokens of the literal text plus the assumed placeholder sizes. */
  readonly tokens: number;
  readonly literalTokens: number;
  readonly exact: boolean;
  /** For ≈ counts: the ratio profile's relative uncertainty (0.12 = ±12%). */
  readonly uncertainty?: number;
  readonly tokenizer: TokenizerId;
  readonly basis: string;
  readonly placeholders: readonly PlaceholderAssumption[];
}

/** The assumed size of a placeholder: annotation, then the setting by full or last name, then the default. */
export function placeholderSize(name: string, assumptions: Assumptions, annotation?: AnnotationValues): PlaceholderAssumption {
  const last = name.split('.').pop() ?? name;
  const fromAnnotation = annotation?.placeholders?.[name] ?? annotation?.placeholders?.[last];
  if (fromAnnotation !== undefined) return { name, assumedTokens: fromAnnotation, from: 'annotation' };
  const fromSetting = assumptions.placeholderSizes[name] ?? assumptions.placeholderSizes[last];
  if (fromSetting !== undefined) return { name, assumedTokens: fromSetting, from: 'setting' };
  return { name, assumedTokens: assumptions.placeholderTokens, from: 'default' };
}

/** The prompt text without its placeholders: what the tokenizer counts. */
export function literalText(prompt: Pick<DetectedPrompt, 'text' | 'placeholders'>): string {
  let text = prompt.text.replace(/\{\{[^{}]*\}\}/g, '');
  for (const name of prompt.placeholders) text = text.split(`{${name}}`).join('');
  return text;
}

export function sizePrompt(prompt: DetectedPrompt, model: ModelChoice, assumptions: Assumptions, annotation?: AnnotationValues): PromptSize {
  const count = countTokensForModel(literalText(prompt), model.entry ?? model.id);
  const placeholders = prompt.placeholders.map((p) => placeholderSize(p, assumptions, annotation ?? prompt.annotation));
  const extra = placeholders.reduce((n, p) => n + p.assumedTokens, 0);
  return {
    tokens: count.tokens + extra,
    literalTokens: count.tokens,
    exact: count.exact,
    ...(count.uncertainty !== undefined ? { uncertainty: count.uncertainty } : {}),
    tokenizer: count.tokenizer,
    basis: count.basis,
    placeholders,
  };
}
