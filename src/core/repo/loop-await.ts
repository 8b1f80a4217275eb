/**
 * What a loop records of the data flow in its body: a Python loop waiting for a value (extract-py-awaits.ts, read
 * by until-parsed.ts), a function recursing on what it computed (extract-recursion.ts, read by reduce-recursion.ts).
 */
import type { Expr } from './facts';

/** A loop waiting for `name`: the body's assignments and calls in source order, each with the names it reads. */
export interface LoopAwait {
  /** The value a `while … is None` head waits for; empty when the loop leaves on a test in its body (`exitReads`). */
  readonly name: string;
  /** A counted loop (`while i < 5`, `for _ in range(n)`) leaving on an `if` of its body: what those tests read. */
  readonly exitReads?: readonly string[];
  readonly assigns: readonly { readonly line: number; readonly endLine: number; readonly targets: readonly string[]; readonly reads: readonly string[] }[];
  /** `reads`: what the whole call reads, its callee's object included; `args`: what its arguments read. */
  readonly calls: readonly { readonly line: number; readonly callee: string; readonly reads: readonly string[]; readonly args: readonly string[] }[];
}

/**
 * A function calling itself with values it computed from its own calls (`return await self.summarize(query,
 * summaries)` with `summaries` built from the answers of this level): `fedFrom` are the line spans of the
 * assignments that feed those arguments, where a request among them makes each level send on what the last one said.
 */
export interface ReduceFact {
  /** Line of the call the function makes to itself. */
  readonly line: number;
  readonly fedFrom: readonly { readonly line: number; readonly endLine: number }[];
}

/** A name that ends the loop when true (`if done: break`, `while not done`), set from a call of the body. */
export interface FlagExit {
  readonly name: string;
  /** The line of the test (the `if`, or the `while` header). */
  readonly line: number;
  /** The line of the call whose result sets it, and the name's place when that result is unpacked. */
  readonly callLine: number;
  readonly index?: number;
}

/** A returned value a cap decides (`done = self.n >= self.max or success`), at its place in a returned tuple. */
export interface ReturnedCap {
  readonly index?: number;
  readonly limits: readonly { readonly left: string; readonly op: string; readonly right: Expr; readonly leftExpr?: Expr; readonly line?: number }[];
}

/**
 * What a function does that a loop calling it reads: the caps deciding what it returns and the counters it raises
 * (a flag the step hands back, step-flags.ts); the parameters whose fields it changes (`run.state.iteration += 1`,
 * `run.messages.append(m)`): an object passed in comes back changed (mutating-methods.ts).
 */
export interface StepEffects {
  readonly returned?: readonly ReturnedCap[];
  readonly raised?: readonly { readonly name: string; readonly line: number }[];
  readonly changedParams?: readonly string[];
}
