/**
 * Hand-written agent loops: a `while`/`for` whose body makes a model call and
 * handles tool calls. The bound is read from the loop header (`range(10)`,
 * `i < MAX_STEPS`) or a guard in the body (`if turn >= MAX: break`); without one
 * the loop is unbounded.
 */
import type { SyntaxNode } from './parser';
import type { CallRule } from './frameworks';
import { TOOL_HANDLING } from './frameworks';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';
import { requestFeedsCondition } from './request-fed-loops';
import { retriesWithNudge } from './retry-nudge';

interface FoundCall {
  readonly node: SyntaxNode;
  readonly call: Mutable<DetectedCall>;
  readonly rule: CallRule;
}

const MODEL_INVOKE = /\.(invoke|ainvoke|stream|astream|run|arun|generate|agenerate|chat|send_message|sendMessage)$/;

export function findHandWrittenLoops(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: readonly FoundCall[]): void {
  const modelCalls = calls.filter((c) => c.rule.role === 'call' && !c.call.agent);
  if (modelCalls.length === 0 && !calls.some((c) => c.rule.role === 'model')) return;
  // Functions of this file that wrap a model call: calling them counts as calling the model.
  const wrappers = new Map<string, FoundCall>();
  for (const d of collected.declarations) {
    if (!d.isFunction) continue;
    const inner = modelCalls.find((c) => contains(d.value, c.node));
    if (inner) wrappers.set(d.name, inner);
  }
  const candidates = [...collected.loops].sort((a, b) => a.endIndex - a.startIndex - (b.endIndex - b.startIndex));
  const chosen: SyntaxNode[] = [];
  for (const loop of candidates) {
    if (chosen.some((c) => contains(loop, c))) continue;
    const body = loop.childForFieldName('body');
    if (!body) continue;
    const handlesTools = TOOL_HANDLING.test(body.text);
    // Without tool handling, a while the request's output keeps going (request-fed-loops.ts) is an agent loop too.
    const fed = handlesTools ? undefined : syntax.language === 'python' ? modelCalls.find((c) => requestFeedsCondition(loop, c.node)) : undefined;
    if (!handlesTools && !fed) continue;
    const call = fed ?? callInside(syntax, loop, collected, modelCalls, wrappers, calls);
    if (!call) continue;
    // Tool calls only counted to decide whether to ask again (retry-nudge.ts): one request retried, not a loop.
    if (syntax.language === 'python' && contains(loop, call.node) && retriesWithNudge(loop, call.node)) continue;
    const bound = loopBound(syntax, loop, contains(loop, call.node) ? call.node : undefined);
    if (bound === 'not-a-loop') continue;
    chosen.push(loop);
    const span = spanOf(loop);
    const id = `l${span.line}.${span.column}`;
    if (!sites.addLoop({ id, ...span, framework: 'hand-written', maxSteps: bound?.value, stepOption: bound?.option, unbounded: bound === undefined, callId: call.call.id, rule: fed ? 'request-fed-loop' : 'in-file-loop' })) return;
    if (call.rule.role === 'call' && contains(loop, call.node)) call.call.usedBy ??= id;
  }
}

function callInside(
  syntax: LanguageSyntax,
  loop: SyntaxNode,
  collected: Collected,
  modelCalls: readonly FoundCall[],
  wrappers: ReadonlyMap<string, FoundCall>,
  all: readonly FoundCall[],
): FoundCall | undefined {
  const direct = modelCalls.find((c) => contains(loop, c.node));
  if (direct) return direct;
  for (const c of collected.calls) {
    if (!contains(loop, c)) continue;
    const callee = syntax.callee(c);
    const wrapped = wrappers.get(callee);
    if (wrapped) return wrapped;
    if (MODEL_INVOKE.test(callee)) {
      // `llm.invoke(messages)` / `llm_with_tools.invoke(…)`: the chat model constructed in this file.
      const model = all.find((f) => f.rule.role === 'model');
      if (model) return model;
    }
  }
  return undefined;
}

type Bound = { value: number; option: string } | undefined | 'not-a-loop';

/** `step`: the request the body sends, where it is written in the loop (the guard's place relative to it counts). */
export function loopBound(syntax: LanguageSyntax, loop: SyntaxNode, step?: SyntaxNode): Bound {
  switch (loop.type) {
    case 'for_statement': {
      if (syntax.language === 'python') return pythonForBound(syntax, loop);
      const condition = loop.childForFieldName('condition');
      if (!condition || condition.type === 'empty_statement' || condition.text.trim() === ';') return guardInBody(syntax, loop, step);
      return comparisonBound(syntax, condition) ?? guardInBody(syntax, loop, step);
    }
    case 'for_in_statement':
      return 'not-a-loop';
    case 'while_statement':
    case 'do_statement': {
      const condition = loop.childForFieldName('condition');
      return (condition ? comparisonBound(syntax, condition) : undefined) ?? guardInBody(syntax, loop, step);
    }
    default:
      return undefined;
  }
}

function pythonForBound(syntax: LanguageSyntax, loop: SyntaxNode, step?: SyntaxNode): Bound {
  const right = loop.childForFieldName('right');
  if (!right) return 'not-a-loop';
  if (right.type === 'call' && /^range$/.test(syntax.callee(right))) {
    const args = syntax.args(right).positional;
    const end = args.length >= 2 ? args[1] : args[0];
    const value = end ? syntax.number(end) : undefined;
    const start = args.length >= 2 ? syntax.number(args[0]) : 0;
    if (value !== undefined && start !== undefined) return { value: Math.max(0, value - start), option: `range(${end!.text})` };
    return guardInBody(syntax, loop, step);
  }
  if (right.type === 'call' && /(^|\.)count$/.test(syntax.callee(right))) return guardInBody(syntax, loop, step);
  // Iterating over data (`for item in items`) is a batch, not an agent loop.
  return 'not-a-loop';
}

/** `i < 10`, `turn <= MAX_TURNS`, `steps < maxSteps && !done`. */
function comparisonBound(syntax: LanguageSyntax, condition: SyntaxNode): { value: number; option: string } | undefined {
  const comparisons = [condition, ...condition.descendantsOfType(['binary_expression', 'comparison_operator'])].filter(
    (n): n is SyntaxNode => Boolean(n) && (n!.type === 'binary_expression' || n!.type === 'comparison_operator'),
  );
  for (const c of comparisons) {
    const m = /^(.+?)\s*(<=|<|>=|>)\s*(.+)$/s.exec(c.text);
    if (!m) continue;
    const [left, right] = c.type === 'comparison_operator' ? [c.namedChildren[0], c.namedChildren[1]] : [c.childForFieldName('left'), c.childForFieldName('right')];
    if (!left || !right) continue;
    const op = m[2];
    const rightValue = syntax.number(right);
    const leftValue = syntax.number(left);
    if ((op === '<' || op === '<=') && rightValue !== undefined) {
      return { value: rightValue + (op === '<=' ? 1 : 0), option: right.text };
    }
    if ((op === '>' || op === '>=') && leftValue !== undefined) {
      return { value: leftValue + (op === '>=' ? 1 : 0), option: left.text };
    }
  }
  return undefined;
}

/**
 * `if turn >= MAX_TURNS: break` inside the body: MAX_TURNS passes where the counter is raised after the guard and the
 * request is sent after it too (or both before it). Where the body raises the counter once (`turn += 1`, `turn++`) and
 * sends the request itself, their places count: the guard stops the pass on which the counter first meets the cap
 * (one pass sooner when it is raised before the guard), and that pass sends its request only if it comes before the
 * guard (`iterations += 1; if iterations > max_iterations: break; ask()` → max_iterations requests).
 */
function guardInBody(syntax: LanguageSyntax, loop: SyntaxNode, step?: SyntaxNode): { value: number; option: string } | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  for (const stmt of body.descendantsOfType('if_statement')) {
    if (!stmt) continue;
    const condition = stmt.childForFieldName('condition');
    const consequence = stmt.childForFieldName('consequence');
    if (!condition || !consequence || !/\b(break|return|raise|throw)\b/.test(consequence.text)) continue;
    const comparisons = [condition, ...condition.descendantsOfType(['binary_expression', 'comparison_operator'])];
    for (const c of comparisons) {
      if (!c) continue;
      const m = /^([\w.]+)\s*(>=|>|==|===)\s*(.+)$/s.exec(c.text.replace(/^\(|\)$/g, ''));
      if (!m) continue;
      const right = c.type === 'comparison_operator' ? c.namedChildren[1] : c.childForFieldName('right');
      const value = right ? syntax.number(right) : undefined;
      if (value === undefined) continue;
      const ordered = step ? orderedPasses(body, stmt, step, m[1], value, m[2]) : undefined;
      return { value: ordered ?? value + (m[2] === '>' ? 1 : 0), option: `${m[1]} ${m[2]} ${m[3].trim()}` };
    }
  }
  return undefined;
}

const RAISES = ['augmented_assignment', 'augmented_assignment_expression', 'update_expression'];

/** Requests sent before `guard` stops the loop, from where the body raises `counter` (once, by one) and sends `step`. */
function orderedPasses(body: SyntaxNode, guard: SyntaxNode, step: SyntaxNode, counter: string, cap: number, op: string): number | undefined {
  const name = counter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const raise = new RegExp(`^(${name}\\s*\\+=\\s*1|${name}\\s*\\+\\+|\\+\\+\\s*${name})$`);
  const raises = body.descendantsOfType(RAISES).filter((n): n is SyntaxNode => Boolean(n) && raise.test(n!.text.trim()));
  if (raises.length !== 1 || contains(guard, raises[0]) || contains(guard, step) || !contains(body, step)) return undefined;
  const stopsOn = (op === '>' ? cap + 1 : cap) + (raises[0].startIndex < guard.startIndex ? 0 : 1);
  return stopsOn - 1 + (step.startIndex < guard.startIndex ? 1 : 0);
}
