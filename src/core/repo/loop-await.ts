/** What a Python loop waiting for a value records of its body (extract-py-awaits.ts; read by until-parsed.ts). */

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
