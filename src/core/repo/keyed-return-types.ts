/**
 * The shape of a factory's returns keyed by the branch they sit in (keyed-returns.ts builds them).
 * Kept apart from the builder so that facts.ts, which pages and webviews reach through report types,
 * does not pull the parser's node types (and Node's globals) into their type check.
 */
import type { Expr } from './facts';

export interface KeyedReturn {
  /** The values that select this return (string literals or constants such as `Provider.OpenAI`); null: the fall-through. */
  readonly keys: readonly Expr[] | null;
  readonly value: Expr;
}

export interface KeyedReturns {
  /** What the branches compare (`provider`, `config.provider`). */
  readonly subject: Expr;
  readonly cases: readonly KeyedReturn[];
}
