/**
 * The repository model: one index of the workspace's files (facts from detection, configuration, prompt files),
 * and the cross-file answers pricing asks for — a call's model, a wrapper's uses, loops through the call graph,
 * prompts loaded at run time, imported prompt constants. Built once per scan (or lazily for the editor) and
 * updated per changed file; answers are cached per generation.
 */
import type { DetectedCall, DetectedFile, DetectedLoop, DetectedPrompt, ValueRef } from '../detect/types';
import type { CallReport, CallUse, FileReport, SiteScope, SourceRef } from '../report/types';
import type { CallFact, Expr, FunctionFact } from './facts';
import { receiverModel } from './receiver-models';
import { Evaluator, type Ctx, type Val } from './evaluate';
import { tryEval } from './eval-args';
import { importedPromptOf } from './imported-prompt';
import { modelInstance, modelOf, refExpr } from './resolved-models';
import { exprText } from './extract';
import { CallGraph } from './graph';
import { findRepoLoops } from './loops';
import { chatModelImplementations, isModelInvoke, refCtx } from './model-invokes';
import { implementationLoopOf, withHelperImplementations } from './implementation-helpers';
import { clearMajority, collectTypeDefaults, defaultSite, mainVariant, type TypeDefault } from './type-defaults';
import { collectUiDefaults, pickUiDefault } from './ui-defaults';
import { sdkCannotSend, vendorOf } from './vendor';
import { schemaPromptsByFile } from './schema-prompts';
import { splicedConstantsByFile } from './spliced-constants';
import { inactiveToolPromptIds, inactiveToolSpans, withToolPartTexts } from './tool-part-texts';
import { builderPromptsByFile } from './message-builders';
import { toolClassPromptsByFile } from './tool-classes';
import { dispatchedToolPromptsByFile, toolFunctionPromptsByFile } from './tool-functions';
import { toolErrorPromptsByFile } from './tool-error-texts';
import { mentionIndex, unsentPromptIds } from './unsent-prompts';
import { localePromptsByFile } from './locale-prompts';
import { configKeysFormattedIntoPrompts, referencedFiles } from './loaded-files';
import { collectLoadedPromptFiles, namedLoaderCodePrompts, namedLoaderFiles, withoutOverlaps } from './loaded-prompt-files';
import { familyLoadedPrompts, loadedPromptsOfCall, type LoadedPromptsHost } from './call-loaded-prompts';
import { findAgentRuns, runModelOf, type AgentRuns } from './cross-file-runs';
import { subclassIndex, type HeldPromptSources } from './held-prompts';
import { RepoStore } from './store';
import { TypedRequests } from './typed-requests';
import { PyFamilies } from './py-families';
import { BranchSites } from './branch-sites';
import { RequestLayers } from './request-layers';
import { LibraryRuns, orderedCallers } from './library-runs';
import { branchModel } from './branch-locals';
import type { LoadedPrompt, RepoHints, RepoLoop, ResolvedModel } from './types';
import { filesRunAnyway } from './runs-anyway';
import { allSentTexts } from './sent-texts';
import { promptDirFiles } from './prompt-dirs';
import { scopeOfPath } from '../report/scope';
import { routeIndex, routeModel } from './route-callers';
import { relayIndex, relayModel, type RelaySender } from './relays';
import { keyedField } from './client-picks';
import { graphCycleLoops } from './graph-cycles';
import { assistantModel, assistantSetModels, isAssistantRun, unnamedAssistantReason } from './assistant-models';
import { graphRecursionLimit, namedLimitBound } from './graph-limits';
import { passedInsteadOfDefault, type PassedDefault } from './passed-defaults';

export type { RepoHints, RepoLoop, ResolvedModel, LoadedPrompt } from './types';
export { isConfigPath } from './config-files';

export interface RepoIndexHost {
  /** Text of a repository file by relative path (prompt files read at run time); undefined when unreadable. */
  readonly readText?: (path: string) => string | undefined;
}

export class RepoIndex implements RepoHints {
  readonly store = new RepoStore();
  private readonly graph: CallGraph;
  private evaluator: Evaluator;
  private cacheGeneration = -1;
  private readonly cache = new Map<string, unknown>();
  private pricer?: (file: DetectedFile) => FileReport;
  private readonly pricing = new Set<string>();

  constructor(private readonly host: RepoIndexHost = {}) {
    this.store.reader = host.readText;
    this.graph = new CallGraph(this.store, () => this.evaluator);
    this.evaluator = new Evaluator(this.store, (path, fn) => this.graph.callers(path, fn).map((e) => ({ ...e.bound, line: e.line })));
  }

  update(file: DetectedFile): void {
    this.store.update(file);
  }

  remove(path: string): void {
    this.store.remove(path);
  }

  /** A non-code file of the repository: configuration (parsed) or a file the code may read. */
  addText(path: string, text: string | undefined): void {
    this.store.addText(path, text);
  }

  /** How a step call of another file is priced (the host's `analyzeDetected` with this index). */
  setPricer(price: (file: DetectedFile) => FileReport): void {
    this.pricer = price;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.cacheGeneration !== this.store.generation) {
      this.cache.clear();
      this.graph.invalidate();
      this.cacheGeneration = this.store.generation;
    }
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  private ctxOf(path: string, callId: string): { ctx: Ctx; model?: Expr; body?: Expr; fact: CallFact } | undefined {
    const stored = this.store.get(path);
    const fact = stored?.facts.calls.find((c) => c.id === callId);
    if (!stored || !fact) return undefined;
    return { ctx: { path, fn: fact.fn ? stored.functions.get(fact.fn) : undefined }, model: fact.model, body: fact.bodyModel, fact };
  }

  modelFor(path: string, call: DetectedCall): ResolvedModel | undefined {
    return this.memo(`m:${path}#${call.id}`, () => {
      const senders = this.relayOf(path, call.id); // a relay of the app's own SDK requests runs on their model (relays.ts)
      const relayed = senders && relayModel(senders, (p, id) => this.stepCall(p, id));
      if (relayed) return relayed;
      if (call.id.endsWith('.f')) return this.pyFamilies().modelOf(path, call.id);
      if (call.id.endsWith('.br')) return this.branchSites().modelOf(path, call.id);
      if (call.id.endsWith('.layer')) return this.requestLayers().modelOf(path, call.id);
      if (call.id.endsWith('.lib')) return this.libraryRuns().modelOf(path, call.id);
      if (call.id.endsWith('.run')) return runModelOf(this.agentRuns(), path, call.id, (p, c) => this.modelFor(p, c));
      if (!call.modelRef && isAssistantRun(call.callee)) return assistantModel(this.assistantSets());
      const at = this.ctxOf(path, call.id);
      const onObject = at && receiverModel(this.evaluator, at.fact, at.ctx, call.line);
      if (onObject) return onObject;
      const expr = at?.model ?? (call.modelRef ? refExpr(call.modelRef.text, call.modelRef.kind, call.modelRef.line) : at?.body);
      if (!at || !expr) return undefined;
      // Sent on a branch of a wrapper switching on the model it is given: the callers' model that takes this branch.
      const when = at.ctx.fn ? this.store.get(path)?.facts.calls.find((c) => c.id === call.id)?.when : undefined;
      const branched = when?.length && at.ctx.fn ? branchModel(when, expr, at.ctx, orderedCallers(this.graph.callers(path, at.ctx.fn.name).map((e) => ({ ...e.bound, line: e.line })), path), (e, c) => tryEval(this.evaluator, e, c)) : undefined;
      if (branched) return branched;
      // A ref detection followed into another function of the file (`**params` built in a method): read it there.
      const ctx = !at.model && call.modelRef ? refCtx(this.store, path, call.modelRef.line, at.ctx) : expr === at.body ? { ...at.ctx, sentBody: true } : at.ctx;
      const v = modelInstance(this.evaluator, tryEval(this.evaluator, expr, ctx));
      if (v?.t === 'inst' && !v.ctx) return this.typeDefault(v.cls.name, expr);
      return v?.t === 'client' ? keyedField(v, this.routeModel(path, call, v) ?? this.uiDefault(v, vendorOf(call)), (x, c) => tryEval(this.evaluator, x, c)) : modelOf(v, expr);
    });
  }

  /** A value known only by its annotation: the model of the repository's default instance of that type (type-defaults.ts). */
  private typeDefault(cls: string, expr: Expr): ResolvedModel | undefined {
    const sites = this.memo('type-defaults', () => collectTypeDefaults(this.store, (p) => this.scopeOf(p) === 'runtime')).get(cls) ?? [];
    const found: { model: ResolvedModel; site: TypeDefault }[] = [];
    for (const site of sites) {
      const at = defaultSite(this.store, site);
      const v = at ? modelInstance(this.evaluator, tryEval(this.evaluator, at.expr, at.ctx)) : undefined;
      const m = v?.t === 'str' ? modelOf(v, at!.expr) : undefined;
      if (m) found.push({ model: m, site });
    }
    const main = mainVariant(found, (f) => f.site.path);
    const pick = clearMajority(main.map((f) => f.model.model));
    const hit = pick ? main.find((f) => f.model.model === pick.value) : undefined;
    if (!hit || !pick) return undefined;
    const share = pick.count < found.length ? ` (${pick.count} of ${found.length} defaults of that type)` : '';
    return { model: hit.model.model, source: { ...hit.model.source, detail: `${exprText(expr)}: ${cls}, the default ${hit.site.param} of ${hit.site.fn} → ${JSON.stringify(hit.model.model)}${share}` } };
  }

  /** A model the client sends to a route of the app: what the route's senders write in the body (route-callers.ts). */
  private routeModel(path: string, call: DetectedCall, v: Extract<Val, { t: 'client' }>): ResolvedModel | undefined {
    const fn = this.store.get(path)?.facts.calls.find((c) => c.id === call.id)?.fn;
    const host = { store: this.store, evaluator: this.evaluator, index: this.memo('routes', () => routeIndex(this.store)), callers: (p: string, f: string) => this.graph.callers(p, f) };
    return routeModel(host, v, { path, fn, line: call.line, callee: call.callee });
  }

  /** A model the client sends: the UI's default (ui-defaults.ts). */
  private uiDefault(v: Extract<Val, { t: 'client' }>, vendor: string | undefined): ResolvedModel | undefined {
    const hit = pickUiDefault(this.memo('ui-defaults', () => collectUiDefaults(this.store, this.evaluator)), v.field, vendor, v.pick?.aliases !== undefined);
    if (!hit) return undefined;
    const field = v.from === 'run-config' ? `configurable ${v.field} of the run's config` : v.field ? `${v.field} of the request body` : 'the request body';
    return { model: hit.model, source: { from: 'ui-default', at: hit.at, detail: `chosen in the UI (${field}, ${v.path}:${v.line}); default ${hit.name}` } };
  }

  /** The models the repository's Assistants API assistants are set to: an assistant run's model (assistant-models.ts). */
  private readonly assistantSets = () => this.memo('assistant-sets', () => assistantSetModels(this.store, this.evaluator));
  unnamedReason(path: string, call: DetectedCall): string | undefined {
    return unnamedAssistantReason(this.store, path, call, this.assistantSets());
  }

  boundFor(path: string, loop: DetectedLoop): ReturnType<RepoHints['boundFor']> {
    // A limit detection could only name (a router's config value), else the recursion limit the graph is run with elsewhere.
    return this.memo(`b:${path}#${loop.id}`, () => (loop.boundRef ? namedLimitBound(this.store, this.evaluator, path, loop) : graphRecursionLimit(this.store, this.graph, this.evaluator, path, loop)));
  }

  usesFor(path: string, callId: string): readonly CallUse[] | undefined {
    return this.memo(`u:${path}#${callId}`, () => {
      const at = this.ctxOf(path, callId);
      const fn = at?.ctx.fn;
      if (!at || !fn) return undefined;
      const uses: CallUse[] = [];
      const call = this.store.get(path)?.file.calls.find((c) => c.id === callId);
      for (const edge of this.graph.callers(path, fn.name)) {
        if (edge.path === path && edge.from === fn.name) continue;
        const found = at.model ? modelOf(tryEval(this.evaluator, at.model, { ...at.ctx, bound: edge.bound }), at.model) : undefined;
        // A caller's model the request's SDK cannot send reached it through another class of the family: not this use's.
        const model = found && !(call && sdkCannotSend(call, found.model)) ? found : undefined;
        uses.push({ path: edge.path, line: edge.line, via: edge.callee, ...(model ? { model: model.model, modelSource: model.source } : {}) });
      }
      return uses.length ? uses : undefined;
    });
  }

  isUse(path: string, callId: string): boolean {
    return this.memo(`w:${path}#${callId}`, () => {
      const stored = this.store.get(path);
      const fact = stored?.facts.calls.find((c) => c.id === callId);
      const call = stored?.file.calls.find((c) => c.id === callId);
      if (!stored || !fact || !call || call.agent || isModelInvoke(call)) return false;
      return this.graph.outgoing(path, fact.fn).some((e) => e.line === call.line && e.target.fn !== fact.fn && this.hasRequest(e.target.path, e.target.fn));
    });
  }

  relayOf(path: string, callId: string): readonly RelaySender[] | undefined {
    return this.memo('relays', () => relayIndex(this.store, (p) => this.scopeOf(p))).get(`${path}#${callId}`);
  }

  isImplementation(path: string, callId: string): boolean {
    return this.memo('impl', () => withHelperImplementations(this.store, this.graph, chatModelImplementations(this.store, new Set([...this.typedRequests().implementations(), ...this.pyFamilies().implementations()])))).has(`${path}#${callId}`) || this.requestLayers().isImplementation(path, callId);
  }

  revealedCalls(path: string, withLayers = true): readonly DetectedCall[] {
    const layers = withLayers ? this.requestLayers().revealed(path) : []; // the first callers outside a request layer (request-layers.ts)
    if (layers.length) return [...this.revealedCalls(path, false), ...layers];
    const family = this.pyFamilies().revealed(path);
    const library = this.libraryRuns().revealed(path);
    const typed = this.typedRequests().revealed(path);
    const branches = this.branchSites().revealed(path);
    const all = family.length || library.length ? [...typed, ...family, ...library.filter((c) => !family.some((f) => f.line === c.line))] : typed;
    return branches.length ? [...all, ...branches] : all;
  }

  /** Memoised site finders beside the detectors: library objects (library-runs.ts), branch-picked sites
   * (branch-sites.ts), request layers (request-layers.ts), the own chat-model class family (py-families.ts). */
  private libraryRuns = (): LibraryRuns => this.memo('library-runs', () => new LibraryRuns(this.store, this.evaluator, (p, fn) => this.graph.callers(p, fn).map((e) => ({ ...e.bound, line: e.line }))));
  private branchSites = (): BranchSites => this.memo('branch-sites', () => new BranchSites(this.store, this.evaluator, (p, fn) => this.graph.callers(p, fn).map((e) => ({ ...e.bound, line: e.line }))));
  private requestLayers = (): RequestLayers => this.memo('request-layers', () => new RequestLayers(this.store, this.graph, this.evaluator, (p) => this.fileText(p)));
  private pyFamilies = (): PyFamilies => this.memo('py-families', () => new PyFamilies(this.store, this.evaluator, (p, fn) => this.graph.callers(p, fn).map((e) => ({ ...e.bound, line: e.line })), (p, c) => this.modelFor(p, c)));
  private typedRequests = (): TypedRequests => this.memo('typed', () => new TypedRequests(this.store));

  private hasRequest(path: string, fn: string): boolean {
    const stored = this.store.get(path);
    return Boolean(stored?.facts.calls.some((c) => c.fn === fn && stored.file.calls.some((d) => d.id === c.id && !d.agent)));
  }

  private agentRuns = (): AgentRuns => this.memo('runs', () => findAgentRuns(this.store, this.evaluator));

  private loops = (): RepoLoop[] => this.memo('loops', () => [...findRepoLoops(this.store, this.graph, this.evaluator, (p) => this.revealedCalls(p, false)), ...this.agentRuns().loops, ...graphCycleLoops(this.store, this.graph, this.evaluator)]);

  /** A model read from a parameter's signature default: what the runtime callers pass in its place (passed-defaults.ts). */
  passedModel(path: string, param: ValueRef): PassedDefault | undefined {
    return this.memo(`pd:${path}:${param.line}:${param.text}`, () => passedInsteadOfDefault(this.store, this.evaluator, (p, fn) => this.graph.callers(p, fn).map((e) => ({ ...e.bound, line: e.line })), path, param));
  }

  runsElsewhere(path: string): ReadonlyMap<string, string> | undefined {
    return this.agentRuns().elsewhere.get(path);
  }

  runRequestsIn(path: string): readonly DetectedCall[] {
    return (this.agentRuns().requests.get(path) ?? []).map((r) => r.call);
  }

  loopsFor(path: string): readonly RepoLoop[] {
    return this.loops().filter((l) => l.path === path);
  }

  loopStepOf(path: string, line: number): string | undefined {
    return this.memo(`ls:${path}#${line}`, () => {
      // Inside several loops' steps: a step of the nearest (fewest calls away).
      let outer: RepoLoop | undefined;
      let nearest = Infinity;
      for (const l of this.loops()) {
        const inner = l.innerLoops?.find((i) => i.path === path && i.line === line);
        if (inner && inner.hops < nearest) [outer, nearest] = [l, inner.hops];
      }
      if (!outer) return implementationLoopOf(this.store, path, line, (p, id) => this.isImplementation(p, id), this.loops().find((l) => l.path === path && l.loop.line === line)?.step);
      return outer.path === path ? outer.loop.id : `${outer.path}#${outer.loop.id}`;
    });
  }

  stepOf(path: string, callId: string): string | undefined {
    return this.memo(`s:${path}#${callId}`, () => {
      const idOf = (l: RepoLoop): string => (l.path === path ? l.loop.id : `${l.path}#${l.loop.id}`);
      for (const l of this.loops()) if (l.step.path === path && l.step.callId === callId) return idOf(l);
      // Another request of a loop's step (the second speaker of a debate cycle) is priced in that loop's task too:
      // billed on its own at full traffic, it was counted twice. Not a wrapper's request: its callers outside the
      // loop (a trader and a manager calling the helper an analyst node calls too) are uses billed on their own.
      const line = this.store.get(path)?.file.calls.find((c) => c.id === callId)?.line;
      const shared = (): boolean => (this.usesFor(path, callId)?.length ?? 0) > 0;
      for (const l of this.loops()) if (l.stepSites.some((s) => s.path === path && s.line === line) && !shared()) return idOf(l);
      // A run of an agent of another file is the request of the run's loop: priced there, not billed again.
      if (callId.endsWith('.run')) return this.agentRuns().requests.get(path)?.find((r) => r.call.id === callId)?.loopId;
      return undefined;
    });
  }

  stepCall(path: string, callId: string): CallReport | undefined {
    const file = this.store.get(path)?.file;
    // A file already being priced (loops reaching each other's files) has no step report yet.
    if (!file || !this.pricer || this.pricing.has(path)) return undefined;
    const report = this.memo(`r:${path}`, () => {
      this.pricing.add(path);
      try {
        return this.pricer!(file);
      } finally {
        this.pricing.delete(path);
      }
    });
    return report.calls.find((c) => c.id === callId);
  }

  loadedPrompts(path: string, call: DetectedCall): readonly LoadedPrompt[] {
    return this.memo(`p:${path}#${call.id}`, () => {
      const at = this.ctxOf(path, call.id);
      if (at) return loadedPromptsOfCall(this.loadedHost(), path, call, { ctx: at.ctx, fact: this.store.get(path)?.facts.calls.find((c) => c.id === call.id) });
      const site = call.id.endsWith('.f') ? this.pyFamilies().byFile.get(path)?.find((s) => s.call.id === call.id) : undefined;
      return site ? familyLoadedPrompts(this.loadedHost(), site, call) : [];
    });
  }

  private loadedHost(): LoadedPromptsHost {
    return { store: this.store, evaluator: this.evaluator, fileText: (p) => this.fileText(p), heldSources: () => this.heldSources(), sent: () => this.sent() };
  }

  private heldSources(): HeldPromptSources {
    return {
      store: this.store,
      evaluator: this.evaluator,
      callers: (path, fn) => this.graph.callers(path, fn),
      subclasses: () => this.memo('subclasses', () => subclassIndex(this.store)),
      linkedConfigs: () => this.memo('linked-configs', () => [...this.referenced().values()].flatMap((v) => (v.t === 'cfg' ? [v.doc] : []))),
    };
  }

  private sent(): ReturnType<typeof allSentTexts> {
    const host: Parameters<typeof allSentTexts>[0] = { store: this.store, callers: (p, fn) => this.graph.callers(p, fn), outgoing: (p, fn) => this.graph.outgoing(p, fn), dirFiles: () => this.memo('prompt-dirs', () => promptDirFiles(this.store)) };
    return this.memo('sent', () => allSentTexts(host, (p, id) => this.isUse(p, id)));
  }

  private fileText(path: string): string | undefined {
    return this.store.text(path) ?? this.host.readText?.(path);
  }

  private referenced(): Map<string, Val> {
    return this.memo('referenced', () => referencedFiles(this.store, this.evaluator));
  }

  scopeOf(path: string, kind?: string): SiteScope {
    // Files the repository runs whatever their path says: installed commands, and test-named modules runtime code imports.
    return scopeOfPath(path, kind, filesRunAnyway(this.store));
  }

  unsentPrompts(path: string): ReadonlySet<string> {
    return inactiveToolPromptIds(this.store, this.memo('inactive-tools', () => inactiveToolSpans(this.store)), path, unsentPromptIds(this.store, this.evaluator, this.memo('prompt-mentions', () => mentionIndex(this.store)), path)); // and tools `activeTools` leaves out
  }

  revealedPrompts(path: string): readonly DetectedPrompt[] {
    const schemaHits = this.memo('revealed', () => schemaPromptsByFile(this.store, this.evaluator)).get(path) ?? [];
    // Text constants another module splices into a sent prompt (spliced-constants.ts); tool texts behind a call (tool-part-texts.ts).
    const spliced = this.memo('spliced', () => withToolPartTexts(this.store, splicedConstantsByFile(this.store), this.memo('revealed', () => schemaPromptsByFile(this.store, this.evaluator)))).get(path) ?? [];
    const schemas = spliced.length ? [...schemaHits, ...spliced] : schemaHits;
    return withoutOverlaps(schemas, this.store.get(path)?.file.prompts ?? [], [
      // Texts passed to the wrappers a request sits in (sent-texts.ts).
      this.sent().prompts.get(path) ?? [],
      // Texts added to a conversation through the repository's own message methods (message-builders.ts).
      this.memo('built', () => builderPromptsByFile(this.store)).get(path) ?? [],
      // Locale texts a message's content takes (`content: Locale.Store.Prompt.Topic`), where each language writes them (locale-prompts.ts).
      this.memo('locale-prompts', () => localePromptsByFile(this.store, (p) => this.fileText(p))).get(path) ?? [],
      // Attributes of tool classes that a base class's schema builder sends (tool-classes.ts).
      this.memo('tool-classes', () => toolClassPromptsByFile(this.store, this.evaluator)).get(path) ?? [],
      // Functions handed to the model as tools by their signature and docstring (tool-functions.ts); what a dispatched tool returns (dispatched-tools.ts) or raises (tool-error-texts.ts).
      [...(this.memo('tool-functions', () => toolFunctionPromptsByFile(this.store, (p) => this.fileText(p))).get(path) ?? []), ...(this.memo('tool-returns', () => dispatchedToolPromptsByFile(this.store)).get(path) ?? []), ...(this.memo('tool-errors', () => toolErrorPromptsByFile(this.store)).get(path) ?? []), ...namedLoaderCodePrompts(path, this.fileText(path), this.namedLoaders())],
    ]);
  }

  /** Files of prompts the code loads at run time that detection does not read as prompt files (loaded-prompt-files.ts), priced where sent. */
  loadedPromptFiles(): readonly DetectedFile[] {
    return this.memo('loaded-files', () =>
      collectLoadedPromptFiles({
        store: this.store,
        fileText: (p) => this.fileText(p),
        loadedPrompts: (p, call) => this.loadedPrompts(p, call),
        sentGroups: () => this.sent().byCall.values(),
        referenced: () => this.referenced(),
        formattedConfigs: () => configKeysFormattedIntoPrompts(this.store, this.evaluator),
        namedLoaders: () => this.namedLoaders(),
      }),
    );
  }

  /** Files the repository's loaders read by a literal name their callers pass (named-loader-files.ts). */
  private namedLoaders = () => this.memo('named-loaders', () => namedLoaderFiles(this.store, (e, c) => tryEval(this.evaluator, e, c), (p, f) => this.graph.callers(p, f), (p) => this.fileText(p)));
  importedPrompt = (fromPath: string, module: string, name: string): DetectedPrompt | undefined => importedPromptOf(this.store, fromPath, module, name);
}
