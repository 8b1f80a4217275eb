/**
 * LangChain's legacy chain API, and requests handed to another function as a callable.
 *
 * - `chain = LLMChain(llm=model, prompt=prompt)` binds nothing new: it sends when it runs —
 *   `chain.run/arun/predict/apredict/invoke/ainvoke/acall(…)`, `chain(…)` — or when a streaming helper runs it
 *   (`StreamingResponse.from_chain(chain, inputs)`, lanarky's FastAPI responses). That place is the request, on
 *   the model of the chain's `llm=`, with the chain's `prompt=`.
 * - The legacy chat-model methods `predict_messages/apredict_messages` (and `generate/agenerate` on a chat model
 *   bound in the file) are requests like `invoke`.
 * - A request method passed uncalled to a function that calls it (`handler(chain.arun, args)`,
 *   `with_retries(func=self.model.apredict_messages, messages=…)`, `asyncio.to_thread(llm.invoke, msgs)`): the
 *   call that receives it is the request. A function of this file counts only when its body calls the parameter
 *   that receives the callable; another one counts unless its name says it stores the callable for later
 *   (`Tool(func=chain.run)`, `register_handler(...)`, `functools.partial`).
 */
import type { CallInfo } from './call-links';
import type { ModelValue, ModelValues } from './model-resolve';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { MODEL_NAME, REQUEST_RULE } from './requests';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

/** LangChain's legacy chain classes that send one request on a model with a prompt. */
const CHAIN_CLASS = /^(LLMChain|ConversationChain)$/;
/**
 * Retrieval and document chains built by their factories, whose `llm` (keyword or first argument) answers once per run
 * with the "stuff" chain type (map-reduce and refine send more: one request is the floor). Read from
 * github:langchain-ai/langchain libs/langchain/langchain/chains/: retrieval_qa/base.py `RetrievalQA.from_chain_type(llm,
 * chain_type="stuff", …)` and `from_llm(llm, …)`; conversational_retrieval/base.py `ConversationalRetrievalChain
 * .from_llm(llm, retriever, …)` (a question-condensing request too once there is history); qa_with_sources
 * `RetrievalQAWithSourcesChain.from_chain_type`; question_answering `load_qa_chain(llm, chain_type=…)`, summarize
 * `load_summarize_chain(llm, …)`. The retriever's query embedding is not priced here.
 */
const CHAIN_FACTORY = /^(RetrievalQA|RetrievalQAWithSourcesChain|ConversationalRetrievalChain|VectorDBQA)\.(from_chain_type|from_llm)$|^(load_qa_chain|load_qa_with_sources_chain|load_summarize_chain)$/;
/** Methods that run a legacy chain (one request each). */
const CHAIN_RUN = /^(run|arun|predict|apredict|invoke|ainvoke|acall|__call__|stream|astream|apply|aapply)$/;
/** Helpers that run a chain they are given (lanarky's `StreamingResponse.from_chain`). */
const RUNS_CHAIN = /(^|\.)(from_chain|stream_chain|run_chain)$/;
/** Request methods of a chat model, legacy and current. */
const MODEL_METHOD = /^(invoke|ainvoke|stream|astream|batch|abatch|predict|apredict|predict_messages|apredict_messages)$/;
/** Request methods whose names other libraries use too (a local transformer's `generate`): only on a chat model bound in the file. */
const BOUND_MODEL_METHOD = /^(generate|agenerate|call_as_llm)$/;
/** Callees that keep a callable for later rather than calling it (a tool definition, a registration, a partial). */
const STORES_CALLABLE = /^(partial|map|filter|sorted|wraps|property|setattr|register\w*|add_\w*|on_\w*|set_\w*|append|extend|insert|from_function|\w*tool\w*|\w*callback\w*|\w*hook\w*|\w*route\w*|\w*schedule\w*)$/i;
/** Fields of a chat-model object that name its model (LangChain's `model_name`, alias `model`). */
const MODEL_FIELD = /^(model|model_name|model_id|deployment_name)$/;
const NOT_MODEL = /(graph|agent|chain|tool|executor|workflow|app|crew|retriever|runnable|parser|pipeline|embedding)s?$/i;

interface Chain {
  readonly node: SyntaxNode;
  readonly llm?: SyntaxNode;
  readonly prompt?: SyntaxNode;
}

interface Target {
  /** The chain run, or the model whose method is the request. */
  readonly chain?: Chain;
  readonly model?: SyntaxNode;
}

export function findChainRequests(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: CallInfo[], values: ModelValues, prompts: PromptReader): void {
  if (syntax.language !== 'python') return;
  new ChainRequests(syntax, collected, sites, calls, values, prompts).run();
}

class ChainRequests {
  private readonly chains = new Map<number, Chain>();
  private readonly bindings = new Map<number, CallInfo>();
  private readonly siteNodes = new Set<number>();

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    private readonly sites: SiteRegistry,
    private readonly calls: CallInfo[],
    private readonly values: ModelValues,
    private readonly prompts: PromptReader,
  ) {
    for (const c of calls) {
      this.siteNodes.add(c.node.id);
      if (c.call.role === 'binding' && c.call.kind !== 'embedding') this.bindings.set(c.node.id, c);
    }
  }

  run(): void {
    for (const node of this.collected.calls) {
      const callee = this.syntax.callee(node);
      const last = callee.split('.').pop() ?? '';
      const factory = CHAIN_FACTORY.test(callee);
      if ((!factory && !CHAIN_CLASS.test(last)) || !this.fromLangChain(callee)) continue;
      const args = this.syntax.args(node);
      this.chains.set(node.id, { node, llm: args.named.get('llm') ?? (factory ? args.positional[0] : undefined), prompt: args.named.get('prompt') });
    }
    for (const node of this.collected.calls) {
      if (this.siteNodes.has(node.id) || this.chains.has(node.id)) continue;
      const target = this.requestOf(node);
      if (target) this.addRequest(node, target);
    }
  }

  private fromLangChain(callee: string): boolean {
    const module = this.collected.imports.get(callee.split('.')[0]);
    return module === undefined || module.startsWith('langchain');
  }

  /** What a call runs, when it is a request of a chain or a chat model. */
  private requestOf(node: SyntaxNode): Target | undefined {
    const syntax = this.syntax;
    const callee = syntax.callee(node);
    const receiver = syntax.receiver(node);
    const method = callee.split('.').pop() ?? '';
    if (receiver) {
      const chain = CHAIN_RUN.test(method) ? this.chainOf(receiver) : undefined;
      if (chain) return { chain };
      if (/^a?predict_messages$/.test(method) && this.isModel(receiver)) return { model: receiver };
      if (BOUND_MODEL_METHOD.test(method) && this.bindingOf(receiver)) return { model: receiver };
    }
    const args = syntax.args(node);
    if (RUNS_CHAIN.test(callee)) {
      const given = args.positional[0] ?? args.named.get('chain');
      const chain = given ? this.chainOf(given) : undefined;
      if (chain) return { chain };
    }
    const fn = node.childForFieldName('function');
    // `chain(inputs)`: a chain object is callable.
    if (fn?.type === 'identifier') {
      const chain = this.chainOf(fn);
      if (chain) return { chain };
    }
    return this.passedCallable(node, callee, args);
  }

  /** `handler(chain.arun, args)`, `retry(func=self.model.apredict_messages, …)`: the request handed to a function that calls it. */
  private passedCallable(node: SyntaxNode, callee: string, args: { positional: readonly SyntaxNode[]; named: ReadonlyMap<string, SyntaxNode> }): Target | undefined {
    const given: [SyntaxNode, number | string][] = [...args.positional.map((a, i) => [a, i] as [SyntaxNode, number]), ...[...args.named].map(([k, v]) => [v, k] as [SyntaxNode, string])];
    for (const [arg, slot] of given) {
      if (arg.type !== 'attribute') continue;
      const object = arg.childForFieldName('object');
      const method = arg.childForFieldName('attribute')?.text ?? '';
      if (!object) continue;
      let target: Target | undefined;
      if (CHAIN_RUN.test(method)) {
        const chain = this.chainOf(object);
        if (chain) target = { chain };
      }
      if (!target && (MODEL_METHOD.test(method) || BOUND_MODEL_METHOD.test(method)) && (this.bindingOf(object) || (!BOUND_MODEL_METHOD.test(method) && this.isModel(object)))) target = { model: object };
      if (target && this.callsWhatItIsGiven(node, callee, slot)) return target;
    }
    return undefined;
  }

  /** Whether the called function runs the callable it gets in `slot` (a positional index or a keyword). */
  private callsWhatItIsGiven(node: SyntaxNode, callee: string, slot: number | string): boolean {
    const last = callee.split('.').pop() ?? '';
    if (!last || STORES_CALLABLE.test(last) || /^[A-Z]/.test(last)) return false;
    const fn = node.childForFieldName('function');
    const def = fn?.type === 'identifier' ? this.syntax.resolve(fn) : undefined;
    const definition = def?.type === 'decorated_definition' ? def.childForFieldName('definition') : def;
    if (!definition || definition.type !== 'function_definition') return true;
    const params = parameterNames(definition);
    const name = typeof slot === 'number' ? params[slot] : params.includes(slot) ? slot : undefined;
    const body = definition.childForFieldName('body');
    if (!name || !body) return false;
    return body.descendantsOfType('call').some((c) => c?.childForFieldName('function')?.text === name);
  }

  /** The legacy chain an expression holds: the constructor itself, a local or module variable, or a `self.x` field. */
  private chainOf(node: SyntaxNode): Chain | undefined {
    const n = unwrapAwait(node);
    const direct = this.chains.get(n.id);
    if (direct) return direct;
    if (n.type === 'identifier') {
      const decls = this.collected.declarations.filter((d) => d.name === n.text && !d.isFunction && d.nameNode.type === 'identifier' && this.chains.has(d.value.id) && !contains(d.value, n));
      return this.nearest(decls.map((d) => d.value), n);
    }
    if (n.type === 'attribute') {
      const field = n.childForFieldName('attribute')?.text;
      const decls = this.collected.declarations.filter((d) => d.name === field && d.nameNode.type === 'attribute' && this.chains.has(d.value.id));
      return decls.length ? this.chains.get(decls[decls.length - 1].value.id) : undefined;
    }
    return undefined;
  }

  /** Of the chains a name may hold, the one declared last before the use in its own function, else the module's. */
  private nearest(values: SyntaxNode[], use: SyntaxNode): Chain | undefined {
    const fnOf = (x: SyntaxNode): number | undefined => {
      for (let p = x.parent; p; p = p.parent) if (p.type === 'function_definition') return p.id;
      return undefined;
    };
    const own = values.filter((v) => fnOf(v) === fnOf(use) && v.startIndex < use.startIndex);
    const pool = own.length ? own : values.filter((v) => fnOf(v) === undefined);
    return pool.length ? this.chains.get(pool[pool.length - 1].id) : undefined;
  }

  /** A chat-model binding of this file the expression holds (a variable or `self.x` assigned `ChatOpenAI(…)`). */
  private bindingOf(node: SyntaxNode): CallInfo | undefined {
    const n = unwrapAwait(node);
    const direct = this.bindings.get(n.id);
    if (direct) return direct;
    if (n.type !== 'identifier' && n.type !== 'attribute') return undefined;
    const name = n.type === 'identifier' ? n.text : n.childForFieldName('attribute')?.text;
    const kind = n.type;
    const decls = this.collected.declarations.filter((d) => d.name === name && !d.isFunction && d.nameNode.type === kind && this.bindings.has(d.value.id));
    return decls.length ? this.bindings.get(decls[decls.length - 1].value.id) : undefined;
  }

  /** A value named like a chat model (`self.model`, `llm`) that is handed in or made elsewhere. */
  private isModel(node: SyntaxNode): boolean {
    if (this.bindingOf(node)) return true;
    const name = this.syntax.name(node) ?? '';
    if (!MODEL_NAME.test(name) || NOT_MODEL.test(name)) return false;
    const value = this.values.resolve(node);
    return Boolean(value.model || value.ref);
  }

  /**
   * `self.model.model_name = "gpt-3.5-turbo-16k"` as a statement of the request's own function, before it: the model
   * object is switched for this request, whatever it was built with. One inside a branch may not run, so it is not taken.
   */
  private modelSetBefore(node: SyntaxNode, modelNode: SyntaxNode): ModelValue | undefined {
    let fn: SyntaxNode | null = node.parent;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    const body = fn?.childForFieldName('body');
    if (!body) return undefined;
    let found: ModelValue | undefined;
    for (const statement of body.namedChildren) {
      if (!statement || statement.startIndex >= node.startIndex) break;
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'attribute' || !right || left.childForFieldName('object')?.text !== modelNode.text) continue;
      if (!MODEL_FIELD.test(left.childForFieldName('attribute')?.text ?? '')) continue;
      const model = this.syntax.stringConstant(right);
      if (model) found = { model, origin: { from: 'code', line: right.startPosition.row + 1, detail: `${left.text} set before the request` } };
    }
    return found;
  }

  private addRequest(node: SyntaxNode, target: Target): void {
    const modelNode = target.chain ? target.chain.llm : target.model;
    if (!modelNode) return;
    const set = this.modelSetBefore(node, modelNode);
    const binding = set ? undefined : this.bindingOf(modelNode);
    const value: ModelValue | undefined = set ?? (binding ? undefined : this.values.resolve(modelNode));
    if (!binding && !value?.model && !value?.ref) return;
    const b = binding?.call;
    const span = spanOf(node);
    const sent = target.chain?.prompt ? this.prompts.promptsFrom(target.chain.prompt, 'user-template', CONFIDENCE.position, 'prompt of the chain') : { ids: [], placeholders: [] };
    const callee = this.syntax.callee(node);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: b?.framework ?? 'langchain',
      callee,
      ...(b ? modelOfBinding(b) : value?.model ? { model: value.model } : { modelRef: value!.ref }),
      ...(value?.origin ? { modelOrigin: value.origin } : {}),
      ...(b?.providerHint ? { providerHint: b.providerHint } : value?.provider ? { providerHint: value.provider } : {}),
      ...(b?.maxOutputTokens !== undefined ? { maxOutputTokens: b.maxOutputTokens } : {}),
      ...(b ? { bindingId: b.id } : {}),
      promptIds: [...new Set(sent.ids)],
      tools: b?.tools ?? [],
      agent: false,
      rule: 'legacy-chain',
      inputPlaceholders: [...new Set(sent.placeholders)],
      ...(value?.alternatives?.length ? { alternatives: value.alternatives } : {}),
    };
    if (!this.sites.addCall(call)) return;
    this.calls.push({ node, rule: REQUEST_RULE, call, args: this.syntax.args(node) });
    this.siteNodes.add(node.id);
  }
}

function modelOfBinding(b: DetectedCall): Partial<DetectedCall> {
  return {
    ...(b.model ? { model: b.model } : b.modelRef ? { modelRef: b.modelRef } : {}),
    ...(b.modelOrigin ? { modelOrigin: b.modelOrigin } : {}),
    ...(b.alternatives?.length ? { alternatives: b.alternatives } : {}),
  };
}

function unwrapAwait(node: SyntaxNode): SyntaxNode {
  let n = node;
  while ((n.type === 'await' || n.type === 'parenthesized_expression') && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** Names of a Python function's parameters, `self`/`cls` left out (they are not passed at the call). */
function parameterNames(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName('parameters');
  const names: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'));
    if (id && p.type !== 'list_splat_pattern' && p.type !== 'dictionary_splat_pattern') names.push(id.text);
  }
  return names[0] === 'self' || names[0] === 'cls' ? names.slice(1) : names;
}
