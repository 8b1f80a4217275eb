/**
 * A retry of one request with a nudge, not an agent loop (Python): a loop that only counts its attempts
 * (`while i < 5:`, `while True:`, `for _ in range(n):`) sends one request, leaves on a test of its answer
 * (`if len(response.tool_calls) != 1: i += 1; messages += [nudge] else: break`, `if is_valid(answer): return
 * answer`), and goes round again asking the same question — at most with a fixed sentence appended ("Please call a
 * valid tool call."). Nothing of the answer reaches the next request, and the answer is only read (counted, parsed,
 * logged), never acted on: the tool calls it names are tested, not run. The tuning labels agree: retries whose
 * inputs gain only a constant are not loops (pyloops11, `until-parsed.ts`), requeries that send the error found in
 * the answer back are (gpt-engineer's diff errors, SWE-agent's format errors).
 *
 * The answer's flow is `request-fed-loops.ts`'s (assignments, in-place updates, `for` targets in the body).
 */
import type { SyntaxNode } from './parser';
import { contains } from './syntax';
import { fedBy, mentionPattern } from './request-fed-loops';
import { READS_ONLY } from '../repo/until-parsed';

export function retriesWithNudge(loop: SyntaxNode, request: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  if (!body || !contains(body, request) || !countsAttempts(loop)) return false;
  const fed = fedBy(body, request);
  if (fed.size === 0) return false;
  const mentions = mentionPattern(fed);
  // The answer goes back into the question: a conversation, however it is tested.
  const args = request.childForFieldName('arguments');
  if (args && mentions.test(args.text)) return false;
  if (!leavesOnAnswer(body, mentions) || !args || !nudged(body, args)) return false;
  // Every other call given something of the answer only reads it (`len(...)`, `json.loads(...)`, `logger.info(...)`).
  return body.descendantsOfType('call').every((c) => {
    if (!c || c.id === request.id || contains(request, c) || insideFunction(c, body)) return true;
    const a = c.childForFieldName('arguments');
    const fn = c.childForFieldName('function');
    const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
    const given = Boolean((a && mentions.test(a.text)) || (receiver && mentions.test(receiver.text)));
    return !given || READS_ONLY.test((fn?.text ?? '').split('.').pop() ?? '');
  });
}

/**
 * The question gains a constant on the way round (`messages += [nudge]`, `messages.append(nudge)`): the loop means to
 * ask the same again. (A tool loop whose messages never change, as a minimal sketch writes it, is left to the loop rules.)
 */
function nudged(body: SyntaxNode, args: SyntaxNode): boolean {
  const sent = new Set(args.descendantsOfType('identifier').map((n) => n?.text).filter((t): t is string => Boolean(t)));
  const updates: SyntaxNode[] = [];
  for (const n of body.descendantsOfType(['assignment', 'augmented_assignment', 'call'])) {
    if (!n || insideFunction(n, body)) continue;
    if (n.type !== 'call') {
      const right = n.childForFieldName('right');
      if (right && sent.has(n.childForFieldName('left')?.text ?? '')) updates.push(right);
      continue;
    }
    const fn = n.childForFieldName('function');
    const a = n.childForFieldName('arguments');
    if (a && fn?.type === 'attribute' && /^(append|extend|insert)$/.test(fn.childForFieldName('attribute')?.text ?? '') && sent.has(fn.childForFieldName('object')?.text ?? '')) updates.push(a);
  }
  // The nudge is a constant: it reads nothing but what is sent (`messages + [{…}]`) and calls nothing. A next prompt
  // made by running something (`next_prompt = run_experiment(…)`) is the world's answer to the model: an agent loop.
  return updates.length > 0 && updates.every((u) => u.descendantsOfType('call').length === 0 && u.descendantsOfType('identifier').every((i) => !i || sent.has(i.text)));
}

/** `while True`, `while i < n` (comparisons joined by `and`), `for _ in range(n)`: a head that only counts. */
function countsAttempts(loop: SyntaxNode): boolean {
  if (loop.type === 'for_statement') {
    const right = loop.childForFieldName('right');
    return right?.type === 'call' && right.childForFieldName('function')?.text === 'range';
  }
  if (loop.type !== 'while_statement') return false;
  const condition = loop.childForFieldName('condition');
  const comparisons = (n: SyntaxNode | null): boolean => {
    if (!n) return false;
    if (n.type === 'parenthesized_expression') return comparisons(n.namedChildren[0]);
    if (n.type === 'boolean_operator') return n.childForFieldName('operator')?.text === 'and' && comparisons(n.childForFieldName('left')) && comparisons(n.childForFieldName('right'));
    return n.type === 'comparison_operator';
  };
  return Boolean(condition && (condition.type === 'true' || comparisons(condition)));
}

/** An `if` of the body itself whose test reads the answer and one of whose arms leaves the loop. */
function leavesOnAnswer(body: SyntaxNode, mentions: RegExp): boolean {
  return body.namedChildren.some((stmt) => {
    if (stmt?.type !== 'if_statement') return false;
    const test = stmt.childForFieldName('condition');
    if (!test || !mentions.test(test.text)) return false;
    const arms = [stmt.childForFieldName('consequence'), ...stmt.childrenForFieldName('alternative').map((a) => (a?.type === 'else_clause' ? a.childForFieldName('body') : null))];
    return arms.some((arm) => arm?.namedChildren.some((s) => s?.type === 'break_statement' || (s?.type === 'return_statement' && s.namedChildren.length > 0)));
  });
}

function insideFunction(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') return true;
  return false;
}
