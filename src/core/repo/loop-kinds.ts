/**
 * Loops that reach a request but are not agent loops (issue 13's traps):
 * - a **retry** of one request: the body is a `try` that leaves the loop on success, and it goes round
 *   again after a back-off (`sleep`) or only on errors that are not the repository's own (network,
 *   rate limits, `Exception`). Going round again on the repository's own exceptions (a format error
 *   found in the answer) re-asks the model with feedback: a requery loop, an agent loop. Also a loop
 *   waiting for the answer to parse (`while parsed is None and tries < n`, until-parsed.ts);
 * - **samples** of one request: every call that reaches the request passes only inputs the loop never
 *   changes (`for _ in range(n): out.append(query(messages))`);
 * - a **worker over a queue**: each pass takes the next item (`job = queue.get()`), a task of its own;
 * - an **interactive REPL**: a call of its own in the body (not the one reaching the request) reads the
 *   user's input (user-input.ts: by what the callee is through the imports), or a client's next message on a websocket — one iteration per user message, each a task
 *   of its own. A read inside an exception handler (asking whether to switch models after an error) is
 *   recovery, not the loop's main path.
 */
import type { CalleeFact, Expr, FunctionFact, ImportFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import type { CallGraph, Edge } from './graph';
import { enclosingFunction } from './closures';
import { changedThroughMethods } from './mutating-methods';
import { retriesUntilParsed } from './until-parsed';
import { readsUserInput } from './user-input';
import { dottedPath } from './values';

const INPUT_HOPS = 3;

/** What the REPL check reads of the store: each file's functions and imports. */
type InputStore = { get(path: string): { functions: ReadonlyMap<string, FunctionFact>; facts: { imports: readonly ImportFact[] } } | undefined };

export type NotAgentLoop = 'retry' | 'samples' | 'repl' | 'queue';

export interface LoopSteps {
  /** Edges out of the loop body that reach a request. */
  readonly stepEdges: readonly Edge[];
  /** The other edges out of the loop body. */
  readonly otherEdges: readonly Edge[];
}

export function notAgentLoop(ev: Evaluator, graph: CallGraph, store: InputStore, path: string, fn: FunctionFact | undefined, loop: LoopFact, steps: LoopSteps): NotAgentLoop | undefined {
  if (isRetry(ev, path, fn, loop) || retriesUntilParsed(loop, steps.stepEdges)) return 'retry';
  const nestedIn = (p: string, outer: FunctionFact): FunctionFact[] => {
    const functions = store.get(p)?.functions;
    return functions ? [...functions.values()].filter((f) => f.line > outer.line && f.endLine <= outer.endLine && enclosingFunction(functions, f) === outer) : [];
  };
  if (isSampling(loop, steps.stepEdges, () => changedThroughMethods([...steps.stepEdges, ...steps.otherEdges], { outgoing: (p, f) => graph.outgoing(p, f), fn: (p, f) => store.get(p)?.functions.get(f), nestedIn }))) return 'samples';
  // A read on the main path makes a REPL; one in an exception handler only asks what to do after a failure.
  const recovery = new Set(loop.recoveryLines ?? []);
  if (loop.calls.some((c) => takesFromQueue(c) && !recovery.has(c.line))) return 'queue';
  const imports = store.get(path)?.facts.imports ?? [];
  if (loop.calls.some((c) => readsUserInput(c.callee, imports) && !recovery.has(c.line))) return 'repl';
  const stepLines = new Set(steps.stepEdges.map((e) => e.line));
  // A call of its own: one on a line that does not also reach the request.
  const own = steps.otherEdges.filter((e) => !stepLines.has(e.line) && !recovery.has(e.line));
  if (own.some((e) => readsInput(graph, store, e.target, INPUT_HOPS))) return 'repl';
  return undefined;
}

/**
 * `item = jobs.get()` / `await queue.get()`: a zero-argument `get` takes the next item of a queue (a dict's `get`
 * needs a key). A worker looping over a queue runs one task per item, not steps of one task.
 */
function takesFromQueue(c: CalleeFact): boolean {
  return /\.get(_nowait)?$/.test(c.callee) && c.expr.k === 'call' && c.expr.args.length === 0 && Object.keys(c.expr.kw).length === 0;
}

function isRetry(ev: Evaluator, path: string, fn: FunctionFact | undefined, loop: LoopFact): boolean {
  if (!loop.attempt) return false;
  if (loop.sleeps) return true;
  const own = loop.attempt.again.some((name) => {
    try {
      const v = ev.eval(nameExpr(name, loop.line), { path, fn });
      return v?.t === 'class';
    } catch {
      return false;
    }
  });
  return !own;
}

/** `alsoChanged`: receivers the body changes through the repository's own methods (asked only when needed). */
function isSampling(loop: LoopFact, stepEdges: readonly Edge[], alsoChanged: () => readonly string[]): boolean {
  if (!stepEdges.length || !loop.changes) return false;
  const changed = new Set(loop.changes);
  if (sendsUnchanged(stepEdges, changed)) for (const r of alsoChanged()) changed.add(r);
  return sendsUnchanged(stepEdges, changed);
}

/**
 * Every call passes only what the loop never changes: names and attributes it does not assign (at least one),
 * and constants (`model="gpt-4o"`, `tools=None`). A call on an object the loop changes (`session.stream_turn(cb)`
 * after `session.append_tool_results(…)` appended to the session's messages) sends that object's new state: the
 * receiver is an input too, when the body changes that very object (not merely one of its fields' lists). Not the
 * loop's own object (`self.request(prompt)` beside `self.log_usage(response)`): its methods keep records of the
 * requests, they do not carry the conversation.
 */
function sendsUnchanged(stepEdges: readonly Edge[], changed: ReadonlySet<string>): boolean {
  return stepEdges.every((e) => {
    const receiver = e.callee.slice(0, Math.max(0, e.callee.lastIndexOf('.')));
    if (receiver && !/^(self|this)$/.test(receiver) && changed.has(receiver)) return false;
    const inputs = [...e.bound.args, ...Object.values(e.bound.kw)].filter((a) => !isConstant(a));
    return inputs.length > 0 && inputs.every((a) => {
      const root = dottedPath(a);
      return root !== undefined && !changed.has(root) && ![...changed].some((c) => c.startsWith(`${root}.`) || root.startsWith(`${c}.`));
    });
  });
}

function isConstant(e: Expr): boolean {
  return e.k === 'str' || e.k === 'num' || (e.k === 'unknown' && /^(None|True|False|null|undefined|true|false)$/.test(e.text));
}


function readsInput(graph: CallGraph, store: InputStore, start: { path: string; fn: string }, hops: number): boolean {
  const seen = new Set<string>();
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const next: { path: string; fn: string }[] = [];
    for (const t of frontier) {
      const key = `${t.path}#${t.fn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const file = store.get(t.path);
      const fn = file?.functions.get(t.fn);
      // Past the loop's own call, only what runs on every call counts: a password asked for when the model's
      // command happens to be `apt install` (a branch of the terminal's run) does not make the loop a REPL. Reads
      // on two arms of one choice (`session.prompt(…)` if there is a session, else `input(…)`) run on every call.
      const reads = fn?.calls.filter((c) => readsUserInput(c.callee, file?.facts.imports ?? [])) ?? [];
      if (reads.some((c) => !c.branch) || reads.length >= 2) return true;
      next.push(...graph.outgoing(t.path, t.fn).filter((e) => !e.branch).map((e) => e.target));
    }
    frontier = next;
  }
  return false;
}

function nameExpr(text: string, line: number): Expr {
  const parts = text.split('.');
  let e: Expr = { k: 'name', v: parts[0], line };
  for (const p of parts.slice(1)) e = { k: 'member', obj: e, prop: p, line };
  return e;
}
