/**
 * An instance taken from a dict of instances by a key known only at run time: `model = clients[name]`
 * where `clients = {"openai": OpenAiClient(), "claude": Claude()}`, or `self.providers[kind]` where the
 * constructor fills `self.providers` so. A method called on it (`model.inference(…)`) may run that
 * method of any of the instances' classes, as a call through a base type may run any override. Only a
 * subscript whose holder is a name or an attribute chain (`clients[k]`, `self.clients[k]`) is read, and
 * only a dict literal's values; a list or a dict built at run time is left unresolved.
 */
import type { Expr } from './facts';

/** At most this many entries of one dict are followed (a registry of dozens is no dispatch the graph can use). */
export const MAX_KEYED = 12;

const SUBSCRIPT = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,3})\[[^\][]+\]$/;

/** The dict a subscript with a run-time key reads from (`self.clients` of `self.clients[name]`), as an expression. */
export function keyedHolder(e: Expr): Expr | undefined {
  // A literal key is the evaluator's (`clients["openai"]` is one entry); a run-time key is kept as text, or as a lookup (keyed-tables.ts).
  if (e.k === 'lookup') return holderChain(e.obj, 0) ? e.obj : undefined;
  if (e.k !== 'unknown') return undefined;
  const m = SUBSCRIPT.exec(e.text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const [head, ...props] = m[1].split('.');
  return props.reduce<Expr>((obj, prop) => ({ k: 'member', obj, prop, line: e.line }), { k: 'name', v: head, line: e.line });
}

/** A name or an attribute chain of at most three attributes (`clients`, `self.clients`). */
function holderChain(e: Expr, depth: number): boolean {
  return e.k === 'name' || (e.k === 'member' && depth < 3 && holderChain(e.obj, depth + 1));
}
