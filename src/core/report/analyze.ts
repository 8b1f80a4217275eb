/**
 * analyzeFile: detection plus pricing for one file, as the report contract's
 * FileReport. Every figure is built from the catalog and stated assumptions;
 * a model or price the catalog lacks is `unpriced`, never $0.
 */
import type { Catalog } from '../catalog/types';
import { estimateWorkload, type WorkloadEstimate } from '../agent';
import { scalePrice, sumPrices } from '../cost';
import type { Price } from '../cost/types';
import { detectFile } from '../detect';
import type { AnnotationValues, DetectedCall, DetectedFile, DetectedLoop, DetectedPrompt, DetectOptions } from '../detect/types';
import { DAYS_PER_MONTH, type Assumptions, type Workload } from '../workload';
import { withSavingsFindings } from './findings';
import { promptFileIsCall } from './prompt-file-role';
import { expandAgentRuns } from './agent-runs';
import { callExtras, withStepSites } from './call-extras';
import { budgetDiagnostics, detectionDiagnostics, loopDiagnostics, modelDiagnostics } from './diagnostics';
import { mergeAnnotations } from '../detect/annotations';
import { ModelResolver, simpleResolve, type ModelChoice, type Resolver } from './models';
import { frameworkDefault, loopStepsWithAlternatives, loopStepOf } from './loop-steps';
import { hasUncertainty, noUncertainty, priceWithRange, rangeModels, stepRange, widenTaskWithAlternatives, widenWithAlternatives, type RangeSpec, type UncertainInputs } from './ranges';
import { scopeOfPath } from './scope';
import { uncachedByCode } from './explicit-cache';
import { inputTokens, type InputSink } from './input-tokens';
import { preferModelSource, priceInstructions, pricePrompt, unpricedFor } from './prompt-pricing';
import type { AgentLoopReport, CallReport, DiagnosticReport, FileReport, InstructionFileReport, PromptReport, SiteAssumption } from './types';
import { callsPerDayNote, defaultModelNote, outputNote, reasoningNote, stepsNote, toolResultNote } from './assumption-notes';
import { assumedModelNote, pricePlausible } from './assumed-model';
import { sometimesNote } from './sometimes-note';
import { chooseCallModel } from '../repo/pricing';
import { priceBudgeted } from './budget-loop';
import { inFilePasses, pricePasses } from './cycle-passes';
import { runFromElsewhere } from '../repo/run-elsewhere';
import type { RepoHints, RepoLoop } from '../repo/types';
import { kindUnpriced } from './audio-pricing';
import { billedRole, repoRole } from './roles';

export interface AnalyzeEnv {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  /** The catalog's `resolveModel`; a simple id/alias match is used when a host passes none. */
  readonly resolveModel?: Resolver;
  readonly isCancelled?: () => boolean;
  readonly detectOptions?: DetectOptions;
  /**
   * Text of a prompt another file of the project declares and this one imports
   * (`from .prompts import SYSTEM_PROMPT`), when the host can look it up (a workspace scan).
   */
  readonly importedPrompt?: (fromPath: string, module: string, name: string) => DetectedPrompt | undefined;
  /** The repository model (src/core/repo): models, uses, loops and prompts found across files. */
  readonly repo?: RepoHints;
}

const ZERO: Price = sumPrices([]);

export async function analyzeFile(text: string, path: string, languageId: string | undefined, env: AnalyzeEnv): Promise<FileReport> {
  const detected = await detectFile(text, path, languageId, { ...env.detectOptions, isCancelled: env.isCancelled });
  return analyzeDetected(detected, env);
}

/** Prices what detection found. Synchronous and pure: the same input gives the same report. */
export function analyzeDetected(file: DetectedFile, env: AnalyzeEnv): FileReport {
  const expanded = expandAgentRuns(runFromElsewhere(file, env.repo));
  return withSavingsFindings(expanded, new FileAnalysis(expanded, env).run(), env.catalog, env.assumptions);
}

interface PricedCall {
  readonly report: CallReport;
  readonly estimate?: WorkloadEstimate;
  readonly model: ModelChoice;
  readonly workload: Workload;
  /** What was assumed in this call's workload, for the ranges of the call and of its loop. */
  readonly uncertain: UncertainInputs;
}

class FileAnalysis {
  private readonly resolver: ModelResolver;
  private readonly a: Assumptions;
  private readonly promptsById = new Map<string, DetectedPrompt>();
  private readonly diagnostics: DiagnosticReport[] = [];

  constructor(
    private readonly file: DetectedFile,
    private readonly env: AnalyzeEnv,
  ) {
    this.a = env.assumptions;
    this.resolver = new ModelResolver(env.catalog, env.resolveModel ?? simpleResolve, env.assumptions.defaultModel);
    for (const p of file.prompts) this.promptsById.set(p.id, p);
    // An annotation above a loop also sets the assumptions of the call it makes and the prompts it sends.
    for (const loop of file.loops) {
      if (!loop.annotation || !loop.callId) continue;
      this.callAnnotations.set(loop.callId, mergeAnnotations(loop.annotation, file.calls.find((c) => c.id === loop.callId)?.annotation));
    }
  }

  private readonly callAnnotations = new Map<string, AnnotationValues | undefined>();
  /** Tokens each prompt's ≈ count may be off by, for the instruction file's range. */
  private readonly promptUncertainty = new Map<string, number>();

  private annotationOf(call: DetectedCall): AnnotationValues | undefined {
    return this.callAnnotations.has(call.id) ? this.callAnnotations.get(call.id) : call.annotation;
  }

  run(): FileReport {
    const file = this.file;
    this.diagnostics.push(...detectionDiagnostics(file));
    const repo = this.env.repo;
    // A call into a repository wrapper is a use of the request inside it, listed there: not a site.
    const calls = file.kind === 'prompt-file' ? (promptFileIsCall(file, repo) ? [this.promptFileCall()] : []) : file.calls.filter((c) => !repo?.isUse(file.path, c.id)).map((c) => repoRole(repo, file.path, c));
    // Calls on the repository's own chat-model types, which only the repository can confirm (repo/typed-requests.ts).
    if (file.kind !== 'prompt-file') calls.push(...(repo?.revealedCalls?.(file.path) ?? []).filter((c) => !calls.some((d) => d.id === c.id)));
    const priced = new Map<string, PricedCall>();
    for (const c of calls) {
      const p = this.priceCall(c);
      // Mutually exclusive branches, and the other models a guessed model could be, widen the site's range (the expected value stays).
      const costPerCall = widenWithAlternatives(p.report.costPerCall, rangeModels(p.report));
      priced.set(c.id, costPerCall === p.report.costPerCall ? p : { ...p, report: { ...p.report, costPerCall } });
    }
    const loops = file.loops.map((l) => pricePasses(this.priceLoop(l, priced.get(l.callId ?? '')), inFilePasses(l, file.path, (id) => priced.get(id)?.report), (n) => this.repriced({ ...l, maxSteps: n }, priced.get(l.callId ?? ''))));
    const repoLoops = repo?.loopsFor(file.path) ?? [];
    for (const r of repoLoops) loops.push(this.priceRepoLoop(r, priced));
    const unsent = repo?.unsentPrompts?.(file.path);
    const prompts = [...(unsent?.size ? file.prompts.filter((p) => !unsent.has(p.id)) : file.prompts), ...this.revealedPrompts()].map((p) => this.pricePrompt(p, calls, priced));
    const instructions = file.kind === 'instructions' ? this.instructionsReport(prompts) : undefined;

    const monthly: Price[] = [];
    // A loop run as a step of another task (a handoff target, an agent inside a judge loop) is priced there.
    // So is a loop run inside each step of a loop found through the repository (repo/task-loops.ts).
    const detected = [...file.loops, ...repoLoops.map((r) => r.loop)];
    const nestedIn = detected.map((l) => (l ? repo?.loopStepOf?.(file.path, l.line) : undefined));
    loops.forEach((loop, i) => {
      if (!detected[i]?.stepOf && !nestedIn[i]) monthly.push(scalePrice(loop.costPerTask, this.callsPerDay(loop.annotation) * DAYS_PER_MONTH));
    });
    for (const c of calls) {
      if (c.agent || c.usedBy || !billedRole(c.role) || priced.get(c.id)!.report.stepOf) continue; // priced as a step of its loop; a binding sends nothing; an implementation is billed at its invokes
      const p = priced.get(c.id)!;
      monthly.push(scalePrice(p.report.costPerCall, this.callsPerDay(this.annotationOf(c)) * DAYS_PER_MONTH));
    }
    if (instructions) monthly.push(scalePrice(instructions.costPerRequest, this.a.callsPerDay * DAYS_PER_MONTH));

    return {
      path: file.path,
      language: file.language,
      prompts,
      calls: [...priced.values()].map((p) => p.report),
      agentLoops: loops.map((l, i) => (nestedIn[i] ? { ...withStepSites(l.report, file), stepOf: nestedIn[i] } : withStepSites(l.report, file))),
      diagnostics: this.diagnostics,
      ...(instructions ? { instructions } : {}),
      monthlyCost: monthly.length ? sumPrices(monthly) : ZERO,
      scope: this.env.repo?.scopeOf?.(file.path, file.kind) ?? scopeOfPath(file.path, file.kind),
    };
  }

  /** Prompts of this file that uses in other files reveal (schemas sent elsewhere), not already found here. */
  private revealedPrompts(): DetectedPrompt[] {
    const own = new Set(this.file.prompts.map((p) => p.id));
    return (this.env.repo?.revealedPrompts?.(this.file.path) ?? []).filter((p) => !own.has(p.id));
  }

  private callsPerDay(annotation?: AnnotationValues): number {
    return annotation?.callsPerDay ?? this.a.callsPerDay;
  }

  /** A prompt file priced as one call (prompt-file-role.ts): its template, on the model its front matter names. */
  private promptFileCall(): DetectedCall {
    const f = this.file;
    return {
      id: 'c1.1',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      framework: f.language,
      callee: f.path,
      model: f.fileModel,
      maxOutputTokens: f.fileMaxOutputTokens,
      promptIds: f.prompts.map((p) => p.id),
      tools: [],
      agent: false,
      inputPlaceholders: [],
      rule: 'prompt-file',
    };
  }

  private modelOf(written: string | undefined, hint: string | undefined, annotation?: AnnotationValues): ModelChoice {
    if (annotation?.model) return this.resolver.choose(annotation.model, undefined, 'annotation');
    if (written) return this.resolver.choose(written, hint, this.file.kind === 'code' ? 'code' : 'file');
    if (this.file.kind === 'instructions') return this.resolver.choose(this.a.codingModel, undefined, 'default');
    return this.resolver.choose(undefined);
  }

  private priceCall(call: DetectedCall): PricedCall {
    const ann = this.annotationOf(call);
    const repo = this.env.repo;
    const chosen = chooseCallModel(call, this.file.path, this.file.kind, ann, this.resolver, this.a, repo);
    const model = chosen.choice;
    const assumed: string[] = [];
    const notes: SiteAssumption[] = [];
    const prompts = this.sendablePrompts(call.promptIds);
    const loaded = repo?.loadedPrompts(this.file.path, call) ?? [];
    const uncertain = noUncertainty();
    const sink: InputSink = { assumed, notes, uncertain };
    const input = ann?.input ?? inputTokens({ file: this.file, assumptions: this.a, annotation: ann, importedPrompt: this.env.importedPrompt ?? repo?.importedPrompt }, prompts, call, model, sink, loaded);
    if (ann?.input !== undefined) notes.push({ subject: 'input', value: ann.input, from: 'annotation' });
    const uses = repo?.usesFor(this.file.path, call.id);
    const repoStep = repo?.stepOf(this.file.path, call.id);
    const cap = call.maxOutputTokens;
    // An embedding request has input only.
    const embedding = call.kind === 'embedding';
    const output = embedding ? 0 : (ann?.output ?? Math.min(this.a.outputTokens, cap ?? Infinity));
    if (ann?.output === undefined && !embedding) {
      uncertain.output = { kind: call.agent || call.usedBy ? 'agent-step' : 'call', assumed: this.a.outputTokens, ...(cap !== undefined ? { cap } : {}) };
      assumed.push(`output: ${output} tokens (${cap !== undefined && cap < this.a.outputTokens ? 'capped by the code' : 'assumed'})`);
    }
    if (!embedding) notes.push(outputNote(ann, output, cap, this.a));
    const reasoning = embedding ? 0 : (ann?.reasoning ?? this.a.reasoningTokens);
    const reasoningAssumed = embedding ? undefined : reasoningNote(ann, reasoning, this.a);
    if (reasoningAssumed) notes.push(reasoningAssumed);
    notes.push(callsPerDayNote(ann, this.a));
    const workload: Workload = {
      inputTokens: input,
      cachedInputTokens: 0,
      outputTokens: output,
      reasoningTokens: reasoning,
      steps: 1,
      toolResultTokens: ann?.toolResult ?? this.a.toolResultTokens,
      caching: this.a.caching,
      batch: false,
      callsPerDay: this.callsPerDay(ann),
    };
    const estimate = model.offering ? estimateWorkload(this.env.catalog, model.offering, workload) : undefined;
    const rangeInputs: RangeSpec = { uncertain };
    const costPerCall = kindUnpriced(call, model) ?? (estimate && model.offering ? priceWithRange(this.env.catalog, model.offering, workload, estimate.perUnit, rangeInputs) : unpricedFor(model));
    const priceOn = (choice: ModelChoice): Price => (choice.offering ? estimateWorkload(this.env.catalog, choice.offering, workload).perUnit : unpricedFor(choice));
    const extras = callExtras(call, this.file.path, model, ann, (written, hint) => this.resolver.choose(written, hint), priceOn);
    // A model nothing resolved: said first among the assumptions; a guess also lists what else it could be (its range).
    const plausible = pricePlausible(chosen, (id) => priceOn(this.resolver.choose(id, call.providerHint)));
    const modelNote = assumedModelNote(chosen, call, this.a, estimate?.perUnit ?? costPerCall, plausible);
    if (modelNote) {
      assumed.unshift(modelNote.assumed);
      notes.unshift(modelNote.note);
    }
    const report: CallReport = {
      id: call.id,
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      framework: call.framework,
      // As written: in this call, else where the repository found it (another file, a config default, the UI's default).
      ...(call.model || model.unnamedOf || (chosen.source.from !== 'vendor-default' && model.written) ? { model: chosen.passedForDefault ? model.written : (call.model ?? model.written ?? model.id) } : {}),
      ...(model.entry ? { modelResolved: model.entry.id } : {}),
      ...(model.suggestion ? { modelSuggestion: model.suggestion } : {}),
      ...(model.offering ? { offering: model.offering.id } : {}),
      inputTokens: input,
      outputTokens: output,
      costPerCall,
      ...(estimate ? { latencyMs: estimate.latencyMs } : {}),
      workload,
      promptIds: call.promptIds,
      tools: call.tools,
      assumed,
      assumptions: notes,
      ...((loopStepOf(call, this.file) ?? repoStep) ? { stepOf: loopStepOf(call, this.file) ?? repoStep } : {}),
      ...extras,
      modelSource: preferModelSource(chosen.source, extras.modelSource, this.file.path),
      ...(hasUncertainty(rangeInputs) ? { rangeInputs } : {}),
      ...(uses ? { uses } : {}),
      ...(loaded.length ? { loadedPrompts: loaded.map((l) => ({ path: l.path, line: l.line ?? 1 })) } : {}),
      ...(sink.unknown && ann?.input === undefined ? { inputUnknown: sink.unknown } : {}),
      ...(call.rule ? { rule: call.rule } : {}),
      ...(plausible ? { plausibleModels: plausible } : {}),
    };
    this.diagnostics.push(...modelDiagnostics(call, model, costPerCall));
    if (!call.agent && !call.usedBy && billedRole(call.role)) this.diagnostics.push(...budgetDiagnostics('call', call, costPerCall, this.a.budgets));
    return { report, estimate, model, workload, uncertain };
  }

  /** Prompts a call sends, without those whose text is already spliced into another one it sends. */
  private sendablePrompts(ids: readonly string[]): DetectedPrompt[] {
    const prompts = ids.map((id) => this.promptsById.get(id)).filter((p): p is DetectedPrompt => Boolean(p));
    return prompts.filter((p) => !prompts.some((q) => q !== p && q.text.length > p.text.length && p.text.trim().length >= 20 && q.text.includes(p.text.trim())));
  }

  private priceLoop(detected: DetectedLoop, call: PricedCall | undefined): { report: AgentLoopReport; costPerTask: Price; annotation?: AnnotationValues; estimate?: WorkloadEstimate } {
    // A bound detection could only name (a config value the router compares with) is followed across the repository.
    const followed = detected.maxSteps === undefined ? this.env.repo?.boundFor(this.file.path, detected) : undefined;
    const loop: DetectedLoop = followed ? { ...detected, maxSteps: followed.steps, stepOption: followed.detail } : detected;
    const loopCall = this.file.calls.find((c) => c.id === loop.callId);
    const ann: AnnotationValues = { ...(loopCall ? this.annotationOf(loopCall) : undefined), ...loop.annotation };
    const fw = frameworkDefault(this.env.catalog, loop.defaultsKey ?? loop.framework, this.file.language);
    const stepInfo = loopStepsWithAlternatives(loop, ann, (key) => frameworkDefault(this.env.catalog, key, this.file.language), this.a);
    const { steps, stepsFrom, bounded, limit } = stepInfo;
    const model = call?.model ?? this.modelOf(undefined, undefined, ann);
    const uncached = this.a.caching ? uncachedByCode(loopCall, model) : undefined;
    const base = call?.workload;
    const workload: Workload = {
      inputTokens: base?.inputTokens ?? 0,
      cachedInputTokens: 0,
      outputTokens: ann.output ?? base?.outputTokens ?? this.a.outputTokens,
      reasoningTokens: ann.reasoning ?? base?.reasoningTokens ?? this.a.reasoningTokens,
      steps: Math.max(1, Math.round(steps)),
      toolResultTokens: ann.toolResult ?? this.a.toolResultTokens,
      caching: this.a.caching && !uncached,
      batch: false,
      ...(stepsFrom === 'assumed' ? { stepsAssumed: true } : {}),
      callsPerDay: ann.callsPerDay ?? base?.callsPerDay ?? this.a.callsPerDay,
    };
    const estimate = model.offering ? estimateWorkload(this.env.catalog, model.offering, workload) : undefined;
    const uncertain: UncertainInputs = { ...(call?.uncertain ?? noUncertainty()) };
    if (ann.output !== undefined) delete uncertain.output;
    else uncertain.output = { ...(uncertain.output ?? { assumed: this.a.outputTokens }), kind: 'agent-step' };
    const rangeInputs: RangeSpec = { uncertain, toolResultAssumed: ann.toolResult === undefined, steps: stepRange(stepInfo, workload.steps) };
    const costPerTask = widenTaskWithAlternatives(
      estimate && model.offering ? priceWithRange(this.env.catalog, model.offering, workload, estimate.perUnit, rangeInputs) : unpricedFor(model),
      call?.report,
    );
    const notes: SiteAssumption[] = [
      ...(call?.report.assumptions ?? []).filter((n) => n.subject !== 'output' && n.subject !== 'calls-per-day' && n.subject !== 'reasoning'),
      ...(call ? [] : model.source === 'default' ? [defaultModelNote(model.id, this.a)] : []),
      stepsNote(steps === 0 && stepsFrom === 'code' ? 0 : workload.steps, stepsFrom, limit, this.a, stepInfo.alternatives),
      ann.output !== undefined ? { subject: 'output', value: workload.outputTokens, from: 'annotation' } : (call?.report.assumptions?.find((n) => n.subject === 'output') ?? outputNote(undefined, workload.outputTokens, undefined, this.a)),
      toolResultNote(ann, this.a),
      callsPerDayNote(ann, this.a),
      ...(uncached ? [{ subject: 'caching' as const, value: 'none', from: 'code' as const, detail: uncached }] : []),
    ];
    const report: AgentLoopReport = {
      id: loop.id,
      line: loop.line,
      column: loop.column,
      endLine: loop.endLine,
      endColumn: loop.endColumn,
      framework: loop.framework,
      // No pass under the defaults (a countdown from a setting that is off): 0 passes, priced as the one pass it costs once on.
      maxSteps: steps === 0 && stepsFrom === 'code' ? 0 : workload.steps,
      bounded,
      stepsFrom,
      ...(limit !== undefined ? { stepLimit: limit } : {}),
      model: model.id,
      costPerTask,
      ...(estimate?.agentTax !== undefined ? { agentTax: estimate.agentTax } : {}),
      tokens: { input: estimate?.tokens.input ?? workload.inputTokens * workload.steps, output: estimate?.tokens.output ?? workload.outputTokens * workload.steps },
      ...(estimate ? { latencyMs: estimate.latencyMs } : {}),
      ...(estimate?.overflowStep !== undefined ? { overflowStep: estimate.overflowStep } : {}),
      workload,
      ...(call?.report.inputUnknown ? { inputUnknown: call.report.inputUnknown } : {}),
      ...(loop.callId ? { callId: loop.callId } : {}),
      ...(followed ? { boundKind: followed.kind ?? ('counter' as const), ...(followed.at ? { boundAt: followed.at } : {}) } : {}),
      assumptions: notes,
      ...(hasUncertainty(rangeInputs) ? { rangeInputs } : {}),
      ...(loop.rule ? { rule: loop.rule } : {}),
    };
    this.diagnostics.push(...loopDiagnostics(loop, report, fw, estimate?.contextWindow));
    this.diagnostics.push(...budgetDiagnostics('task', loop, costPerTask, this.a.budgets));
    return { report, costPerTask, annotation: ann, estimate };
  }

  /** The loop priced again at its passes: the diagnostics of its first pricing stand, not twice. */
  private repriced(loop: DetectedLoop, call: PricedCall | undefined): ReturnType<FileAnalysis['priceLoop']> {
    const [n, out] = [this.diagnostics.length, this.priceLoop(loop, call)];
    this.diagnostics.splice(n);
    return out;
  }

  /** A loop found through the repository's call graph, priced on the request it reaches (possibly in another file). */
  private priceRepoLoop(r: RepoLoop, priced: ReadonlyMap<string, PricedCall>): ReturnType<FileAnalysis['priceLoop']> {
    const local = r.step.path === this.file.path ? priced.get(r.step.callId) : undefined;
    const report = local?.report ?? this.env.repo?.stepCall(r.step.path, r.step.callId);
    const call: PricedCall | undefined = local ?? (report ? { report, model: this.resolver.choose(report.modelResolved ?? report.model), workload: report.workload, uncertain: report.rangeInputs?.uncertain ?? noUncertainty() } : undefined);
    const perStep = report?.costPerCall.kind === 'priced' ? report.costPerCall.usd : undefined;
    const budgeted = priceBudgeted(r, perStep, this.a.unboundedSteps, (loop) => this.priceLoop(loop, call));
    const stepReport = (path: string, id: string): CallReport | undefined => (path === this.file.path ? priced.get(id)?.report : this.env.repo?.stepCall(path, id));
    const out = pricePasses(budgeted, r.perPass && { writers: r.perPass.writers, requests: r.perPass.sites.map((s) => ({ site: s, report: stepReport(s.path, s.callId) })) }, (n) => this.repriced({ ...r.loop, maxSteps: n }, call));
    const source = report?.modelSource;
    out.report = {
      ...out.report,
      ...(r.boundKind ? { boundKind: r.boundKind } : {}),
      ...(r.boundAt ? { boundAt: r.boundAt } : {}),
      stepSites: r.stepSites,
      ...(r.sometimesSites?.length ? { sometimesSites: r.sometimesSites, assumptions: [...(out.report.assumptions ?? []), sometimesNote(r.sometimesSites)] } : {}),
      ...(source ? { modelSource: source } : {}),
    };
    return out;
  }

  private pricePrompt(prompt: DetectedPrompt, calls: readonly DetectedCall[], priced: ReadonlyMap<string, PricedCall>): PromptReport {
    const owner = calls.find((c) => c.promptIds.includes(prompt.id));
    const model = owner ? priced.get(owner.id)!.model : this.modelOf(this.file.fileModel, undefined, prompt.annotation);
    const { report, swingTokens } = pricePrompt(prompt, model, owner ? this.annotationOf(owner) : undefined, this.a);
    this.promptUncertainty.set(prompt.id, swingTokens);
    return prompt.reason ? { ...report, reason: prompt.reason } : report;
  }

  private instructionsReport(prompts: readonly PromptReport[]): InstructionFileReport {
    const swing = prompts.reduce((n, p) => n + (this.promptUncertainty.get(p.id) ?? 0), 0);
    return priceInstructions(prompts, swing, this.resolver.choose(this.a.codingModel, undefined, 'default'));
  }
}

