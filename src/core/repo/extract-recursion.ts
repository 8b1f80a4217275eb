/**
 * A function that calls itself with a level counter (Python and TypeScript): `deepResearch({…, depth: newDepth})`
 * where `newDepth = depth - 1` and `if (newDepth > 0)`; `self.handle_streaming(…, _iteration=next_iteration)`
 * where `next_iteration = _iteration + 1` and `cap_reached = next_iteration >= MAX_TOOL_ITERATIONS`. What the
 * repository pass needs to bound it (recursion-loops.ts): the counter parameter, how it moves per level, and
 * the comparison that ends it. Read from the syntax tree of the function, closures written in it included
 * (the recursive call often sits in a callback: `queries.map(q => limit(async () => deepResearch(…)))`).
 */
import type { SyntaxNode } from '../detect/parser';
import { TOOL_HANDLING } from '../detect/frameworks';
import type { Expr, ParamFact, RecursionFact, ToolRoundFact } from './facts';
import type { ReduceFact } from './loop-await';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

const CALLS = ['call', 'call_expression'];
const COMPARISONS = ['comparison_operator', 'binary_expression'];
const ASSIGNS = ['assignment', 'variable_declarator', 'assignment_expression'];
const STEP = /^\s*([A-Za-z_$][\w$]*)\s*([+-])\s*(\d+)\s*$/;
const RELATION = /^(<|<=|>|>=)$/;
/** Function bodies larger than this are not searched (a generated file, a whole module in one function). */
const MAX_NODES_TEXT = 60_000;

/**
 * The recursion of function `name` (`Class.method` for methods: called as `self.method`/`this.method`): undefined
 * unless it calls itself passing one of its parameters moved by a constant and compares that counter with a limit
 * (a level counter), or calls itself again with what it was given from a branch on the model's tool calls (a tool
 * round, toolRound).
 */
export function recursionOf(fnNode: SyntaxNode, name: string, params: readonly ParamFact[], expr: ExprOf): RecursionFact | ToolRoundFact | ReduceFact | undefined {
  const body = fnNode.childForFieldName('body');
  if (!body || body.text.length > MAX_NODES_TEXT) return undefined;
  const short = name.slice(name.lastIndexOf('.') + 1);
  // Cheap first: most functions never write their own name followed by a call.
  if (!body.text.includes(`${short}(`)) return undefined;
  const selfCall = name.includes('.') ? new RegExp(`^(self|this|cls)\\.${short}$`) : new RegExp(`^${short}$`);
  // Each call to itself is tried: one may go again at the same level (a re-send), another go one level down.
  const calls = body.descendantsOfType(CALLS).filter((c): c is SyntaxNode => Boolean(c) && selfCall.test(calleeText(c!)));
  if (!calls.length) return undefined;
  return levelRecursion(body, calls, params, expr) ?? toolRound(body, calls, params) ?? reduction(body, calls, params);
}

/**
 * A reduction: a call to itself (outside error handlers) passing a local the body computed from calls — the answers
 * of this level (`summaries` from the per-chunk requests, repacked and summarised again until one is left). Its
 * arguments are followed back through the body's assignments; a `for` variable passed on is a walk, not a reduction.
 */
function reduction(body: SyntaxNode, calls: readonly SyntaxNode[], params: readonly ParamFact[]): ReduceFact | undefined {
  const names = new Set(params.map((p) => p.name));
  const assigns: { line: number; endLine: number; targets: string[]; reads: string[]; calls: boolean }[] = [];
  for (const a of body.descendantsOfType(ASSIGNS)) {
    const left = a?.childForFieldName('left') ?? a?.childForFieldName('name');
    const right = a?.childForFieldName('right') ?? a?.childForFieldName('value');
    if (!a || !left || !right || assigns.length > 200) continue;
    const targets = [left, ...left.descendantsOfType('identifier')].filter((n) => n?.type === 'identifier').map((n) => n!.text);
    const reads = right.descendantsOfType('identifier').map((n) => n?.text ?? '');
    assigns.push({ line: a.startPosition.row + 1, endLine: a.endPosition.row + 1, targets, reads, calls: right.descendantsOfType(CALLS).length > 0 || right.type === 'await' });
  }
  for (const call of calls) {
    if (inHandler(call, body)) continue;
    const walked = forVariables(call, body);
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment');
    const passed = args.map((a) => (a.type === 'keyword_argument' || a.type === 'pair' ? a.childForFieldName('value') : a)).filter((v): v is SyntaxNode => v?.type === 'identifier' || v?.type === 'shorthand_property_identifier');
    if (passed.some((v) => walked.has(v.text))) continue;
    const start = passed.map((v) => v.text).filter((n) => !names.has(n) || assigns.some((a) => a.targets.includes(n)));
    const feeding = new Set(start);
    const fedFrom: { line: number; endLine: number }[] = [];
    for (let changed = true, rounds = 0; changed && rounds < 8; rounds++) {
      changed = false;
      for (const a of assigns) {
        if (a.line > call.startPosition.row + 1 || fedFrom.some((f) => f.line === a.line) || !a.targets.some((t) => feeding.has(t))) continue;
        fedFrom.push({ line: a.line, endLine: a.endLine });
        for (const r of a.reads) if (!names.has(r)) feeding.add(r);
        changed = true;
      }
    }
    if (assigns.some((a) => a.calls && fedFrom.some((f) => f.line === a.line))) return { line: call.startPosition.row + 1, fedFrom };
  }
  return undefined;
}

function levelRecursion(body: SyntaxNode, calls: readonly SyntaxNode[], params: readonly ParamFact[], expr: ExprOf): RecursionFact | undefined {
  if (!params.length) return undefined;
  const assigned = new Map<string, string>();
  for (const a of body.descendantsOfType(ASSIGNS)) {
    const left = a?.childForFieldName('left') ?? a?.childForFieldName('name');
    const right = a?.childForFieldName('right') ?? a?.childForFieldName('value');
    if (left && right && /^[A-Za-z_$][\w$]*$/.test(left.text) && !assigned.has(left.text)) assigned.set(left.text, right.text);
  }
  for (const call of calls) {
    // Called again from an error handler: a retry of the same request, not a level of work.
    if (inHandler(call, body)) continue;
    for (const [param, argText] of passedArgs(call, params)) {
      // `depth - 1` at the call, or a local set to it (`newDepth = depth - 1`).
      const local = /^[A-Za-z_$][\w$]*$/.test(argText) ? argText : undefined;
      const moved = STEP.exec(local ? (assigned.get(local) ?? '') : argText);
      if (!moved || moved[1] !== param || Number(moved[3]) <= 0) continue;
      const step = Number(moved[3]) * (moved[2] === '-' ? -1 : 1);
      const stop = stopComparison(body, param, local, expr);
      if (stop) return { line: call.startPosition.row + 1, param, step, ...stop };
    }
  }
  return undefined;
}

/**
 * A tool round: a call to itself, outside error handlers, from a branch whose test or block handles the model's tool
 * calls (`if response.stop_reason == "tool_use": … return self._get_completion()`), passing only what the function
 * was given (parameters, attributes, constants) or its locals. Not from a back-off (`sleep` in the branch: a retry),
 * nor passing the variable of a `for` it sits in (one call per child: a walk, a fan-out).
 */
function toolRound(body: SyntaxNode, calls: readonly SyntaxNode[], params: readonly ParamFact[]): ToolRoundFact | undefined {
  const names = new Set(params.map((p) => p.name));
  for (const call of calls) {
    if (inHandler(call, body)) continue;
    const branch = toolBranch(call, body);
    if (!branch || SLEEP.test(branch.text.slice(0, call.startIndex - branch.startIndex))) continue;
    const walked = forVariables(call, body);
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment');
    if (args.every((a) => carriedOver(a, names, walked))) return { line: call.startPosition.row + 1, toolRounds: true };
  }
  return undefined;
}

const SLEEP = /\bsleep\s*\(|setTimeout\s*\(/;
const BRANCHES = /^(if_statement|elif_clause)$/;

/** The innermost `if`/`elif` around the call whose test, or block up to the call, names the model's tool calls. */
function toolBranch(call: SyntaxNode, body: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = call.parent; n && n.id !== body.id; n = n.parent) {
    if (!BRANCHES.test(n.type)) continue;
    const test = n.childForFieldName('condition')?.text ?? '';
    if (TOOL_HANDLING.test(test) || TOOL_HANDLING.test(n.text.slice(0, call.startIndex - n.startIndex))) return n;
  }
  return undefined;
}

/** Names bound by the `for` statements the call sits in. */
function forVariables(call: SyntaxNode, body: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (let n: SyntaxNode | null = call.parent; n && n.id !== body.id; n = n.parent) {
    const left = n.type === 'for_statement' || n.type === 'for_in_statement' ? n.childForFieldName('left') : undefined;
    for (const id of left ? [left, ...left.descendantsOfType('identifier')] : []) if (id?.type === 'identifier') out.add(id.text);
  }
  return out;
}

/** An argument carrying the same work on: a parameter, an attribute, a local, a constant (`caching=False`), spread or by keyword. */
function carriedOver(a: SyntaxNode, params: ReadonlySet<string>, walked: ReadonlySet<string>): boolean {
  const value = a.type === 'keyword_argument' || a.type === 'pair' ? a.childForFieldName('value') : a.type === 'spread_element' || a.type === 'dictionary_splat' || a.type === 'list_splat' ? a.namedChildren[0] : a;
  if (!value) return false;
  if (value.type === 'object') return value.namedChildren.every((c) => !c || c.type === 'comment' || carriedOver(c, params, walked));
  if (value.type === 'shorthand_property_identifier') return !walked.has(value.text);
  if (/^(true|false|none|null|undefined|integer|float|number|string)$/.test(value.type)) return true;
  if (value.type === 'identifier') return params.has(value.text) || !walked.has(value.text);
  return /^(self|this)\.[\w.]+$/.test(value.text.replace(/\s+/g, ''));
}

function inHandler(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node.parent; n && n.id !== body.id; n = n.parent) if (n.type === 'except_clause' || n.type === 'catch_clause') return true;
  return false;
}

function calleeText(call: SyntaxNode): string {
  return (call.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
}

/** What the recursive call passes for each parameter: by keyword, by position, or as a field of an object argument. */
function passedArgs(call: SyntaxNode, params: readonly ParamFact[]): Map<string, string> {
  const out = new Map<string, string>();
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment');
  let position = 0;
  for (const a of args) {
    if (a.type === 'keyword_argument') {
      const n = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value')?.text;
      if (n && v) out.set(n, v);
      continue;
    }
    if (a.type === 'object') {
      for (const pair of a.namedChildren) {
        if (pair?.type === 'pair') {
          const k = pair.childForFieldName('key')?.text.replace(/^["']|["']$/g, '');
          const v = pair.childForFieldName('value')?.text;
          if (k && v && params.some((p) => p.name === k && p.fromObject === position)) out.set(k, v);
        } else if (pair?.type === 'shorthand_property_identifier' && params.some((p) => p.name === pair.text && p.fromObject === position)) out.set(pair.text, pair.text);
      }
    } else {
      const p = params.filter((q) => q.fromObject === undefined)[position];
      if (p && !out.has(p.name)) out.set(p.name, a.text);
    }
    position++;
  }
  return out;
}

/** A comparison of the counter (or the local holding its next value) with a number or a named limit. */
function stopComparison(body: SyntaxNode, param: string, local: string | undefined, expr: ExprOf): Omit<RecursionFact, 'line' | 'param' | 'step'> | undefined {
  for (const c of body.descendantsOfType(COMPARISONS)) {
    if (!c) continue;
    const parts = c.type === 'comparison_operator' ? c.namedChildren.filter((x): x is SyntaxNode => Boolean(x)) : [c.childForFieldName('left'), c.childForFieldName('right')].filter((x): x is SyntaxNode => Boolean(x));
    if (parts.length !== 2) continue;
    const op = c.text.slice(parts[0].endIndex - c.startIndex, parts[1].startIndex - c.startIndex).trim();
    if (!RELATION.test(op)) continue;
    const [l, r] = [parts[0].text, parts[1].text];
    const counter = (t: string) => t === param || t === local;
    if (counter(l) && !counter(r)) return { op, limit: expr(parts[1], 0), next: l !== param };
    // `0 < newDepth`: the counter on the right reads as the mirrored comparison.
    if (counter(r) && !counter(l)) return { op: MIRROR[op], limit: expr(parts[0], 0), next: r !== param };
  }
  return undefined;
}

const MIRROR: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
