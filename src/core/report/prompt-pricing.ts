/**
 * Prices of what is not a request: a prompt (its input share of the call that sends it, or of the
 * file's model when no call sends it), an instruction file (riding along with every coding-agent
 * request), and the `unpriced` result where the catalog lacks the model or its price. Also which
 * model provenance a call reports when detection and the repository pass both know one.
 */
import { priceCall, scalePrice } from '../cost';
import type { Price } from '../cost/types';
import { mergeAnnotations } from '../detect/annotations';
import type { AnnotationValues, DetectedPrompt } from '../detect/types';
import type { Assumptions } from '../workload';
import type { ModelChoice } from './models';
import { inputOnlyRange, promptSwing } from './ranges';
import { sizePrompt, type PromptSize } from './sizes';
import type { InstructionFileReport, ModelSource, PromptReport } from './types';

const PREVIEW_CHARS = 200;

export function unpricedFor(model: ModelChoice): Price {
  if (model.selfHosted) return { kind: 'unpriced', missing: [`self-hosted: it runs on your own hardware through ${model.selfHosted}, so no hosted provider's per-token price applies`] };
  if (model.unnamedOf) return { kind: 'unpriced', missing: [`model: this ${model.unnamedOf} request names none; set "${model.unnamedOf}" in tokenomics.defaultModels (or annotate the site) to price it`] };
  if (!model.entry) return { kind: 'unpriced', missing: [`model ${model.id} (not in the catalog; add it in tokenomics.json customModels)`] };
  return { kind: 'unpriced', missing: [`offering for ${model.id} (no price in the catalog; add one in tokenomics.json priceOverrides)`] };
}

function inputPriceOn(model: ModelChoice): (tokens: number) => Price {
  return (tokens) => (model.offering ? priceCall(model.offering, { freshInput: tokens, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 }, model.provider) : unpricedFor(model));
}

/** A prompt's report, and how many tokens its ≈ count may be off by (for an instruction file's range). */
export function pricePrompt(prompt: DetectedPrompt, model: ModelChoice, ownerAnnotation: AnnotationValues | undefined, a: Assumptions): { report: PromptReport; swingTokens: number } {
  const size: PromptSize = sizePrompt(prompt, model, a, mergeAnnotations(ownerAnnotation, prompt.annotation));
  const inputPrice = inputPriceOn(model);
  const defaultSized = size.placeholders.filter((p) => p.from === 'default').reduce((n, p) => n + p.assumedTokens, 0);
  const costPerCall = inputOnlyRange(inputPrice(size.tokens), size.tokens, promptSwing(size.literalTokens, size.uncertainty ?? 0, defaultSized), inputPrice);
  const window = model.entry?.contextWindow;
  const report: PromptReport = {
    id: prompt.id,
    line: prompt.line,
    column: prompt.column,
    endLine: prompt.endLine,
    endColumn: prompt.endColumn,
    kind: prompt.kind,
    ...(prompt.name ? { name: prompt.name } : {}),
    tokens: size.tokens,
    exact: size.exact && size.placeholders.length === 0,
    tokenizer: size.tokenizer,
    tokenBasis: size.basis,
    placeholders: size.placeholders,
    confidence: prompt.confidence,
    model: model.id,
    costPerCall,
    ...(window ? { contextShare: size.tokens / window } : {}),
    preview: prompt.text.length > PREVIEW_CHARS ? `${prompt.text.slice(0, PREVIEW_CHARS)}…` : prompt.text,
  };
  return { report, swingTokens: size.literalTokens * (size.uncertainty ?? 0) };
}

/** Instruction files ride along with every request of a coding agent, on the coding model. */
export function priceInstructions(prompts: readonly PromptReport[], swingTokens: number, model: ModelChoice): InstructionFileReport {
  const tokens = prompts.reduce((n, p) => n + p.tokens, 0);
  const costPerRequest = inputOnlyRange(inputPriceOn(model)(tokens), tokens, { low: swingTokens, high: swingTokens }, inputPriceOn(model));
  return { tokensPerRequest: tokens, model: model.id, costPerRequest, costPer100Requests: scalePrice(costPerRequest, 100) };
}

/**
 * The repository pass knows where a model came from across files (config, env default, another
 * file's helper) or which vendor default applies; detection knows the literal's own line in this
 * file and why a value is chosen at run time. Take the one that knows more.
 */
const NAMES_NONE = 'the code names no model';

export function preferModelSource(repo: ModelSource, local: ModelSource | undefined, path: string): ModelSource {
  if (!local) return repo;
  if (repo.from === 'vendor-default' || repo.from === 'config' || repo.from === 'env-default' || repo.from === 'ui-default') return repo;
  if (repo.from === 'code' && repo.at && repo.at.path !== path) return repo;
  // The file alone knew nothing ("chosen at run time"); the repository found it in this same file.
  if (local.from === 'default' && repo.from !== 'default') return repo;
  // Both guessed, but the repository says why nothing may be guessed (an assistant run's model, set outside the code).
  if (local.from === 'default' && repo.from === 'default' && local.detail === NAMES_NONE && repo.detail && !repo.detail.startsWith(NAMES_NONE)) return repo;
  return local;
}
