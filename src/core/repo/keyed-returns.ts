/**
 * A factory that returns a different value for each key of one subject (TypeScript):
 *
 *   function createProvider({ provider, model }: Options) {
 *     if (provider === "google") { …; return google(model); }
 *     else if (provider === "openai") { …; return openai(model); }
 *     …
 *   }
 *   switch (settings.provider) { case "anthropic": return { chat: "claude-…" }; case "openai": … default: … }
 *
 * Such a function is long (a branch per provider), so the evaluator kept none of its returns, or only the
 * first ones in source order, which names the first provider's model whatever the caller's key. Here each
 * return is kept with the keys of the branch it sits in (`keys`, null for the fall-through: an `else`,
 * `default:` or a return after the branches), so that the evaluator reads the subject under the call and
 * takes the return of the branch it selects (`pickKeyed`). A subject it cannot read picks nothing.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { KeyedReturn, KeyedReturns } from './keyed-return-types';

export type { KeyedReturn, KeyedReturns };

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

const FUNCTION_NODE = /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration|class_declaration|class)$/;
const MAX_CASES = 24;
const MAX_NODES = 2000;

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** A key a subject is compared with: a string literal or a constant path (`Provider.OPENAI`). */
function isKey(n: SyntaxNode): boolean {
  return n.type === 'string' || (n.type === 'member_expression' && /^[A-Z]/.test(n.text));
}

/** `s === "a"`, `"a" === s`, `s === "a" || s === "b"`: the subject's text and the keys; undefined for any other test. */
function equalities(raw: SyntaxNode): { subject: SyntaxNode; keys: SyntaxNode[] } | undefined {
  const node = unwrap(raw);
  if (node.type !== 'binary_expression') return undefined;
  const op = node.childForFieldName('operator')?.text;
  const l = node.childForFieldName('left');
  const r = node.childForFieldName('right');
  if (!l || !r) return undefined;
  if (op === '||') {
    const a = equalities(l);
    const b = a && equalities(r);
    return a && b && a.subject.text === b.subject.text ? { subject: a.subject, keys: [...a.keys, ...b.keys] } : undefined;
  }
  if (op !== '===' && op !== '==') return undefined;
  if (isKey(r) && !isKey(l)) return { subject: l, keys: [r] };
  if (isKey(l) && !isKey(r)) return { subject: r, keys: [l] };
  return undefined;
}

/** The own return statements of a function body, not those of functions nested in it. */
function ownReturns(body: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let budget = MAX_NODES;
  const stack: SyntaxNode[] = [body];
  while (stack.length && budget-- > 0) {
    const n = stack.pop()!;
    for (let i = n.namedChildren.length - 1; i >= 0; i--) {
      const c = n.namedChildren[i];
      if (!c || FUNCTION_NODE.test(c.type)) continue;
      if (c.type === 'return_statement') out.push(c);
      else stack.push(c);
    }
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

/** The subject and keys of the innermost keyed branch holding `ret`; null keys: none holds it (the fall-through). */
function branchOf(ret: SyntaxNode, fnBody: SyntaxNode): { subject?: SyntaxNode; keys: SyntaxNode[] | null } | undefined {
  let child = ret;
  for (let p = ret.parent; p && p.id !== fnBody.id; child = p, p = p.parent) {
    if (p.type === 'switch_case') {
      const sw = p.parent?.parent;
      const subject = sw?.type === 'switch_statement' ? sw.childForFieldName('value') : null;
      if (!subject) return undefined;
      // `case "a": case "b": return …`: the empty cases just before fall through into this one.
      const keys: SyntaxNode[] = [];
      for (let s: SyntaxNode | null = p; s?.type === 'switch_case' && (s.id === p.id || s.namedChildren.length === 1); s = s.previousNamedSibling) {
        const v = s.childForFieldName('value');
        if (v) keys.push(v);
      }
      return { subject: unwrap(subject), keys };
    }
    if (p.type === 'switch_default') return { keys: null };
    if (p.type === 'if_statement') {
      const condition = p.childForFieldName('condition');
      if (!condition || child.id === condition.id) return undefined;
      // Another test inside a keyed branch (`if (model.startsWith("o1")) return …`): the branch around it decides.
      const eq = equalities(condition);
      if (!eq) continue;
      // A return in an `else` is reached when every test above failed: the fall-through of the chain.
      return child.type === 'else_clause' ? { keys: null } : { subject: unwrap(eq.subject), keys: eq.keys };
    }
  }
  return { keys: null };
}

/**
 * The returns of a function keyed by the branches they sit in, where at least two branches compare one subject
 * with keys and every return is in such a branch or falls through; undefined otherwise.
 */
export function keyedReturnsOf(fnNode: SyntaxNode, expr: ExprOf): KeyedReturns | undefined {
  const body = fnNode.childForFieldName('body');
  if (body?.type !== 'statement_block') return undefined;
  // `return null` on a guard gives nothing to follow: it is not a case.
  const returns = ownReturns(body).filter((r) => r.namedChildren[0] && !/^(null|undefined)$/.test(r.namedChildren[0].text));
  if (returns.length < 2 || returns.length > MAX_CASES) return undefined;
  let subject: SyntaxNode | undefined;
  const cases: KeyedReturn[] = [];
  for (const r of returns) {
    const b = branchOf(r, body);
    if (!b) return undefined;
    if (b.subject) {
      if (subject && subject.text !== b.subject.text) return undefined;
      subject ??= b.subject;
    }
    cases.push({ keys: b.keys ? b.keys.map((k) => expr(k, 1)) : null, value: expr(r.namedChildren[0]!, 0) });
  }
  if (!subject || cases.filter((c) => c.keys).length < 2) return undefined;
  return { subject: expr(subject, 0), cases };
}

/** The return the subject's value selects: the first case one of whose keys reads the same, else the fall-through. */
export function pickKeyed(keyed: KeyedReturns, key: string, keyValue: (e: Expr) => string | undefined): Expr | undefined {
  const hit = keyed.cases.find((c) => c.keys?.some((k) => keyValue(k) === key));
  return (hit ?? keyed.cases.find((c) => c.keys === null))?.value;
}
