/**
 * Counted Python loops that fan one request out over the passes rather than run an agent: `for i in range(int(num_day)):
 * i_say = f"… {day(i)} …"; gpt_say = yield from ask(i_say, llm_kwargs, history=[], …); history.append(gpt_say)`
 * (binary-husky/gpt_academic `crazy_functions/高级功能函数模板.py:50`, labeled not_loops). Each pass asks a question
 * the counter picks, and no reply reaches a later pass's request: what the model says decides nothing. An agent
 * loop hands the reply back (`messages.append(reply)` with `messages` passed on, `last = reply` sent as history) or
 * stops on it (`if "DONE" in reply: break`). Only plain function calls whose result is bound to a name are read
 * (`self.step()` may keep the reply in the object: not a fan-out). `n = len(fragments)` … `range(n)` walks data by
 * index (`PDF_Summary.py:44`), like `range(len(fragments))` (extract-py-loops.ts).
 */
import type { SyntaxNode } from '../detect/parser';
import { ownStatements } from './extract-shared';

const STATEMENTS = new Set(['expression_statement', 'break_statement', 'return_statement', 'continue_statement']);
const ADDS = /^([A-Za-z_]\w*)\s*\.\s*(append|extend|insert)\s*\(/;

/** Whether `name` is bound to `len(…)` in the function around the loop (or the module). */
export function lengthName(loop: SyntaxNode, name: string): boolean {
  let scope: SyntaxNode | null = loop.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const body = scope?.type === 'function_definition' ? scope.childForFieldName('body') : scope;
  if (!body) return false;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ownStatements(body, STATEMENTS, 400).some((s) => new RegExp(`^${esc}\\s*=\\s*len\\(`).test(s.text));
}

/** Lines of a counted loop's fanned-out calls (see above), or undefined when the loop is not one. */
export function fannedOut(loop: SyntaxNode): number[] | undefined {
  const body = loop.childForFieldName('body');
  const counter = loop.childForFieldName('left');
  if (!body || counter?.type !== 'identifier') return undefined;
  const word = (n: string) => new RegExp(`(^|[^\\w.])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  // The passes must differ by the counter.
  if (!word(counter.text).test(body.text)) return undefined;
  const stmts = ownStatements(body, STATEMENTS, 200);
  if (stmts.some((s) => s.type !== 'expression_statement')) return undefined;
  const steps: { line: number; args: string; result: string }[] = [];
  for (const s of stmts) {
    const a = s.namedChildren[0];
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    let right = a.childForFieldName('right');
    while (right && (right.type === 'await' || right.type === 'yield')) right = right.namedChildren[0] ?? null;
    if (right?.type !== 'call' || left?.type !== 'identifier') continue;
    if (right.childForFieldName('function')?.type !== 'identifier') continue;
    // What each argument passes: a keyword's value, not its name (`history=[]` passes a fresh list, not `history`).
    const args = (right.childForFieldName('arguments')?.namedChildren ?? []).map((c) => (c?.type === 'keyword_argument' ? (c.childForFieldName('value')?.text ?? '') : (c?.text ?? '')));
    steps.push({ line: a.startPosition.row + 1, args: args.join(' '), result: left.text });
  }
  if (!steps.length) return undefined;
  // The names a reply reaches in the body: bound from it, copied, appended.
  const fed = new Set(steps.map((s) => s.result));
  for (let round = 0; round < 3; round++) {
    for (const s of stmts) {
      const t = s.text;
      const add = ADDS.exec(t);
      const assign = /^([A-Za-z_]\w*)\s*(\+?=)(?!=)\s*([\s\S]+)$/.exec(t);
      const uses = (x: string) => [...fed].some((n) => word(n).test(x));
      if (add && uses(t.slice(add[0].length))) fed.add(add[1]);
      else if (assign && uses(assign[3])) fed.add(assign[1]);
    }
  }
  // A reply that stops the loop or reaches a request decides something.
  if (/\b(if|while)\b/.test(body.text) && [...fed].some((n) => new RegExp(`\\b(if|while)\\b[^\\n]*${word(n).source}`).test(body.text))) return undefined;
  if (steps.some((s) => [...fed].some((n) => word(n).test(s.args)))) return undefined;
  return steps.map((s) => s.line);
}
