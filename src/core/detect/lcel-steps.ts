/**
 * The model steps of an LCEL composition. A chain (`RunnableSequence.from([prompt, model, parser])`,
 * `prompt.pipe(model)`, `prompt | llm | parser`) sends nothing when it is built, and running it is not one request:
 * each model step inside it sends one. So:
 *
 * - a run that reaches one model step stays the request at the run's line (`chain.invoke(…)`, the common case);
 * - a run that reaches several (a standalone-question step and an answer step nested in one sequence, through map
 *   steps `{question: questionChain, …}` and nested sequences) is one request per step, at the step;
 * - a chain that leaves the function building it (returned by a factory, exported, a Python module-level name) is run
 *   somewhere this file does not see: each of its model steps no run of the file reached is a request at the step.
 *
 * Steps are followed through names, fields, nested sequences, map steps (object literals, `RunnableMap`,
 * `RunnableParallel`), runnable wrappers (`.withRetry()`, `.with_fallbacks(…)`) and local factories; a name with
 * several values (exclusive branches) makes the walk give up, so alternatives never become a sum.
 */
import { unwrapExpr } from './model-resolve';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';

export interface ModelStep {
  /** The composition's element that is the model: the request's place. */
  readonly node: SyntaxNode;
  /** What feeds the step: the element before it in its sequence (a prompt template), if any. */
  readonly input?: SyntaxNode;
}

export interface StepHooks {
  /** The values a name or a field may hold where it is used (several in exclusive branches). */
  valuesOf(node: SyntaxNode): SyntaxNode[];
  /** Whether a leaf element is a chat model (a binding, possibly under runnable wrappers). */
  isModel(node: SyntaxNode): boolean;
  /** Whether a leaf element is a chat model handed to the file (a parameter, a field, an import named like a model). */
  isPassedModel?(node: SyntaxNode): boolean;
}

const SEQUENCE = /(^|\.)RunnableSequence(\.from)?$/;
const PARALLEL = /(^|\.)(RunnableMap|RunnableParallel)$/;
const PIPE = /\.pipe$/;
/** Runnable wrappers: the composition under them is what runs. */
const WRAPS = /\.(with_config|withConfig|with_retry|withRetry|with_fallbacks|withFallbacks|with_listeners|withListeners)$/;
const MAX_DEPTH = 12;
/** A LangGraph builder's node: its second argument is the runnable the node runs. */
const GRAPH_NODE = /\.(add_node|addNode)$/;
/** Names and fields whose value is followed (`{ question }` is a name too). */
const NAME = new Set(['identifier', 'shorthand_property_identifier', 'attribute', 'member_expression']);

interface Walk {
  readonly steps: ModelStep[];
  /** A name on the way had several values: the steps would be alternatives, not a sequence. */
  ambiguous: boolean;
  /** Nodes visited (a chain that names itself must not loop). */
  readonly seen: Set<number>;
  /** Models handed to the file count as steps too (`passed` of stepsOf). */
  readonly passed: boolean;
}

export class LcelSteps {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly hooks: StepHooks,
  ) {}

  /**
   * The model steps the value `node` runs when it is a composition (after names and factories); undefined when it is
   * no composition, or when its steps are alternatives.
   */
  stepsOf(node: SyntaxNode, passed = false): ModelStep[] | undefined {
    const walk: Walk = { steps: [], ambiguous: false, seen: new Set(), passed };
    const composed = this.composition(node, walk, 0);
    if (!composed || walk.ambiguous) return undefined;
    return walk.steps.filter((s, i) => walk.steps.findIndex((t) => t.node.id === s.node.id) === i);
  }

  /**
   * Compositions that leave the function building them: the value of a `return`, of an exported declaration, or a
   * LangGraph node (`workflow.add_node("agent", chain)`, `.addNode("agent", chain)`): the graph runs it when it runs.
   */
  escaping(collected: Collected): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const call of collected.calls) {
      if (!GRAPH_NODE.test(this.syntax.callee(call))) continue;
      const node = this.syntax.args(call).positional[1];
      if (node) out.push(node);
    }
    for (const node of collected.assigned ?? []) {
      if (node.type !== 'return_statement') continue;
      const value = node.namedChildren.find((c) => c && c.type !== 'comment');
      if (value) out.push(value);
    }
    for (const d of collected.declarations) {
      if (!d.isFunction && isExported(d.nameNode)) out.push(d.value);
    }
    return out;
  }

  /** Walks `node` as a composition; false when it is not one (a leaf: maybe a model). */
  private composition(node: SyntaxNode, walk: Walk, depth: number): boolean {
    if (depth > MAX_DEPTH || walk.seen.has(node.id)) return false;
    walk.seen.add(node.id);
    const syntax = this.syntax;
    const n = unwrap(node);
    if (NAME.has(n.type)) {
      const values = this.hooks.valuesOf(n);
      if (values.length !== 1) {
        if (values.length > 1 && values.some((v) => this.isComposition(v))) walk.ambiguous = true;
        return false;
      }
      return this.composition(values[0], walk, depth + 1);
    }
    if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '|') {
      const parts: SyntaxNode[] = [];
      flattenPipe(n, parts, 0);
      if (!parts.some((p) => this.isModelStep(p, walk) || this.isComposition(p))) return false;
      this.sequence(parts, walk, depth);
      return true;
    }
    if (n.type !== 'call' && n.type !== 'call_expression' && n.type !== 'new_expression') return false;
    const callee = syntax.callee(n);
    if (SEQUENCE.test(callee)) {
      const args = syntax.args(n);
      const list = args.positional.length === 1 ? syntax.items(args.positional[0]) : undefined;
      const named = ['first', 'middle', 'last'].flatMap((k) => {
        const v = args.named.get(k);
        return v ? (k === 'middle' ? (syntax.items(v) ?? [v]) : [v]) : [];
      });
      this.sequence(list ?? (named.length ? named : [...args.positional]), walk, depth);
      return true;
    }
    if (PARALLEL.test(callee)) {
      const args = syntax.args(n);
      const map = args.positional[0] ? syntax.entries(args.positional[0]) : undefined;
      for (const v of map ? map.values() : args.named.values()) this.step(v, undefined, walk, depth + 1);
      return true;
    }
    if (PIPE.test(callee)) {
      const receiver = syntax.receiver(n);
      this.sequence([...(receiver ? [receiver] : []), ...syntax.args(n).positional], walk, depth);
      return true;
    }
    if (WRAPS.test(callee)) {
      const receiver = syntax.receiver(n);
      return receiver ? this.composition(receiver, walk, depth + 1) : false;
    }
    // A local factory (`makeChain(retriever)`): what it returns.
    const fn = n.childForFieldName('function') ?? n.childForFieldName('constructor');
    if (fn?.type === 'identifier') {
      const target = syntax.resolve(fn);
      if (target.id === fn.id || !isFunctionLike(target)) return false;
      const returned = syntax.returns(target);
      if (returned.length !== 1) {
        if (returned.some((r) => this.isComposition(r))) walk.ambiguous = true;
        return false;
      }
      return this.composition(returned[0], walk, depth + 1);
    }
    return false;
  }

  /** The elements of a sequence, in order: each is fed by the one before it. */
  private sequence(parts: readonly SyntaxNode[], walk: Walk, depth: number): void {
    parts.forEach((p, i) => this.step(p, i > 0 ? parts[i - 1] : undefined, walk, depth + 1));
  }

  /** One element: a nested composition, a map step (each value runs on the same input), a model, or anything else. */
  private step(part: SyntaxNode, input: SyntaxNode | undefined, walk: Walk, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const u = unwrap(part);
    if (u.type === 'object' || u.type === 'dictionary') {
      for (const v of this.syntax.entries(u)?.values() ?? []) this.step(v, undefined, walk, depth + 1);
      return;
    }
    if (this.composition(part, walk, depth)) return;
    if (this.isModelStep(part, walk)) walk.steps.push({ node: part, ...(input ? { input } : {}) });
  }

  private isModelStep(part: SyntaxNode, walk: Walk): boolean {
    return this.hooks.isModel(part) || (walk.passed && Boolean(this.hooks.isPassedModel?.(part)));
  }

  /** Whether a value is written as a composition (not followed through names). */
  private isComposition(node: SyntaxNode): boolean {
    const n = unwrap(node);
    if (n.type === 'binary_operator') return n.childForFieldName('operator')?.text === '|';
    if (n.type !== 'call' && n.type !== 'call_expression' && n.type !== 'new_expression') return false;
    const callee = this.syntax.callee(n);
    return SEQUENCE.test(callee) || PARALLEL.test(callee) || PIPE.test(callee);
  }
}

function flattenPipe(n: SyntaxNode, out: SyntaxNode[], depth: number): void {
  const u = unwrap(n);
  if (depth < 16 && u.type === 'binary_operator' && u.childForFieldName('operator')?.text === '|') {
    for (const side of [u.childForFieldName('left'), u.childForFieldName('right')]) if (side) flattenPipe(side, out, depth + 1);
  } else out.push(n);
}

/**
 * `export const chain = …`: the declaration's name is under an export statement of the module. In Python every
 * module-level name can be imported: `chain = prompt | llm` at the top of a module.
 */
function isExported(nameNode: SyntaxNode): boolean {
  if (nameNode.type === 'identifier' && nameNode.parent?.type === 'assignment' && nameNode.parent.parent?.type === 'expression_statement') {
    return nameNode.parent.parent.parent?.type === 'module';
  }
  let n: SyntaxNode | null = nameNode.parent;
  for (let i = 0; n && i < 4; i++, n = n.parent) {
    if (n.type === 'export_statement') return true;
    if (n.type !== 'variable_declarator' && n.type !== 'lexical_declaration' && n.type !== 'variable_declaration') return false;
  }
  return false;
}

/** The expression under parentheses, `await` and casts (model-resolve.ts's). */
export const unwrap = unwrapExpr;

export function isFunctionLike(n: SyntaxNode): boolean {
  return ['function_definition', 'decorated_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition'].includes(n.type);
}
