/**
 * How many requests one pass of a LangGraph cycle sends, where its bound counts passes rather than node runs.
 * A router compares a counter (`state.reflection_steps_taken <= max_reflection_steps`); the bound counts what adds
 * to that counter. Where every request node adds one (a debate: bull and bear each `count + 1`), the bound counts
 * node runs: one request each, today's pricing. Where fewer nodes write it (only `reflection` of research →
 * extract → reflection), every pass runs all the request nodes: passes = bound ÷ writers, each pass sends the
 * requests of every request node (report/cycle-passes.ts prices it). A node's requests in exclusive branches are
 * one request (its first); a node whose function is in another file sends the first request it reaches (the
 * others may be providers a dispatch picks between).
 */
import { exclusive } from './branches';
import type { CallInfo } from './call-links';

/** The state key a compared counter is: `state.reflection_steps_taken`, `state["debate"]["count"]`; none for `len(…)`. */
export function counterKey(text: string): string | undefined {
  const t = text.trim();
  if (/len\s*\(/.test(t)) return undefined;
  const m = /(?:\.|\[\s*["'])(\w+)["']?\s*\]?\s*\)?$/.exec(t) ?? /^(\w+)$/.exec(t);
  return m?.[1];
}

/** The counter side of a comparison as written (`state.n <= 3` → `state.n`): the side that is not a number or a limit. */
export function counterSide(comparison: string): string | undefined {
  const m = /^(.+?)\s*(>=|>|<=|<)\s*([^(]+?)(?:\s*\(.*)?$/s.exec(comparison.trim());
  if (!m) return undefined;
  const isLimit = (s: string): boolean => /^\d+(\.\d+)?$/.test(s.trim()) || /(max|limit|cap|budget)/i.test(s);
  return !isLimit(m[1]) ? m[1] : !isLimit(m[3]) ? m[3] : undefined;
}

/**
 * Whether a node function's text writes the key: `"key": …` in a returned dict, `key=…` as a keyword, `key: …` in
 * a returned object, `state.key += 1`, `state["key"] = …`. Reads and comparisons (`state.key <= 3`) do not count.
 */
export function writesKey(text: string, key: string): boolean {
  const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`["']${k}["']\\s*:|["']${k}["']\\s*\\]\\s*[+-]?=(?!=)|\\.${k}\\s*[+-]?=(?!=)|[(,{]\\s*${k}\\s*[=:](?!=)|^\\s*${k}\\s*[+-]?=(?!=)`, 'm').test(text);
}

export interface PassNode {
  readonly name: string;
  /** The node function's text, when it is read. */
  readonly text?: string;
  /** The requests the node sends each run (ids or sites), none of them another's alternative. */
  readonly requests: readonly string[];
}

/** A cycle's pass plan: the writers of its counter and the requests of each pass; none where today's pricing holds. */
export function passPlan(nodes: readonly PassNode[], counter: string | undefined): { writers: number; requests: string[] } | undefined {
  const key = counter ? counterKey(counter) : undefined;
  if (!key) return undefined;
  const writes = (n: PassNode): boolean => n.text !== undefined && writesKey(n.text, key);
  const writers = nodes.filter(writes).length;
  const senders = nodes.filter((n) => n.requests.length);
  // No writer read (a counter kept elsewhere), or every request node adds one: the bound counts node runs.
  const requests = senders.flatMap((n) => n.requests);
  if (!writers || requests.length < 2 || senders.every(writes)) return undefined;
  return { writers, requests };
}

/** A node's requests that each run sends: those in exclusive branches of an earlier one are its alternatives. */
export function sentTogether(calls: readonly CallInfo[]): string[] {
  const kept: CallInfo[] = [];
  for (const c of calls) if (!kept.some((k) => exclusive(k.node, c.node))) kept.push(c);
  return kept.map((c) => c.call.id);
}
