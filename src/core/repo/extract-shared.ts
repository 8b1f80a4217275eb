/**
 * What both extractors share. Facts are assembled from the lists detection's one
 * walk already collected (calls, loops, declarations): each is placed in its
 * innermost enclosing function by byte range, so no second walk of the tree is needed.
 */
import type { SyntaxNode } from '../detect/parser';
import { isGuardedCall } from './branch-calls';
import type { Collected } from '../detect/syntax';
import type { BranchTest, CallFact, CalleeFact, Expr, FunctionFact, LoopFact } from './facts';
import { splattedBodyModel } from './body-models';
import { guardedOnlyDeclarations } from '../detect/guarded-assignments';

/** A call detection reported, with its node (during detection only). */
export interface DetectedCallSpot {
  readonly id: string;
  readonly node: SyntaxNode;
}

/** Starting depth of expressions read for locals and calls (the extractors stop at depth 6). */
export const LOCAL_DEPTH = 3;
export const CALL_DEPTH = 4;
const MAX_MORE_LOCALS = 4;

/** A function's node and what falls inside it. */
export interface FunctionBucket {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly className?: string;
  readonly calls: { node: SyntaxNode; fact: CalleeFact }[];
  readonly loops: SyntaxNode[];
  readonly locals: Record<string, Expr>;
  /** Later assignments of a local (Python, a few each): alternatives when the first gives nothing. */
  moreLocals?: Record<string, Expr[]>;
  /** The branch tests of each assignment of a local (first, then the later ones), where one is on a branch. */
  localTests?: Record<string, (BranchTest[] | null)[]>;
  /** `self.x = …` / `this.x = …` in this method. */
  readonly selfAttrs: Record<string, Expr>;
  /** Later `self.x = …` of an attribute this method already set (`self.llm = llm` / `else: self.llm = create_llm(…)`): a few each. */
  moreSelfAttrs?: Record<string, Expr[]>;
  /** Locals assigned file names on exclusive branches (`name = "a.md"` … `else: name = "b.md"`): every name, in order. */
  fileChoices?: Record<string, string[]>;
}

export interface LanguageFacts {
  /** Undefined for calls that cannot reach the repository's own code (builtins, logging, string methods). */
  calleeFact(call: SyntaxNode): CalleeFact | undefined;
  loopHead(loop: SyntaxNode): Omit<LoopFact, 'calls' | 'line' | 'column' | 'endLine' | 'endColumn'>;
  expr(node: SyntaxNode, depth: number): Expr;
  /** Keep later assignments of a local as alternatives (FunctionFact.moreLocals). */
  readonly moreLocals?: boolean;
  /** The branch tests an assignment runs under inside its function (Python: branch-tests-py.ts). */
  branchTests?(node: SyntaxNode, fnNode: SyntaxNode): BranchTest[] | undefined;
  /** For an assignment declaration: the local name, or the attribute of `self`/`this` (module level: class fields are not names). */
  target(nameNode: SyntaxNode, moduleLevel: boolean): { local?: string; self?: string };
}

/** Buckets calls, loops and assignments by innermost function; the rest is module level. */
export function bucket(collected: Collected, functions: FunctionBucket[], lang: LanguageFacts): { moduleCalls: CalleeFact[]; moduleLoops: SyntaxNode[]; moduleValues: Record<string, Expr> } {
  functions.sort((a, b) => a.node.startIndex - b.node.startIndex);
  const starts = functions.map((f) => f.node.startIndex);
  const owner = (index: number): FunctionBucket | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= index) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = at; i >= 0; i--) if (functions[i].node.endIndex > index) return functions[i];
    return undefined;
  };
  const moduleCalls: CalleeFact[] = [];
  const moduleLoops: SyntaxNode[] = [];
  const moduleValues: Record<string, Expr> = {};
  for (const c of collected.calls) {
    const fact = lang.calleeFact(c);
    if (!fact) continue;
    const f = owner(c.startIndex);
    if (f) f.calls.push({ node: c, fact });
    else moduleCalls.push(fact);
  }
  for (const l of collected.loops) {
    const f = owner(l.startIndex);
    if (f) f.loops.push(l);
    else moduleLoops.push(l);
  }
  const shadows = new ShadowedParams();
  const guarded = guardedOnlyDeclarations(collected.declarations);
  for (const d of collected.declarations) {
    if (d.isFunction || guarded.has(d)) continue;
    const f = owner(d.nameNode.startIndex);
    const t = lang.target(d.nameNode, !f);
    // `const payload = { text }` inside a callback of a helper whose parameter is `payload`: another binding, not the parameter's value.
    if (t.local && f && shadows.shadows(f.node, d.nameNode, t.local)) continue;
    // Values inside functions are read a few levels deep only: enough for names, calls and literals.
    if (t.self && f && t.self in f.selfAttrs) {
      const more = ((f.moreSelfAttrs ??= {})[t.self] ??= []);
      if (more.length < MAX_MORE_LOCALS) more.push(lang.expr(d.value, LOCAL_DEPTH));
    } else if (t.self && f) f.selfAttrs[t.self] = lang.expr(d.value, LOCAL_DEPTH);
    else if (t.local && f && t.local in f.locals) {
      if (lang.moreLocals) {
        const more = ((f.moreLocals ??= {})[t.local] ??= []);
        if (more.length < MAX_MORE_LOCALS) {
          more.push(lang.expr(d.value, LOCAL_DEPTH));
          noteTests(f, t.local, more.length, lang.branchTests?.(d.nameNode, f.node));
        }
      }
      noteFileChoice(f, t.local, d.value);
    } else if (t.local && f) {
      f.locals[t.local] = lang.expr(d.value, LOCAL_DEPTH);
      noteTests(f, t.local, 0, lang.branchTests?.(d.nameNode, f.node));
      noteFileChoice(f, t.local, d.value);
    }
    else if (t.local && !f) moduleValues[t.local] ??= lang.expr(d.value, 0);
  }
  return { moduleCalls, moduleLoops, moduleValues };
}

/** Functions written inside a named function: their locals are folded into it, unless they shadow its parameters. */
const INNER_FUNCTION = /^(arrow_function|function_expression|function|method_definition|generator_function|lambda|function_definition)$/;

/**
 * A declaration inside a closure of `fn` that reuses the name of one of `fn`'s parameters binds a new name in
 * that closure only: read as `fn`'s local, it would hide the parameter from every use in `fn`'s own body.
 */
class ShadowedParams {
  private readonly params = new Map<number, Set<string>>();

  shadows(fn: SyntaxNode, nameNode: SyntaxNode, name: string): boolean {
    if (!this.paramsOf(fn).has(name)) return false;
    // Bounded: a declaration sits a few dozen levels under its function at most.
    let hops = 0;
    for (let p = nameNode.parent; p && p.id !== fn.id && hops < 200; p = p.parent, hops++) if (INNER_FUNCTION.test(p.type)) return true;
    return false;
  }

  private paramsOf(fn: SyntaxNode): Set<string> {
    let names = this.params.get(fn.id);
    if (names) return names;
    names = new Set<string>();
    const single = fn.childForFieldName('parameter');
    if (single?.type === 'identifier') names.add(single.text);
    for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      const id = p?.type === 'identifier' ? p : (p?.childForFieldName('pattern') ?? p?.childForFieldName('name') ?? p?.namedChildren[0]);
      if (id?.type === 'identifier') names.add(id.text);
    }
    this.params.set(fn.id, names);
    return names;
  }
}

/** Records the branch tests of assignment number `index` of a local (0: the first), keeping the others' places. */
function noteTests(f: FunctionBucket, name: string, index: number, tests: BranchTest[] | undefined): void {
  const known = f.localTests?.[name];
  if (!tests && !known) return;
  const list = ((f.localTests ??= {})[name] ??= []);
  while (list.length < index) list.push(null);
  list[index] = tests ?? null;
}

/** A prompt or template file name written as a string literal. */
const FILE_NAME_LITERAL = /^["']([\w./-]+\.(md|txt|j2|jinja2?|ya?ml|json|toml|prompt|tmpl))["']$/i;

function noteFileChoice(f: FunctionBucket, name: string, value: SyntaxNode): void {
  const m = value.type === 'string' ? FILE_NAME_LITERAL.exec(value.text) : null;
  if (!m) return;
  const list = ((f.fileChoices ??= {})[name] ??= []);
  if (!list.includes(m[1]) && list.length < 20) list.push(m[1]);
}

/** Callee names that are builtins, logging or methods of strings, lists and dicts: never a repository function worth following. */
export const NOT_REPOSITORY = new Set(
  'print len str int float bool list dict set tuple isinstance issubclass hasattr getattr setattr range enumerate zip sorted reversed min max sum any all super type repr abs round map filter next iter open id hash vars format append extend insert remove pop items keys values join split rsplit strip lstrip rstrip startswith endswith replace lower upper encode decode debug info warning warn error exception critical isoformat sleep assertEqual assertTrue assertIn assert_called_once assert_called_with log push slice includes indexOf toString JSON parseInt parseFloat stringify then catch finally forEach toLowerCase toUpperCase trim concat has setTimeout clearTimeout useState useEffect useCallback useMemo useRef expect describe it test'.split(' '),
);

/**
 * Builtin functions that are no method of a builtin type: called bare (`next(it)`) they are the builtin, but
 * on an object (`ai.next(messages)`) they are a method, maybe the repository's own (a wrapper class's `next`).
 */
export const BARE_BUILTINS = new Set('print len isinstance issubclass hasattr getattr setattr range enumerate zip sorted reversed sum any all super type repr next iter open id vars'.split(' '));

/** A callee never worth following: a builtin called bare, or a method of builtin types, strings, logging. */
export function notRepositoryCallee(callee: string): boolean {
  const dot = callee.lastIndexOf('.');
  const name = callee.slice(dot + 1);
  return NOT_REPOSITORY.has(name) && !(dot > 0 && BARE_BUILTINS.has(name));
}

/** A loop's facts: its head, and the calls inside it (from the function's bucket). */
export function loopFacts(loops: readonly SyntaxNode[], calls: readonly { node: SyntaxNode; fact: CalleeFact }[], lang: LanguageFacts): LoopFact[] {
  return loops.map((loop) => ({
    line: loop.startPosition.row + 1,
    column: loop.startPosition.column + 1,
    endLine: loop.endPosition.row + 1,
    endColumn: loop.endPosition.column + 1,
    ...lang.loopHead(loop),
    calls: calls.filter((c) => c.node.startIndex > loop.startIndex && c.node.endIndex <= loop.endIndex).map((c) => c.fact),
  }));
}

/** Statements that hold other statements (blocks, branches, handlers, loops): descended into; expressions are not. */
const COMPOUND = /^(block|statement_block|if_statement|elif_clause|else_clause|try_statement|except_clause|finally_clause|catch_clause|with_statement|for_statement|while_statement|for_in_statement|do_statement|switch_statement|switch_body|switch_case|switch_default|match_statement|case_clause|labeled_statement)$/;

/** Statements of the given types in a body, through nested blocks and branches but not into expressions or nested functions. */
export function ownStatements(node: SyntaxNode, types: ReadonlySet<string>, limit = 200): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let budget = limit;
  const visit = (n: SyntaxNode, depth: number): void => {
    if (depth > 12) return;
    for (const c of n.namedChildren) {
      if (!c || --budget < 0) return;
      if (types.has(c.type)) out.push(c);
      if (COMPOUND.test(c.type)) visit(c, depth + 1);
      else if (c.type === 'else_clause' || c.type.endsWith('_clause')) visit(c, depth + 1);
    }
  };
  visit(node, 0);
  return out;
}

export function callFactsOf(
  detected: readonly DetectedCallSpot[],
  functions: readonly FunctionFact[],
  modelArg: (call: SyntaxNode) => { model?: Expr; modelImplied?: true; receiver?: string; inputs?: string[]; when?: BranchTest[] },
): CallFact[] {
  return detected.map(({ id, node }) => {
    const line = node.startPosition.row + 1;
    const fn = enclosingFunction(functions, line);
    const { model, modelImplied, receiver, inputs, when } = modelArg(node);
    const bodyModel = model ? undefined : splattedBodyModel(node);
    return { id, ...(fn ? { fn: fn.name } : {}), ...(model ? { model } : {}), ...(model && modelImplied ? { modelImplied } : {}), ...(bodyModel ? { bodyModel } : {}), ...(receiver ? { receiver } : {}), ...(inputs?.length ? { inputs } : {}), ...(isGuardedCall(node) ? { gated: true } : {}), ...(when ? { when } : {}) };
  });
}

/** Prompt-carrying arguments: their names and attribute paths are checked for files read at run time. */
export const INPUT_KEYS = /^(system|messages|prompt|instructions|input|contents|content|system_prompt|systemPrompt|system_instruction|user_prompt|query|text)$/;

/** Dotted names (`SYSTEM_PROMPT`, `self.system_prompt`) inside an argument, not counting callees. */
export function namesIn(node: SyntaxNode, out: string[], nameTypes: ReadonlySet<string>, memberType: string, depth = 0): void {
  if (out.length >= 12 || depth > 32) return;
  if (nameTypes.has(node.type) || node.type === memberType) {
    const parent = node.parent;
    const isCallee = parent && (parent.type === 'call' || parent.type === 'call_expression') && parent.childForFieldName('function')?.id === node.id;
    if (!isCallee && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(node.text)) {
      out.push(node.text);
      return;
    }
  }
  for (const c of node.namedChildren) if (c) namesIn(c, out, nameTypes, memberType, depth + 1);
}

/** The innermost function whose lines contain `line`. */
export function enclosingFunction(functions: readonly FunctionFact[], line: number): FunctionFact | undefined {
  let best: FunctionFact | undefined;
  for (const f of functions) {
    if (f.line <= line && line <= f.endLine && (!best || f.endLine - f.line < best.endLine - best.line)) best = f;
  }
  return best;
}

const EXPRESSION_STATEMENTS: ReadonlySet<string> = new Set(['expression_statement']);

/** Python: the body's own `left = [await] f(…)` statements (through branches, not into nested functions), with the call. */
export function assignedCalls(body: SyntaxNode): { readonly left: SyntaxNode; readonly call: SyntaxNode; readonly line: number }[] {
  const out: { left: SyntaxNode; call: SyntaxNode; line: number }[] = [];
  for (const stmt of ownStatements(body, EXPRESSION_STATEMENTS, 400)) {
    const a = stmt.namedChildren[0];
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    let right = a.childForFieldName('right');
    if (right?.type === 'await') right = right.namedChildren[0] ?? null;
    if (left && right?.type === 'call') out.push({ left, call: right, line: a.startPosition.row + 1 });
  }
  return out;
}
