/**
 * Model calls whose model is made outside the file: the call is the only site that stands
 * for it. `model.bind_tools(TOOLS).ainvoke(…)` on a model from `load_chat_model(…)` or an
 * import, and a model object handed in and called with messages (`reformulation_model(messages)`).
 * A chat model constructed in this file is its own site (its `invoke`s are not counted again).
 */
import { isGraphClass } from './graph-builder-args';
import type { SyntaxNode } from './parser';
import { classifyCall, type CallRule } from './frameworks';
import type { Collected, LanguageSyntax } from './syntax';

/** Configures a chat model and returns a runnable around it. */
const BINDS_MODEL = /\.(bind_tools|bindTools|with_structured_output|withStructuredOutput|with_config|withConfig|with_retry|withRetry)$/;
/** Methods that only chat models have. */
const BINDS_TOOLS = /\.(bind_tools|bindTools|with_structured_output|withStructuredOutput)$/;
const INVOKES_MODEL = /\.(invoke|ainvoke|stream|astream|batch|abatch)$/;
/** A name that says "this is a model object": `model`, `llm`, `reformulation_model`, `chatModel`. */
const MODEL_NAME = /(^|_)(model|llm)$|[a-z](Model|Llm|LLM)$|^(model|llm)$/;

export const FOREIGN_MODEL_CALL: CallRule = { framework: 'langchain', role: 'call', messagesArg: 0, tag: 'bound-model-invoke' };
const CALLED_MODEL: CallRule = { framework: 'model-object', role: 'call', messagesArg: 0, tag: 'model-named-value' };

export function isCallNode(n: SyntaxNode | null | undefined): n is SyntaxNode {
  return Boolean(n && (n.type === 'call' || n.type === 'call_expression' || n.type === 'new_expression'));
}

/** The rule for a call on a model made elsewhere, or undefined. */
export function foreignModelRule(syntax: LanguageSyntax, collected: Collected, node: SyntaxNode, callee: string): CallRule | undefined {
  if (INVOKES_MODEL.test(callee)) return boundInvoke(syntax, collected, node) ? FOREIGN_MODEL_CALL : undefined;
  if (!callee.includes('.') && MODEL_NAME.test(callee)) return calledModel(syntax, node, callee) ? CALLED_MODEL : undefined;
  return undefined;
}

/** `x.bind_tools(…).invoke(…)` (directly or through variables) where `x` is not constructed in this file. */
function boundInvoke(syntax: LanguageSyntax, collected: Collected, node: SyntaxNode): boolean {
  const receiver = syntax.receiver(node);
  if (!receiver) return false;
  let target = syntax.resolve(receiver);
  let bound = false;
  let toolsBound = false;
  for (let i = 0; i < 4 && isCallNode(target) && BINDS_MODEL.test(syntax.callee(target)); i++) {
    bound = true;
    toolsBound ||= BINDS_TOOLS.test(syntax.callee(target));
    const inner = syntax.receiver(target);
    if (!inner) return false;
    target = syntax.resolve(inner);
  }
  if (!bound) return false;
  // `with_config` / `with_retry` wrap any runnable (a compiled graph too): only a model-named base counts then.
  const baseName = isCallNode(target) ? syntax.callee(target).split('.').pop() ?? '' : (syntax.name(target) ?? '');
  if (!toolsBound && !MODEL_NAME.test(baseName) && !/chat_model|ChatModel/.test(baseName) && !(isCallNode(target) && makesModel(baseName))) return false;
  if (!isCallNode(target)) return true; // an import or a parameter: made elsewhere
  // A factory of this file (`get_llm(config)`): the request finder follows it to the bindings it returns.
  if (syntax.lookup(syntax.callee(target), target)) return false;
  const rule = classifyCall(syntax.callee(target), {
    imports: collected.imports,
    language: syntax.language,
    argNames: () => new Set(syntax.args(target).named.keys()),
    firstArgIsModelString: () => false,
  });
  return rule === undefined;
}

/** The model a foreign `x.withConfig(…).invoke(…)` runs on: `x` under its wrappers (a factory call or a name), for the model's ref. */
export function foreignModelBase(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  const receiver = syntax.receiver(node);
  let target = receiver ? syntax.resolve(receiver) : undefined;
  for (let i = 0; i < 4 && isCallNode(target) && BINDS_MODEL.test(syntax.callee(target)); i++) {
    const inner = syntax.receiver(target);
    target = inner ? syntax.resolve(inner) : undefined;
  }
  return target;
}

/** A helper whose name says it returns a model (`getModelFromConfig`, `load_llm`, `makeChatModel`), not its name or config (`getModelConfig`). */
function makesModel(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_').filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && /^(from|for|by|with|of)$/.test(w));
  const head = cut > 0 ? words.slice(0, cut) : words;
  return head.length >= 2 && /^(get|load|make|create|build|init|new)$/.test(head[0]) && /^(model|llm)$/.test(head[head.length - 1]);
}

/** `model(messages)`: a model object called with a message list, not a function of this file. */
function calledModel(syntax: LanguageSyntax, node: SyntaxNode, callee: string): boolean {
  if (syntax.lookup(callee, node)) return false;
  const first = syntax.args(node).positional[0];
  if (!first) return false;
  if (first.type === 'identifier') return /messages$/i.test(first.text);
  return Boolean(syntax.items(first)?.some((i) => syntax.entries(i)?.has('role')));
}

/** Builder methods of a LangGraph `StateGraph`, chained (`new StateGraph(S).addNode(…).addEdge(…)`) or not. */
const GRAPH_BUILDER = /\.(addNode|addEdge|addConditionalEdges|addSequence|setEntryPoint|setFinishPoint|add_node|add_edge|add_conditional_edges|add_sequence|set_entry_point|set_finish_point)$/;

/** The `StateGraph(…)` (or `MessageGraph()`, LangGraph's `Graph()`) call a builder chain starts from, or undefined. */
export function stateGraphOf(syntax: LanguageSyntax, node: SyntaxNode, imports?: ReadonlyMap<string, string>): SyntaxNode | undefined {
  let target: SyntaxNode = node;
  for (let i = 0; i < 60 && isCallNode(target); i++) {
    const callee = syntax.callee(target);
    if (isGraphClass(callee, imports)) return target;
    if (!GRAPH_BUILDER.test(callee)) return undefined;
    const inner = syntax.receiver(target);
    if (!inner) return undefined;
    target = syntax.resolve(inner);
  }
  return undefined;
}
