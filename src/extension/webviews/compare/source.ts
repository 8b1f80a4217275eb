/**
 * What the panel compares: the workload of a site (call, agent loop, prompt),
 * of a selection, or a blank one to fill in. Pure (no vscode) so it is tested
 * on plain reports.
 */
import type { TokenizerId } from '../../../core/catalog/types';
import type { SiteEstimate } from '../../../core/estimate/types';
import { formatFigure } from '../../../core/format/estimate';
import { formatModelSource, isAssumedModel } from '../../../core/format/provenance';
import type { AgentLoopReport, CallReport, FileReport, PromptReport } from '../../../core/report/types';
import type { Assumptions, Workload } from '../../../core/workload';
import type { PinnedFigure } from '../../../webview/protocol/compare';
import type { CompareInput } from './compute';

export interface CompareSubject extends CompareInput {
  readonly workload: Workload;
  readonly pinned?: PinnedFigure;
}

/** The site's figure as its CodeLens shows it, for the panel's pinned line. */
export function pinnedOf(e: SiteEstimate): PinnedFigure {
  return { figure: formatFigure(e), model: e.model.id, modelFrom: formatModelSource(e.model.source, e.path), assumed: isAssumedModel(e.model.source), basis: e.basis };
}

export type SiteRef =
  | { readonly kind: 'prompt'; readonly site: PromptReport }
  | { readonly kind: 'call'; readonly site: CallReport }
  | { readonly kind: 'loop'; readonly site: AgentLoopReport };

function fileName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

/** The tokenizer a call's counts were made in: that of its first prompt (all prompts of a call share the model). */
function tokenizerOfCall(report: FileReport, call: CallReport | undefined): TokenizerId | undefined {
  const prompt = call ? report.prompts.find((p) => call.promptIds.includes(p.id)) : undefined;
  return prompt?.tokenizer;
}

function measured(tokenizer: TokenizerId | undefined, model: string | undefined): Pick<CompareInput, 'workloadTokenizer' | 'workloadModel'> {
  return { ...(tokenizer ? { workloadTokenizer: tokenizer } : {}), ...(model ? { workloadModel: model } : {}) };
}

/** What the site's code needs of a model (tools, schema, images, reasoning), for the capability filter. */
function needsOf(call: CallReport | undefined): Pick<CompareInput, 'needs'> {
  return call?.needs ? { needs: call.needs } : {};
}

export function blankWorkload(a: Assumptions): Workload {
  return {
    inputTokens: 2000,
    cachedInputTokens: 0,
    outputTokens: a.outputTokens,
    reasoningTokens: a.reasoningTokens,
    steps: 1,
    toolResultTokens: a.toolResultTokens,
    caching: a.caching,
    batch: false,
    callsPerDay: a.callsPerDay,
  };
}

export function subjectOfSite(report: FileReport, ref: SiteRef, a: Assumptions, estimate?: SiteEstimate): CompareSubject {
  const subject = subjectOfSiteWorkload(report, ref, a);
  // The pinned model is the one the figure is priced on, so the table marks the same row.
  return estimate ? { ...subject, pinned: pinnedOf(estimate), ...(estimate.model.known ? { currentModel: estimate.model.id } : {}) } : subject;
}

function subjectOfSiteWorkload(report: FileReport, ref: SiteRef, a: Assumptions): CompareSubject {
  const where = `${fileName(report.path)}:${ref.site.line}`;
  switch (ref.kind) {
    case 'call': {
      const call = ref.site;
      const model = call.modelResolved;
      return { label: `${call.framework} call at ${where}`, workload: call.workload, ...(model ? { currentModel: model } : {}), ...measured(tokenizerOfCall(report, call), model), ...needsOf(call), ...(call.rangeInputs ? { ranges: call.rangeInputs } : {}) };
    }
    case 'loop': {
      const loop = ref.site;
      const call = report.calls.find((c) => c.id === loop.callId);
      const model = call?.modelResolved ?? loop.model;
      const steps = loop.bounded ? `${loop.maxSteps} steps` : `${loop.maxSteps} steps assumed (unbounded)`;
      return {
        label: `${loop.framework} agent loop at ${where}, ${steps}`,
        workload: loop.workload,
        ...(model ? { currentModel: model } : {}),
        ...measured(tokenizerOfCall(report, call), model),
        ...needsOf(call),
        ...(loop.rangeInputs ? { ranges: loop.rangeInputs } : {}),
        ...(loop.passRequests ? { alsoSends: loop.passRequests.workloads.map((workload) => ({ workload, times: loop.passRequests!.passes })) } : {}),
      };
    }
    case 'prompt': {
      const prompt = ref.site;
      const call = report.calls.find((c) => c.promptIds.includes(prompt.id));
      const workload: Workload = call?.workload ?? { ...blankWorkload(a), inputTokens: prompt.tokens };
      return { label: `${prompt.kind} prompt at ${where}`, workload, currentModel: call?.modelResolved ?? prompt.model, ...measured(prompt.tokenizer, prompt.model), ...needsOf(call) };
    }
  }
}

export function blankSubject(a: Assumptions): CompareSubject {
  return { label: 'Blank workload: edit the numbers below', workload: blankWorkload(a), currentModel: a.defaultModel };
}

/** A selection of text as the whole input of one call, counted for the default model. */
export function selectionSubject(tokens: number, tokenizer: TokenizerId, where: string, a: Assumptions): CompareSubject {
  return {
    label: `selection in ${where} (${tokens} tokens)`,
    workload: { ...blankWorkload(a), inputTokens: tokens },
    currentModel: a.defaultModel,
    workloadTokenizer: tokenizer,
    workloadModel: a.defaultModel,
  };
}
