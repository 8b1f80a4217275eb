/**
 * `siteEstimates`: the one estimate per site of a FileReport, the figure every surface
 * shows. Calls and loops take their figures from the report as analysed (the same
 * numbers `tokenomics scan --format json` writes); a prompt shows its call's figure with
 * its own share; a prompt no call sends is priced as one call's input (see text.ts).
 */
import type { Catalog } from '../catalog/types';
import { scalePrice } from '../cost/money';
import type { AgentLoopReport, CallReport, FileReport, PromptReport, SiteAssumption, Span } from '../report/types';
import { DAYS_PER_MONTH, type Assumptions } from '../workload';
import { billedRole } from '../report/roles';
import { contextWindowOf, modelById, offeringById } from './lookup';
import { callModelSource, loopModelSource } from './model-source';
import { oneCallEstimate } from './text';
import type { AppliedPrices, ModelFinding, NotBilled, PromptShare, SiteEstimate } from './types';

function applied(catalog: Catalog, offeringId: string | undefined): AppliedPrices | undefined {
  const o = offeringById(catalog, offeringId);
  return o ? { offering: o.id, provider: o.provider, prices: o.prices, source: o.source, asOf: o.asOf } : undefined;
}

function callModel(path: string, call: CallReport, fallback: string): ModelFinding {
  return {
    id: call.modelResolved ?? call.model ?? fallback,
    known: call.modelResolved !== undefined,
    ...(call.offering ? { offering: call.offering } : {}),
    source: callModelSource(path, call),
  };
}

export function callEstimate(file: FileReport, call: CallReport, catalog: Catalog, a: Assumptions): SiteEstimate {
  const offering = offeringById(catalog, call.offering);
  const window = contextWindowOf(modelById(catalog, call.modelResolved), offering);
  const prices = applied(catalog, call.offering);
  const callsPerDay = call.workload.callsPerDay;
  return {
    siteId: call.id,
    kind: 'call',
    unit: 'call',
    path: file.path,
    line: call.line,
    column: call.column,
    framework: call.framework,
    price: call.costPerCall,
    ...(call.stepOf ? { stepOf: call.stepOf } : !billedRole(call.role) ? { notBilled: call.role as NotBilled } : { monthly: scalePrice(call.costPerCall, callsPerDay * DAYS_PER_MONTH) }),
    callsPerDay,
    ...(call.latencyMs !== undefined ? { latencyMs: call.latencyMs } : {}),
    tokens: { input: call.inputTokens, output: call.outputTokens },
    ...(call.inputUnknown ? { inputUnknown: call.inputUnknown } : {}),
    model: callModel(file.path, call, a.defaultModel),
    ...(prices ? { applied: prices } : {}),
    ...(window ? { contextWindow: window, contextShare: (call.inputTokens + call.outputTokens) / window } : {}),
    assumptions: call.assumptions ?? [],
    basis: call.stepOf ? 'one call, priced as a step of its task' : call.role === 'implementation' ? "one call, billed at the invokes of its chat-model class" : call.role === 'binding' ? 'a model binding: sends nothing itself' : call.role === 'relay' ? `one call, relaying ${call.relays?.join(', ') ?? 'the app\'s own requests'}, billed there` : 'one call',
  };
}

export function loopEstimate(file: FileReport, loop: AgentLoopReport, catalog: Catalog, a: Assumptions): SiteEstimate {
  const call = file.calls.find((c) => c.id === loop.callId);
  const offering = call?.offering;
  const window = contextWindowOf(modelById(catalog, call?.modelResolved ?? loop.model), offeringById(catalog, offering));
  const prices = applied(catalog, offering);
  const callsPerDay = loop.workload.callsPerDay;
  const assumptions: SiteAssumption[] = [...(loop.assumptions ?? [])];
  return {
    siteId: loop.id,
    kind: 'loop',
    unit: 'task',
    path: file.path,
    line: loop.line,
    column: loop.column,
    framework: loop.framework,
    price: loop.costPerTask,
    monthly: scalePrice(loop.costPerTask, callsPerDay * DAYS_PER_MONTH),
    callsPerDay,
    ...(loop.latencyMs !== undefined ? { latencyMs: loop.latencyMs } : {}),
    tokens: { input: loop.tokens.input, output: loop.tokens.output },
    ...(loop.inputUnknown ? { inputUnknown: loop.inputUnknown } : {}),
    steps: { count: loop.maxSteps, bounded: loop.bounded, from: loop.stepsFrom, ...(loop.stepLimit !== undefined ? { limit: loop.stepLimit } : {}) },
    ...(loop.agentTax !== undefined ? { agentTax: loop.agentTax } : {}),
    ...(loop.overflowStep !== undefined ? { overflowStep: loop.overflowStep } : {}),
    model: {
      id: call?.modelResolved ?? loop.model ?? call?.model ?? a.defaultModel,
      known: call ? call.modelResolved !== undefined : Boolean(modelById(catalog, loop.model)),
      ...(offering ? { offering } : {}),
      source: loopModelSource(file.path, loop, call),
    },
    ...(prices ? { applied: prices } : {}),
    ...(window ? { contextWindow: window } : {}),
    assumptions,
    basis: `one task of ${loop.maxSteps} model call${loop.maxSteps === 1 ? '' : 's'}`,
  };
}

function share(prompt: PromptReport, call: CallReport | undefined, file: FileReport): PromptShare {
  return {
    sentBy: file.calls.filter((c) => c.promptIds.includes(prompt.id)).length,
    promptId: prompt.id,
    tokens: prompt.tokens,
    exact: prompt.exact,
    tokenizer: prompt.tokenizer,
    tokenBasis: prompt.tokenBasis,
    ...(call && call.inputTokens > 0 ? { ofInput: Math.min(1, prompt.tokens / call.inputTokens) } : {}),
    price: prompt.costPerCall,
    placeholders: prompt.placeholders,
  };
}

/** A prompt: the figure of the call that sends it (the CodeLens figure on the call's line), with the prompt's share. */
export function promptEstimate(file: FileReport, prompt: PromptReport, catalog: Catalog, a: Assumptions): SiteEstimate {
  const call = file.calls.find((c) => c.promptIds.includes(prompt.id));
  // A framework agent's call and its loop share a line, and the line's CodeLens is the task's: so is the prompt's figure.
  const loop = call && file.agentLoops.find((l) => l.callId === call.id && l.line === call.line);
  if (loop) return { ...loopEstimate(file, loop, catalog, a), kind: 'prompt', prompt: share(prompt, call, file) };
  if (call) return { ...callEstimate(file, call, catalog, a), kind: 'prompt', prompt: share(prompt, call, file) };
  if (file.instructions) {
    const i = file.instructions;
    return { ...instructionsEstimate(file, catalog, a)!, kind: 'prompt', prompt: share(prompt, undefined, file), tokens: { input: i.tokensPerRequest, output: 0 } };
  }
  const lone = oneCallEstimate(catalog, a, {
    path: file.path,
    line: prompt.line,
    column: prompt.column,
    inputTokens: prompt.tokens,
    model: prompt.model === a.defaultModel ? undefined : prompt.model,
    kind: 'prompt',
    basis: `no detected call sends this prompt: priced as the input of one call, plus ${a.outputTokens} output tokens (assumed)`,
  });
  return { ...lone, siteId: prompt.id, prompt: share(prompt, undefined, file), assumptions: [...prompt.placeholders.map((p) => ({ subject: 'placeholder' as const, name: p.name, value: p.assumedTokens, from: p.from })), ...lone.assumptions] };
}

/** A coding-agent instruction file: tokens riding along with every request. */
export function instructionsEstimate(file: FileReport, catalog: Catalog, a: Assumptions): SiteEstimate | undefined {
  const i = file.instructions;
  if (!i) return undefined;
  const entry = modelById(catalog, i.model);
  return {
    siteId: 'instructions',
    kind: 'instructions',
    unit: 'request',
    path: file.path,
    line: 1,
    column: 1,
    framework: file.language,
    price: i.costPerRequest,
    monthly: scalePrice(i.costPerRequest, a.callsPerDay * DAYS_PER_MONTH),
    callsPerDay: a.callsPerDay,
    tokens: { input: i.tokensPerRequest, output: 0 },
    model: { id: i.model, known: Boolean(entry), source: { from: 'default', detail: 'tokenomics.codingModel prices instruction files' } },
    ...(entry?.contextWindow ? { contextWindow: entry.contextWindow, contextShare: i.tokensPerRequest / entry.contextWindow } : {}),
    assumptions: [{ subject: 'calls-per-day', value: a.callsPerDay, from: 'setting', detail: 'coding-agent requests a day' }],
    basis: 'one coding-agent request (the file rides along with each)',
  };
}

/** Every site's estimate, in the order sites appear: loops, calls, prompts, the instruction file. */
export function siteEstimates(file: FileReport, catalog: Catalog, a: Assumptions): SiteEstimate[] {
  const out: SiteEstimate[] = [
    ...file.agentLoops.map((l) => loopEstimate(file, l, catalog, a)),
    ...file.calls.map((c) => callEstimate(file, c, catalog, a)),
    ...file.prompts.map((p) => promptEstimate(file, p, catalog, a)),
  ];
  const instructions = instructionsEstimate(file, catalog, a);
  if (instructions) out.push(instructions);
  return out;
}

/** The estimate of the site with this id (a loop, call or prompt id, or `instructions`). */
export function estimateForSite(file: FileReport, siteId: string, catalog: Catalog, a: Assumptions): SiteEstimate | undefined {
  const loop = file.agentLoops.find((l) => l.id === siteId);
  if (loop) return loopEstimate(file, loop, catalog, a);
  const call = file.calls.find((c) => c.id === siteId);
  if (call) return callEstimate(file, call, catalog, a);
  const prompt = file.prompts.find((p) => p.id === siteId);
  if (prompt) return promptEstimate(file, prompt, catalog, a);
  return siteId === 'instructions' ? instructionsEstimate(file, catalog, a) : undefined;
}

export function spanContains(span: Span, line: number, column: number): boolean {
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && column < span.column) return false;
  if (line === span.endLine && column > span.endColumn) return false;
  return true;
}

/** Whether `inner` lies within `outer` (both 1-based spans). */
export function spanWithin(inner: Span, outer: Span): boolean {
  return spanContains(outer, inner.line, inner.column) && spanContains(outer, inner.endLine, inner.endColumn);
}
