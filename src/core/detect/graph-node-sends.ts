/**
 * Does a LangGraph node that is not a function send a model request each time it runs? A node may be a runnable
 * rather than a function: an LCEL pipe ending in a chat model (`add_node("agent", _get_messages | llm_with_tools)`),
 * the chat model itself (`add_node("agent", model)`, a `MessageGraph`'s usual model node), a model with tools bound
 * (`llm.bind_tools(tools)`), or such a runnable returned by a function of the file. No call expression sends there,
 * yet every pass through the cycle runs the model once.
 *
 * This is the graph's own question, answered from the node's value: a pipe's model step (not its prompt, parser or
 * plain-function steps), followed through bindings (`bind_tools`, `with_config`) to a chat-model constructor or to a
 * parameter typed as a language model. Request recognition of pipes (detect/requests.ts, lcel-steps.ts) prices the
 * request when it is one; this only says the cycle has a model in it.
 */
import type { SyntaxNode } from './parser';
import { WRAPS } from './foreign-models';
import { isPipeChain, NOT_MODEL_STEP, pipeOperands } from './pipe-operands';
import type { LanguageSyntax } from './syntax';

/** Bindings that keep the model (the request finder's wrappers, and a choice among alternatives): what they return runs the same model. */
const isBinding = (callee: string): boolean => WRAPS.test(callee) || /\.configurable_alternatives$/.test(callee);
/** Chat-model constructors and factories, as LangChain names them in both languages. */
const MODEL_CLASS = /(^|\.)(Chat[A-Z]\w*|AzureChat\w+|init_chat_model|initChatModel|load_chat_model|loadChatModel)$/;
/** A parameter's type that is a language model (`llm: LanguageModelLike`, `model: BaseChatModel`). */
const MODEL_TYPE = /\b(LanguageModelLike|BaseLanguageModel|BaseChatModel|ChatModel\w*|BaseLLM|Runnable\[.*(Message|LanguageModel))/;
const MAX_DEPTH = 6;

export function nodeSends(syntax: LanguageSyntax, value: SyntaxNode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const v = syntax.resolve(value);
  const steps = pipeSteps(syntax, v);
  if (steps) {
    const model = steps.filter((s) => !NOT_MODEL_STEP.test(stepText(syntax, s)));
    return model.some((s) => isModel(syntax, s, depth + 1));
  }
  return isModel(syntax, v, depth + 1);
}

/** The steps of `a | b | c` (Python) or `a.pipe(b).pipe(c)` / `RunnableSequence.from([a, b])` (TypeScript); undefined for anything else. */
function pipeSteps(syntax: LanguageSyntax, v: SyntaxNode): SyntaxNode[] | undefined {
  if (isPipeChain(v)) return pipeOperands(v, 12);
  const u = v.type === 'parenthesized_expression' && v.namedChildren[0] ? v.namedChildren[0] : v;
  if (u.type !== 'call_expression') return undefined;
  const callee = syntax.callee(u);
  if (/(^|\.)RunnableSequence\.from$/.test(callee)) {
    const first = syntax.args(u).positional[0];
    return first ? syntax.items(first) : undefined;
  }
  if (!/\.pipe$/.test(callee)) return undefined;
  const out: SyntaxNode[] = [];
  let cur: SyntaxNode | undefined = u;
  for (let i = 0; i < 12 && cur?.type === 'call_expression' && /\.pipe$/.test(syntax.callee(cur)); i++) {
    const arg = syntax.args(cur).positional[0];
    if (arg) out.unshift(arg);
    const receiver = syntax.receiver(cur);
    cur = receiver ? syntax.resolve(receiver) : undefined;
  }
  if (cur) out.unshift(cur);
  return out;
}

function stepText(syntax: LanguageSyntax, s: SyntaxNode): string {
  const r = syntax.resolve(s);
  return isCall(r) ? syntax.callee(r) : s.text;
}

function isCall(n: SyntaxNode): boolean {
  return n.type === 'call' || n.type === 'call_expression' || n.type === 'new_expression';
}

/** A chat model: its constructor, a binding of one, a parameter typed as one, or what a function of the file returns. */
function isModel(syntax: LanguageSyntax, step: SyntaxNode, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const v = syntax.resolve(step);
  // `llm.bind_tools(tools) if tools else llm`: either branch.
  if (v.type === 'conditional_expression') return [v.namedChildren[0], v.namedChildren[2]].some((b) => b && isModel(syntax, b, depth + 1));
  if (v.type === 'ternary_expression') return ['consequence', 'alternative'].some((f) => {
    const b = v.childForFieldName(f);
    return b ? isModel(syntax, b, depth + 1) : false;
  });
  if (isCall(v)) {
    const callee = syntax.callee(v);
    if (MODEL_CLASS.test(callee)) return true;
    if (isBinding(callee)) {
      const receiver = syntax.receiver(v);
      return receiver ? isModel(syntax, receiver, depth + 1) : false;
    }
    // A runnable a function of this file builds and returns (`def make_agent(llm): return prompt | llm`).
    const fn = v.childForFieldName('function') ?? v.childForFieldName('constructor');
    const decl = fn && /^(identifier|attribute|member_expression)$/.test(fn.type) ? syntax.resolve(fn) : undefined;
    if (decl && decl !== fn && /function|method|lambda|arrow/.test(decl.type)) return syntax.returns(decl).some((r) => nodeSends(syntax, r, depth + 1));
    return false;
  }
  return isTypedModelParam(v);
}

/**
 * `llm: LanguageModelLike` (Python) or `model: BaseChatModel` (TypeScript): a name that is a parameter of an enclosing
 * function whose type is a language model.
 */
function isTypedModelParam(n: SyntaxNode): boolean {
  if (n.type !== 'identifier') return false;
  for (let fn: SyntaxNode | null = n.parent; fn; fn = fn.parent) {
    if (!/^(function_definition|lambda|function_declaration|function_expression|arrow_function|method_definition)$/.test(fn.type)) continue;
    for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!param) continue;
      const name = param.childForFieldName('pattern') ?? param.childForFieldName('name') ?? param.namedChildren[0];
      if (name?.text !== n.text) continue;
      const type = param.childForFieldName('type');
      return Boolean(type && MODEL_TYPE.test(type.text));
    }
  }
  return false;
}
