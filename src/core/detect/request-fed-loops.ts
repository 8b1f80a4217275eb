/**
 * A Python `while` whose condition is fed by the request made inside it: `while queue and more_needed:` where
 * the body asks the model and sets `more_needed = parsed["more"]`, `queue.extend(urls_the_model_named)`. The
 * model decides whether the loop goes on, which is what makes it an agent loop, even when the body handles no
 * tool call and the request sits in a nested `for` over chunks.
 *
 * The data flow is followed inside the loop body only, in a few passes over its assignments (`x = …`,
 * `x += …`, `x[k] = …`), in-place collection updates (`x.append(…)`, `x.extend(…)`) and `for x in …` targets:
 * what the request's result flows into is "fed"; the loop counts when a name or attribute of its condition is.
 * A `while pending:` that only drains a queue (`item = pending.pop()`) is a batch: the model's output never
 * reaches `pending`.
 */
import type { SyntaxNode } from './parser';
import { contains } from './syntax';

const COLLECTION_UPDATE = /^(append|extend|insert|add|update|appendleft|put|put_nowait)$/;
const MAX_PASSES = 6;

interface Flow {
  readonly targets: readonly string[];
  readonly from: SyntaxNode;
}

/** Whether `loop` (a Python while) has a condition that the request `request` (a node inside it) feeds. */
export function requestFeedsCondition(loop: SyntaxNode, request: SyntaxNode): boolean {
  if (loop.type !== 'while_statement') return false;
  const condition = loop.childForFieldName('condition');
  const body = loop.childForFieldName('body');
  if (!condition || !body || !contains(body, request)) return false;
  const watched = new Set(conditionKeys(condition));
  if (watched.size === 0) return false;
  const fed = fedBy(body, request);
  return [...watched].some((k) => fed.has(k));
}

/** The names and attribute paths of `body` that the result of `request` (a node inside it) flows into. */
export function fedBy(body: SyntaxNode, request: SyntaxNode): Set<string> {
  const flows = flowsIn(body);
  const fed = new Set<string>();
  for (const f of flows) if (contains(f.from, request)) f.targets.forEach((t) => fed.add(t));
  if (fed.size === 0) return fed;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let grew = false;
    const mentions = mentionPattern(fed);
    for (const f of flows) {
      if (f.targets.every((t) => fed.has(t)) || !mentions.test(f.from.text)) continue;
      f.targets.forEach((t) => fed.add(t));
      grew = true;
    }
    if (!grew) break;
  }
  return fed;
}

/** The names and attribute paths the condition reads (`self.queue`, `more_needed`). */
function conditionKeys(condition: SyntaxNode): string[] {
  const keys: string[] = [];
  const walk = (n: SyntaxNode): void => {
    if (n.type === 'identifier' || n.type === 'attribute') {
      keys.push(n.text);
      if (n.type === 'identifier') return;
    }
    if (n.type === 'call') {
      // `len(queue)`, `queue.empty()`: the receiver and the arguments are what is read.
      const fn = n.childForFieldName('function');
      if (fn?.type === 'attribute') {
        const obj = fn.childForFieldName('object');
        if (obj) walk(obj);
      }
      const args = n.childForFieldName('arguments');
      if (args) for (const a of args.namedChildren) if (a) walk(a);
      return;
    }
    if (n.type === 'attribute') return;
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(condition);
  return keys;
}

/** Every assignment-like statement of the body, nested blocks included (not nested functions). */
function flowsIn(body: SyntaxNode): Flow[] {
  const flows: Flow[] = [];
  const walk = (n: SyntaxNode): void => {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return;
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left && right) flows.push({ targets: targetKeys(left), from: right });
    } else if (n.type === 'for_statement') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left && right) flows.push({ targets: targetKeys(left), from: right });
    } else if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const args = n.childForFieldName('arguments');
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      if (obj && args && method && COLLECTION_UPDATE.test(method)) flows.push({ targets: targetKeys(obj), from: args });
    }
    for (const c of n.namedChildren) if (c) walk(c);
  };
  walk(body);
  return flows;
}

/** `x` → x; `self.q` → self.q; `d["k"]` → d; `a, b` → a and b. */
function targetKeys(left: SyntaxNode): string[] {
  switch (left.type) {
    case 'identifier':
    case 'attribute':
      return [left.text];
    case 'subscript': {
      const value = left.childForFieldName('value');
      return value ? targetKeys(value) : [];
    }
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
      return left.namedChildren.flatMap((c) => (c ? targetKeys(c) : []));
    default:
      return [];
  }
}

export function mentionPattern(keys: ReadonlySet<string>): RegExp {
  const alternatives = [...keys].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w.])(?:${alternatives.join('|')})(?!\\w)`);
}
