/**
 * The hooks pricing calls into: which model a call is priced on and how it was
 * found (annotation, code, the repository model, the repository's own default
 * for the vendor, the vendor's fallback, the default), and a repository loop's
 * step count under a cost limit.
 */
import type { AnnotationValues, DetectedCall } from '../detect/types';
import { isLocalRuntime, type ModelChoice, type ModelResolver } from '../report/models';
import { describeRef } from '../report/call-extras';
import type { ModelSource, SourceRef } from '../report/types';
import type { Price } from '../cost/types';
import type { AgentStepEstimate } from '../agent/types';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../workload';
import type { RepoHints } from './types';
import { repositoryDefault } from './repository-default';
import { sdkCannotSend, vendorOf } from './vendor';

export interface ChosenModel {
  readonly choice: ModelChoice;
  readonly source: ModelSource;
  /**
   * The other models the call could run on, whose prices widen its range: for a guessed model
   * (`repository-default`) the repository's other candidates, `at` where it names them, and the vendor default;
   * for a parameter's default, the models its other callers pass (passed-defaults.ts).
   */
  readonly plausible?: readonly { readonly model: string; readonly at?: SourceRef }[];
  /** The model detection read is a parameter's default; the callers pass this one in its place (passed-defaults.ts). */
  readonly passedForDefault?: true;
}

export function chooseCallModel(
  call: DetectedCall,
  path: string,
  fileKind: string,
  annotation: AnnotationValues | undefined,
  resolver: ModelResolver,
  assumptions: Assumptions,
  repo: RepoHints | undefined,
): ChosenModel {
  const here = { path, line: call.line };
  if (annotation?.model) return { choice: resolver.choose(annotation.model, undefined, 'annotation'), source: { from: 'annotation', at: here } };
  if (call.model) {
    const file = fileKind !== 'code';
    // A parameter's signature default: what the repository's callers pass in its place wins (passed-defaults.ts).
    const passed = !file && call.modelOrigin?.param ? repo?.passedModel?.(path, call.modelOrigin.param) : undefined;
    // The models other callers pass (or leave as the default) are the site's range.
    const others = passed?.others?.length ? { plausible: passed.others } : {};
    if (passed && 'model' in passed) return { choice: resolver.choose(passed.model, call.providerHint, 'code'), source: passed.source, passedForDefault: true, ...others };
    const origin = call.modelOrigin;
    if (origin?.param) {
      const detail = `${origin.detail ?? `default of parameter ${origin.param.text}`}${passed ? `; its callers pass different models (${passed.disagree.join(', ')})` : ''}`;
      return { choice: resolver.choose(call.model, call.providerHint, 'code'), source: { from: origin.from, at: { path, line: origin.line }, detail }, ...others };
    }
    return { choice: resolver.choose(call.model, call.providerHint, file ? 'file' : 'code'), source: { from: file ? 'file' : 'code', at: here } };
  }
  const found = repo?.modelFor(path, call);
  // A model the flow reached that this SDK cannot send came through the wrong class or branch: not this call's model.
  const foreign = found && sdkCannotSend(call, found.model) ? found : undefined;
  if (found && !foreign) return { choice: resolver.choose(found.model, call.providerHint, 'code'), source: found.source };
  const vendor = vendorOf(call);
  const fallback = vendor ? assumptions.defaultModels?.[vendor] : undefined;
  const named = call.modelRef ? `chosen at run time: ${describeRef(call.modelRef)}` : 'the code names no model';
  const why = foreign ? `${named}; the flow reached ${foreign.model}${where(foreign.source)}, which a ${call.framework} SDK call cannot send` : named;
  // A local runtime's model nothing resolves: sized on the default, priced on nobody's bill.
  if (isLocalRuntime(vendor)) return { choice: { ...unnamedModel(resolver, vendor!), selfHosted: vendor }, source: { from: 'default', detail: `${why}; run locally by ${vendor}` } };
  // A fallback the user set (`tokenomics.defaultModels`) is their stated assumption: it wins over a guess.
  const userSet = vendor !== undefined && fallback !== undefined && fallback !== DEFAULT_ASSUMPTIONS.defaultModels?.[vendor];
  // A model set outside the code (an Assistants API run's assistant): unpriced with the reason, never a guess.
  const unnamed = userSet ? undefined : repo?.unnamedReason?.(path, call);
  if (unnamed) return { choice: unnamedModel(resolver, vendor ?? 'openai'), source: { from: 'default', detail: unnamed } };
  // The repository names its models somewhere the flow does not reach (a store, a config service, a factory): its default for this vendor.
  const guess = userSet ? undefined : repositoryDefault(repo, resolver.catalog, call, vendor);
  if (guess) {
    const standIn = fallback ?? resolver.choose(undefined).id;
    const plausible = [...guess.others, ...(guess.others.some((o) => o.model === standIn) || guess.model === standIn ? [] : [{ model: standIn }])];
    const detail = `the repository's default ${guess.what}, ${guess.at.path}:${guess.at.line} (${guess.why}); the scan did not follow this call's model (${why})`;
    return { choice: { ...resolver.choose(guess.model, call.providerHint, 'default'), written: undefined, source: 'default' }, source: { from: 'repository-default', at: guess.at, detail }, plausible };
  }
  const whose = userSet ? `${vendor} default from your tokenomics.defaultModels` : `${vendor} default`;
  if (fallback) return { choice: { ...resolver.choose(fallback, undefined, 'default'), written: undefined, source: 'default' }, source: { from: 'vendor-default', detail: `${whose} (${why})` } };
  // A vendor of its own (Groq, Zhipu, Together) with no default to fall to: never the global default, an OpenAI model.
  if (vendor && vendor !== 'openai') {
    return { choice: unnamedModel(resolver, vendor), source: { from: 'default', detail: `${why}; no ${vendor} entry in tokenomics.defaultModels to fall back to` } };
  }
  return { choice: resolver.choose(undefined), source: { from: 'default', detail: why } };
}

/**
 * A model nothing names on a vendor with no default: shown as the vendor's, sized on the default model's tokenizer,
 * unpriced (the reason names the setting that prices it).
 */
function unnamedModel(resolver: ModelResolver, vendor: string): ModelChoice {
  return { ...resolver.choose(undefined), id: `${vendor} model (not named)`, entry: undefined, offering: undefined, provider: undefined, unnamedOf: vendor };
}

function where(source: ModelSource): string {
  return source.at ? ` (${source.at.path}:${source.at.line})` : '';
}

/** Steps a cost limit allows at the priced cost per step (at least one). */
export function stepsUnderCostLimit(limitUsd: number, costPerStepUsd: number | undefined, fallback: number): number {
  if (!costPerStepUsd || costPerStepUsd <= 0) return fallback;
  return Math.max(1, Math.floor(limitUsd / costPerStepUsd));
}

/** Steps simulated for a token budget before it is fitted: enough for any budget a context window allows. */
const TOKEN_BUDGET_SIMULATED = 200;

/** The steps a budget allows before the task is simulated (a cost limit ÷ the cost per step), and how it is named. */
export function budgetSteps(b: { readonly costLimitUsd?: number; readonly tokenLimit?: number }, costPerStepUsd: number | undefined, fallback: number): { maxSteps: number; stepOption: string } {
  if (b.costLimitUsd !== undefined) return { maxSteps: stepsUnderCostLimit(b.costLimitUsd, costPerStepUsd, fallback), stepOption: `cost limit $${b.costLimitUsd}` };
  return { maxSteps: Math.max(fallback, TOKEN_BUDGET_SIMULATED), stepOption: `token budget ${b.tokenLimit}` };
}

/** The steps of a simulated task within its budget: a cost limit, else a budget of tokens sent and received. */
export function stepsWithinBudget(steps: readonly AgentStepEstimate[], b: { readonly costLimitUsd?: number; readonly tokenLimit?: number }): number | undefined {
  if (b.costLimitUsd !== undefined) return stepsWithinCostLimit(steps, b.costLimitUsd);
  if (b.tokenLimit === undefined) return undefined;
  let total = 0;
  for (const s of steps) {
    total += s.inputTokens + s.outputTokens + s.reasoningTokens;
    if (total > b.tokenLimit) return Math.max(1, s.step - 1);
  }
  // All fit: the steps that ran (a context window may end the simulation first).
  return steps.length || undefined;
}

/** The steps of a simulated task whose running cost stays within a cost limit (at least one); undefined when they all fit or a step is unpriced. */
export function stepsWithinCostLimit(steps: readonly { readonly step: number; readonly price?: Price }[], limitUsd: number): number | undefined {
  let total = 0;
  for (const s of steps) {
    if (s.price?.kind !== 'priced') return undefined;
    total += s.price.usd;
    if (total > limitUsd) return Math.max(1, s.step - 1);
  }
  return undefined;
}
