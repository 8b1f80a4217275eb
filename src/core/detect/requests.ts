/**
 * Calls are requests. A model binding (`ChatOpenAI(…)`, `init_chat_model(…)`) sends nothing; each place
 * that invokes it does: `llm.invoke(…)`, `llm.with_structured_output(X).ainvoke(…)`,
 * `llm.bind_tools(T).stream(…)`, `(prompt | llm).invoke(…)`, `embeddings.embed_query(…)`. The binding is
 * found through variables (the declaration in scope before the use), `self.x` / `this.x` fields, local
 * factory functions and dicts of factories; bindings picked in exclusive branches make one request with
 * alternatives. A model-named value made elsewhere (`self.llm`, an imported `model`) invoked here is a
 * request whose model is a `ValueRef` for the repository pass.
 */
import type { PromptKind, SiteNeeds } from '../report/types';
import { chooseDefault, enclosingFunction, exclusive } from './branches';
import { ForeignModels, WRAPS, type Wrapping } from './foreign-models';
import type { CallInfo } from './call-links';
import type { CallRule } from './frameworks';
import { isFunctionLike, LcelSteps, unwrap, type ModelStep } from './lcel-steps';
import type { ModelValue, ModelValues } from './model-resolve';
import { toolsFrom } from './model-values';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { requestSpanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import { STORE_EMBEDS, storeEmbeddings } from './vector-stores';
import type { DetectedAlternative, DetectedCall } from './types';

const INVOKE = /\.(invoke|ainvoke|stream|astream|batch|abatch|astream_events|streamEvents|predict|apredict)$/;
const EMBED = /\.(embed_documents|embed_query|aembed_documents|aembed_query|embedDocuments|embedQuery)$/;
/** A vector store built from texts: it embeds them all with the embeddings object it is handed (`FAISS.from_documents(docs, emb)`). */
const STORE_FROM = /\.(fromDocuments|fromTexts|from_documents|from_texts|afrom_documents|afrom_texts)$/;
export { MODEL_NAME } from './foreign-models';

export const REQUEST_RULE: CallRule = { framework: 'langchain', role: 'call', messagesArg: 0 };

interface Found {
  readonly binding: CallInfo;
  /** The node that picked this binding (a declaration's value, a dict entry, a return): decides exclusivity. */
  readonly via: SyntaxNode;
}

export class RequestFinder {
  private readonly byNode = new Map<number, CallInfo>();
  private readonly siteNodes = new Set<number>();
  /** LCEL model steps already a request, or run at a request of their chain's run. */
  private readonly reachedSteps = new Set<number>();
  private readonly lcel: LcelSteps;
  private readonly foreign: ForeignModels;

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    private readonly sites: SiteRegistry,
    private readonly calls: CallInfo[],
    private readonly values: ModelValues,
    private readonly prompts: PromptReader,
    /** Bindings merged into an alternative site: their node → the site that stands for them. */
    merged: ReadonlyMap<number, CallInfo>,
  ) {
    for (const c of calls) {
      this.siteNodes.add(c.node.id);
      if (c.call.role === 'binding') this.byNode.set(c.node.id, c);
    }
    for (const [id, c] of merged) if (c.call.role === 'binding') this.byNode.set(id, c);
    this.foreign = new ForeignModels(syntax, values, (id) => this.declarationsFor(id));
    this.lcel = new LcelSteps(syntax, {
      valuesOf: (n) => this.valuesOf(n),
      isModel: (n) => this.modelsOf(n, { tools: [], toolsBound: false, structured: false }).length > 0,
      isPassedModel: (n) => this.foreign.stepModel(n, { tools: [], toolsBound: false, structured: false }) !== undefined,
    });
  }

  run(): void {
    for (const node of this.collected.calls) {
      if (this.siteNodes.has(node.id)) continue;
      const callee = this.syntax.callee(node);
      if (STORE_FROM.test(callee)) {
        this.storeEmbeddings(node, callee);
        continue;
      }
      const receiver = this.syntax.receiver(node);
      if (receiver && STORE_EMBEDS.test(callee)) {
        this.storeQuery(node, callee, receiver);
        continue;
      }
      const embed = EMBED.test(callee);
      if (!receiver || (!embed && !INVOKE.test(callee))) continue;
      const steps = embed ? undefined : this.lcel.stepsOf(receiver);
      // A chain with several model steps sends one request per step (lcel-steps.ts); with one, the run is its request.
      if (steps && steps.length > 1) {
        this.addSteps(steps, callee);
        continue;
      }
      // The chain runs here: its steps on models handed in are this run's request too (addForeignRequest), not again at the step.
      for (const s of [...(steps ?? []), ...(embed ? [] : (this.lcel.stepsOf(receiver, true) ?? []))]) this.reachedSteps.add(s.node.id);
      const wrap: Wrapping = { tools: [], toolsBound: false, structured: false };
      const found = this.bindingsOf(receiver, wrap, 0, new Set());
      if (found.length) this.addRequest(node, callee, found, wrap, embed);
      else if (!embed && !this.addForeignRequest(node, callee, receiver, wrap)) {
        // A chain built by a factory on a model it is handed (`chain = make_chain(self.llm); chain.invoke(…)`): the run.
        const passed = this.lcel.stepsOf(receiver, true);
        if (passed?.length === 1) this.addForeignStep(passed[0], callee, node);
      }
    }
    // Chains returned or exported run elsewhere: their model steps no run here reached are requests at the step. A
    // step that nothing feeds (`(init_chat_model(m) | RunnableLambda(check)).with_retry()`) makes a model wrapper,
    // called like a model where it runs: no chain of its own.
    // A model step may be a model the file is handed (a builder's `llm` parameter): the step is still the request.
    for (const root of this.lcel.escaping(this.collected)) this.addSteps((this.lcel.stepsOf(root, true) ?? []).filter((s) => s.input), undefined);
  }

  /** Each model step of a chain as a request at the step, on its model, sent what the step before it makes. */
  private addSteps(steps: readonly ModelStep[], run: string | undefined): void {
    for (const step of steps) {
      if (this.reachedSteps.has(step.node.id)) continue;
      this.reachedSteps.add(step.node.id);
      const wrap: Wrapping = { tools: [], toolsBound: false, structured: false };
      const found = this.modelsOf(step.node, wrap);
      if (found.length) this.addRequest(step.node, run ?? `${this.syntax.name(step.node) ?? 'model'} step`, found, wrap, false, step);
      else this.addForeignStep(step, run);
    }
  }

  /** The chat-model bindings (no embeddings, no agents) an expression may be. */
  private modelsOf(node: SyntaxNode, wrap: Wrapping): Found[] {
    return this.bindingsOf(node, wrap, 0, new Set()).filter((f) => f.binding.call.kind !== 'embedding' && !f.binding.call.agent);
  }

  /** The values a name or a field may hold where it is used. */
  private valuesOf(n: SyntaxNode): SyntaxNode[] {
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier') return this.declarationsFor(n);
    const field = this.syntax.name(n);
    return field ? this.collected.declarations.filter((d) => d.name === field && !d.isFunction && !contains(d.value, n)).map((d) => d.value) : [];
  }

  /**
   * `SupabaseVectorStore.fromDocuments(docs, new OpenAIEmbeddings(), …)`, `FAISS.from_texts(texts, embedding=emb)`: the
   * store embeds every text through the embeddings binding it is handed, an embedding request on that binding's model.
   */
  private storeEmbeddings(node: SyntaxNode, callee: string): void {
    const args = this.syntax.args(node);
    const wrap: Wrapping = { tools: [], toolsBound: false, structured: false };
    for (const arg of [...args.positional, ...args.named.values()]) {
      const found = this.bindingsOf(arg, wrap, 0, new Set()).filter((f) => f.binding.call.kind === 'embedding');
      if (found.length) return this.addRequest(node, callee, found, wrap, true);
    }
  }

  /** `store.similarity_search(query)`, `vectorStore.addDocuments(docs)`: an embedding request on the store's embeddings (vector-stores.ts). */
  private storeQuery(node: SyntaxNode, callee: string, receiver: SyntaxNode): void {
    const wrap: Wrapping = { tools: [], toolsBound: false, structured: false };
    const embeddings = (arg: SyntaxNode): Found[] => this.bindingsOf(arg, wrap, 0, new Set()).filter((f) => f.binding.call.kind === 'embedding');
    const found = storeEmbeddings(this.syntax, receiver, (n) => this.valuesOf(n), embeddings);
    if (found.length) this.addRequest(node, callee, found, wrap, true, undefined, 'store-query');
  }

  private addRequest(node: SyntaxNode, callee: string, found: readonly Found[], wrap: Wrapping, embed: boolean, step?: ModelStep, tag?: 'store-query'): void {
    const unique = found.filter((f, i) => found.findIndex((g) => g.binding === f.binding) === i);
    const choice = unique.length > 1 && unique.some((f, i) => unique.some((g, j) => j > i && exclusive(f.via, g.via))) ? chooseDefault(this.syntax, unique.map((f) => f.via)) : undefined;
    const chosen = unique[choice?.chosen ?? unique.length - 1];
    const b = chosen.binding.call;
    const alternatives: DetectedAlternative[] = [...(b.alternatives ?? [])];
    if (choice) {
      unique.forEach((f, i) => {
        if (f === chosen) return;
        const c = f.binding.call;
        alternatives.push({
          ...(c.model ? { model: c.model } : c.modelRef ? { modelRef: c.modelRef } : {}),
          ...(c.providerHint ? { providerHint: c.providerHint } : {}),
          line: f.binding.call.line,
          ...(choice.conditions[i] ? { condition: choice.conditions[i] } : {}),
        });
      });
    }
    const span = requestSpanOf(node);
    const args = this.syntax.args(node);
    const input = step ? step.input : (args.positional[0] ?? args.named.get('input') ?? args.named.get('messages'));
    const messages = this.messagesOf(node, input, embed ? 'other' : 'user-template', callee);
    const needs = needsOf(wrap, b.needs);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: b.framework,
      callee,
      ...(b.model ? { model: b.model } : {}),
      ...(b.modelRef ? { modelRef: b.modelRef } : {}),
      ...(b.modelOrigin ? { modelOrigin: b.modelOrigin } : {}),
      ...(b.providerHint ? { providerHint: b.providerHint } : {}),
      ...(b.maxOutputTokens !== undefined ? { maxOutputTokens: b.maxOutputTokens } : {}),
      promptIds: messages.ids,
      tools: wrap.tools.length ? wrap.tools : b.tools,
      agent: false,
      rule: tag ?? (step ? 'lcel-model-step' : 'binding-invoke'),
      inputPlaceholders: messages.placeholders,
      bindingId: b.id,
      ...(embed || b.kind === 'embedding' ? { kind: 'embedding' as const } : {}),
      ...(alternatives.length ? { alternatives } : {}),
      ...(needs ? { needs } : {}),
    };
    if (!this.sites.addCall(call)) return;
    this.calls.push({ node, rule: REQUEST_RULE, call, args });
    this.siteNodes.add(node.id);
  }

  /** `self.llm.ainvoke(…)` on a model made in another file: a request; its model is followed by the repository pass. */
  private addForeignRequest(node: SyntaxNode, callee: string, receiver: SyntaxNode, wrap: Wrapping): boolean {
    const base = this.foreign.pipedModel(this.foreign.baseOf(receiver)) ?? this.foreign.baseOf(receiver);
    const value = this.foreign.valueOf(base);
    if (!value) return false;
    const args = this.syntax.args(node);
    this.addForeign(node, callee, value, wrap, args.positional[0] ?? args.named.get('input') ?? args.named.get('messages'), 'model-named-value');
    return true;
  }

  /**
   * The model step of a composition that runs elsewhere, on a model handed to this file (`agent = get_messages |
   * llm_with_tools` added as a graph node, with `llm` a parameter): the request sits at the step (foreign-models.ts).
   */
  private addForeignStep(step: ModelStep, run: string | undefined, at: SyntaxNode = step.node): void {
    const wrap: Wrapping = { tools: [], toolsBound: false, structured: false };
    const base = this.foreign.stepModel(step.node, wrap);
    const value = base ? this.foreign.valueOf(base) : undefined;
    if (!value) return;
    const input = at === step.node ? step.input : (this.syntax.args(at).positional[0] ?? this.syntax.args(at).named.get('input'));
    this.addForeign(at, run ?? `${this.syntax.name(base!) ?? 'model'} step`, value, wrap, input, 'lcel-passed-model-step');
  }

  private addForeign(node: SyntaxNode, callee: string, value: ModelValue, wrap: Wrapping, input: SyntaxNode | undefined, rule: 'model-named-value' | 'lcel-passed-model-step'): void {
    const span = requestSpanOf(node);
    const messages = this.messagesOf(node, input, 'user-template', callee);
    const needs = needsOf(wrap, undefined);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: 'langchain',
      callee,
      ...(value.model ? { model: value.model } : { modelRef: value.ref }),
      ...(value.origin ? { modelOrigin: value.origin } : {}),
      ...(value.provider ? { providerHint: value.provider } : {}),
      promptIds: messages.ids,
      tools: wrap.tools,
      agent: false,
      rule,
      inputPlaceholders: messages.placeholders,
      ...(value.alternatives?.length ? { alternatives: value.alternatives } : {}),
      ...(needs ? { needs } : {}),
    };
    if (!this.sites.addCall(call)) return;
    this.calls.push({ node, rule: REQUEST_RULE, call, args: this.syntax.args(node) });
    this.siteNodes.add(node.id);
  }

  private messagesOf(node: SyntaxNode, value: SyntaxNode | undefined, kind: PromptKind, callee: string): { ids: string[]; placeholders: string[] } {
    if (!value) return { ids: [], placeholders: [] };
    const r = this.prompts.promptsFrom(value, kind, CONFIDENCE.position, `input of ${callee}`);
    void node;
    return { ids: [...new Set(r.ids)], placeholders: [...new Set(r.placeholders)] };
  }

  /** Bindings an expression may evaluate to, with what its wrappers add (tools, structured output). */
  private bindingsOf(node: SyntaxNode, wrap: Wrapping, depth: number, seen: Set<number>): Found[] {
    if (depth > 8 || seen.has(node.id)) return [];
    seen.add(node.id);
    const syntax = this.syntax;
    const n = unwrap(node);
    const direct = this.byNode.get(n.id);
    if (direct) return [{ binding: direct, via: n }];
    if (n.type === 'call' || n.type === 'call_expression' || n.type === 'new_expression') {
      const callee = syntax.callee(n);
      if (WRAPS.test(callee)) {
        const args = syntax.args(n);
        if (/bind_tools|bindTools/.test(callee)) {
          wrap.toolsBound = true;
          if (args.positional[0]) wrap.tools.push(...toolsFrom(syntax, args.positional[0]));
        }
        if (/with_structured_output|withStructuredOutput/.test(callee)) wrap.structured = true;
        const inner = syntax.receiver(n);
        return inner ? this.bindingsOf(inner, wrap, depth + 1, seen) : [];
      }
      if (/\.pipe$/.test(callee)) {
        const inner = syntax.receiver(n);
        const parts = [...(inner ? [inner] : []), ...syntax.args(n).positional];
        return parts.flatMap((p) => this.bindingsOf(p, wrap, depth + 1, seen));
      }
      if (/(^|\.)RunnableSequence(\.from)?$/.test(callee)) {
        const list = syntax.args(n).positional[0];
        return (list ? (syntax.items(list) ?? []) : []).flatMap((p) => this.bindingsOf(p, wrap, depth + 1, seen));
      }
      // `FACTORIES[provider]()`, `get_llm()`: what a dict entry or a local factory returns.
      const fn = n.childForFieldName('function');
      if (fn && (fn.type === 'subscript' || fn.type === 'subscript_expression')) return this.bindingsOf(fn, wrap, depth + 1, seen).concat(this.calledEntries(fn, wrap, depth, seen));
      if (fn && fn.type === 'identifier') {
        const target = syntax.resolve(fn);
        if (target.id !== fn.id && isFunctionLike(target)) return syntax.returns(target).flatMap((r) => this.bindingsOf(r, wrap, depth + 1, seen).map((f) => ({ ...f, via: r })));
      }
      return [];
    }
    if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '|') {
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      return [...(l ? this.bindingsOf(l, wrap, depth + 1, seen) : []), ...(r ? this.bindingsOf(r, wrap, depth + 1, seen) : [])];
    }
    if (n.type === 'identifier') {
      return this.declarationsFor(n).flatMap((v) => viaDeclaration(this.bindingsOf(v, wrap, depth + 1, seen), v));
    }
    if (n.type === 'attribute' || n.type === 'member_expression') {
      const field = syntax.name(n);
      if (!field) return [];
      const decls = this.collected.declarations.filter((d) => d.name === field && !d.isFunction && !contains(d.value, n));
      return decls.flatMap((d) => viaDeclaration(this.bindingsOf(d.value, wrap, depth + 1, seen), d.value));
    }
    if (n.type === 'subscript' || n.type === 'subscript_expression') {
      const object = n.childForFieldName('value') ?? n.childForFieldName('object');
      const entries = object ? syntax.entries(object) : undefined;
      if (!entries) return [];
      const index = n.childForFieldName('subscript') ?? n.childForFieldName('index');
      const key = index ? syntax.stringConstant(index) : undefined;
      const values = key !== undefined && entries.has(key) ? [entries.get(key)!] : [...entries.values()];
      return values.flatMap((v) => this.bindingsOf(v, wrap, depth + 1, seen).map((f) => ({ ...f, via: v })));
    }
    return [];
  }

  /** `FACTORIES[provider]()`: each entry is a factory (a lambda or a function of the file); its result is the binding. */
  private calledEntries(fn: SyntaxNode, wrap: Wrapping, depth: number, seen: Set<number>): Found[] {
    const object = fn.childForFieldName('value') ?? fn.childForFieldName('object');
    const entries = object ? this.syntax.entries(object) : undefined;
    if (!entries) return [];
    const out: Found[] = [];
    for (const v of entries.values()) {
      const target = this.syntax.resolve(v);
      const bodies = target.type === 'lambda' ? [target.childForFieldName('body')] : isFunctionLike(target) ? this.syntax.returns(target) : [];
      for (const b of bodies) if (b) out.push(...this.bindingsOf(b, wrap, depth + 1, seen).map((f) => ({ ...f, via: v })));
    }
    return out;
  }

  /**
   * The values a name may hold where it is used: in its own function, the declarations before the use
   * (the last one, and those in branches exclusive with it); else the module's.
   */
  private declarationsFor(id: SyntaxNode): SyntaxNode[] {
    const decls = this.collected.declarations.filter((d) => d.name === id.text && !d.isFunction && d.nameNode.type === 'identifier' && !contains(d.value, id));
    if (!decls.length) return [];
    const fn = enclosingFunction(id);
    const scopeOf = (n: SyntaxNode): number | undefined => enclosingFunction(n)?.id;
    const own = decls.filter((d) => scopeOf(d.nameNode) === fn?.id);
    // Python: a nested `def` reads the enclosing functions' names (`model = ChatOpenAI(…)`, then `async def
    // get_output(…): await model.ainvoke(…)` inside the same function), unless it takes the name as a parameter.
    for (let outer = fn, level = 0; !own.length && outer && this.syntax.language === 'python' && level < 3; level++) {
      if (outer.type !== 'function_definition' || new RegExp(`\\b${id.text}\\b`).test(outer.childForFieldName('parameters')?.text ?? '')) break;
      outer = enclosingFunction(outer);
      const scope = outer?.id;
      if (scope !== undefined) own.push(...decls.filter((d) => scopeOf(d.nameNode) === scope));
    }
    const pool = own.length ? own : decls.filter((d) => scopeOf(d.nameNode) === undefined);
    if (!pool.length) return [];
    // A declaration in a branch the use cannot be in (the `if` arm when the use is in the `else`) does not reach it.
    const before = pool.filter((d) => d.nameNode.startIndex < id.startIndex && !exclusive(d.value, id));
    const candidates = before.length ? before : pool;
    const last = candidates[candidates.length - 1];
    return candidates.filter((d) => d === last || exclusive(d.value, last.value)).map((d) => d.value);
  }
}

/** A declaration that yields one binding picks it (its place decides exclusivity); one that yields several keeps their own places. */
function viaDeclaration(found: Found[], declaration: SyntaxNode): Found[] {
  return found.length === 1 ? [{ ...found[0], via: declaration }] : found;
}

function needsOf(wrap: Wrapping, base: SiteNeeds | undefined): SiteNeeds | undefined {
  const needs: { tools?: boolean; structuredOutput?: boolean; vision?: boolean; reasoning?: boolean } = { ...base };
  if (wrap.toolsBound) needs.tools = true;
  if (wrap.structured) needs.structuredOutput = true;
  return Object.keys(needs).length ? needs : undefined;
}
