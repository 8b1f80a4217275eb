/**
 * A task that re-enqueues itself, priced as an agent loop: a function sends (or reaches) a request and then puts a
 * task on a queue (`execute_agent.apply_async(…)`, `task.delay(…)`, `queue.enqueue(task, …)`) whose function runs
 * it again — the next pass of the loop is the next job. The loop is the function; its passes are bounded by a test
 * that leaves before the enqueue once a count reaches a limit (`if self._check_for_max_iterations(…): return`, the
 * helper comparing `config["max_iterations"] <= execution.num_of_calls`), counted from 0 (the count of a new run).
 * A limit only the user interface sets (`useState(25)` for `maxIterations`) is read from the UI's default.
 *
 * Not taken: a task enqueued once from elsewhere (nothing it runs enqueues it again), a schedule (a beat table is
 * configuration, not a call), a re-enqueue whose pass reaches no request (bookkeeping jobs).
 */
import type { SourceRef } from '../report/types';
import { scopeOfPath } from '../report/scope';
import type { CalleeFact, ExitTest, Expr, FunctionFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import { exprText } from './extract';
import type { CallGraph } from './graph';
import type { LoopRequests } from './loop-requests';
import type { ReachFrom } from './recursion-loops';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import { attempt } from './values';
import { functionLoop } from './function-loops';

/** How many calls away the enqueued task may reach the function back. */
const MAX_HOPS = 4;
const LIMIT = /max|limit|cap\b|budget/i;
/** Past this many passes a limit is not believed (a timestamp, a size in bytes). */
const MAX_PASSES = 10_000;

type Ctx = { readonly path: string; readonly fn?: FunctionFact };
interface Bound {
  readonly steps: number;
  readonly option: string;
  readonly at?: SourceRef;
}

export function requeueLoops(store: RepoStore, graph: CallGraph, ev: Evaluator, reachFrom: ReachFrom, taken: (path: string, line: number, endLine: number) => boolean, requests: Pick<LoopRequests, 'ownOf' | 'lineOf'>): RepoLoop[] {
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    const path = f.file.path;
    if (f.file.language !== 'python') continue;
    for (const fn of f.facts.functions) {
      const enqueues = fn.calls.filter((c) => enqueuedTask(c) !== undefined);
      if (!enqueues.length || taken(path, fn.line, fn.endLine)) continue;
      const again = enqueues.filter((c) => {
        const task = taskFunction(store, ev, enqueuedTask(c)!, { path, fn });
        return task !== undefined && reaches(graph, task.path, task.name, path, fn.name);
      });
      if (!again.length) continue;
      const lines = new Set(again.map((c) => c.line));
      const body: LoopFact = { line: fn.line, column: 0, endLine: fn.endLine, endColumn: 0, kind: 'while', limits: [], calls: fn.calls.filter((c) => !lines.has(c.line)) };
      const direct = requests.ownOf(path, fn.name);
      const steps = direct.length ? direct : reachFrom(path, fn, body).steps;
      if (!steps.length) continue;
      const last = Math.max(...again.map((c) => c.line));
      const bound = boundOf(store, graph, ev, { path, fn }, last);
      out.push(functionLoop(path, fn, steps, (s) => requests.lineOf(s), { ...(bound ? { maxSteps: bound.steps, stepOption: bound.option } : {}), unbounded: !bound, rule: 'task-requeue' }, {
        ...(bound ? { boundKind: 'parameter' as const } : {}),
        ...(bound?.at ? { boundAt: bound.at } : {}),
      }));
    }
  }
  return out;
}

/** The task an enqueue call puts on the queue: `task.apply_async(…)`/`task.delay(…)`, `queue.enqueue(task, …)`. */
function enqueuedTask(c: CalleeFact): Expr | undefined {
  const e = c.expr;
  if (e.k !== 'call') return undefined;
  if (/\.(apply_async|delay)$/.test(c.callee)) return e.callee.k === 'member' ? e.callee.obj : undefined;
  if (/(^|\.)enqueue(_call|_in|_at)?$/.test(c.callee) && c.callee.includes('.')) {
    // `enqueue_in(delay, task, …)` / `enqueue_at(when, task, …)` put the time first.
    const at = /_(in|at)$/.test(c.callee) ? 1 : 0;
    return e.kw.func ?? e.kw.f ?? e.args[at];
  }
  return undefined;
}

/** The task's function: the value it evaluates to, else a dotted module path (`import pkg.worker` … `pkg.worker.run_step`). */
function taskFunction(store: RepoStore, ev: Evaluator, task: Expr, ctx: Ctx): { path: string; name: string } | undefined {
  const v = attempt(() => ev.eval(task, ctx));
  if (v?.t === 'fn') return { path: v.path, name: v.fn.name };
  if (task.k !== 'member') return undefined;
  const module = exprText(task.obj);
  if (!/^[A-Za-z_][\w.]*$/.test(module)) return undefined;
  const file = store.modules.resolve(ctx.path, module);
  return file && store.get(file)?.functions.has(task.prop) ? { path: file, name: task.prop } : undefined;
}

/** The enqueued task's function runs `fn` again, itself or through the functions it calls. */
function reaches(graph: CallGraph, fromPath: string, fromFn: string, toPath: string, toFn: string): boolean {
  const target = `${toPath}#${toFn}`;
  let frontier = [`${fromPath}#${fromFn}`];
  const seen = new Set(frontier);
  for (let hop = 0; hop <= MAX_HOPS && frontier.length; hop++) {
    if (frontier.includes(target)) return true;
    const next: string[] = [];
    for (const key of frontier) {
      const cut = key.indexOf('#');
      for (const e of graph.outgoing(key.slice(0, cut), key.slice(cut + 1))) {
        const k = `${e.target.path}#${e.target.fn}`;
        if (!seen.has(k)) {
          seen.add(k);
          next.push(k);
        }
      }
    }
    frontier = next;
  }
  return false;
}

/** The first test before the enqueue that leaves once a count reaches a limit: in the function, or in a helper it calls in the test. */
function boundOf(store: RepoStore, graph: CallGraph, ev: Evaluator, ctx: Ctx & { fn: FunctionFact }, enqueueLine: number): Bound | undefined {
  for (const t of ctx.fn.exitTests ?? []) {
    if (t.line >= enqueueLine) continue;
    if (t.op) {
      const b = passes(store, ev, t, ctx);
      if (b) return b;
      continue;
    }
    for (const e of graph.outgoing(ctx.path, ctx.fn.name)) {
      if (e.line !== t.line) continue;
      const helper = store.get(e.target.path)?.functions.get(e.target.fn);
      for (const h of helper?.exitTests ?? []) {
        const b = h.op ? passes(store, ev, h, { path: e.target.path, fn: helper }) : undefined;
        if (b) return b;
      }
    }
  }
  return undefined;
}

/** Passes before `count op limit` (or `limit op count`) holds, the count starting at 0 and raised by one per pass. */
function passes(store: RepoStore, ev: Evaluator, t: ExitTest, ctx: Ctx): Bound | undefined {
  const leftLimit = LIMIT.test(t.leftText ?? '');
  const rightLimit = LIMIT.test(t.rightText ?? '');
  if (leftLimit === rightLimit || !t.left || !t.right || !t.op) return undefined;
  const limitExpr = leftLimit ? t.left : t.right;
  const op = leftLimit ? MIRROR[t.op] : t.op;
  const limit = numberOf(ev, limitExpr, ctx) ?? uiDefault(store, ev, keyOf(limitExpr));
  if (!limit || limit.v <= 0 || !Number.isInteger(limit.v)) return undefined;
  // Leaves when `count op limit` holds: at count = limit for `>=`/`==`, one later for `>`.
  const steps = op === '>=' || op === '==' ? limit.v : op === '>' ? limit.v + 1 : undefined;
  if (steps === undefined || steps > MAX_PASSES) return undefined;
  return { steps, option: `${leftLimit ? t.rightText : t.leftText} ${op} ${leftLimit ? t.leftText : t.rightText}`, at: limit.at };
}

const MIRROR: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' };

function numberOf(ev: Evaluator, e: Expr, ctx: Ctx): { v: number; at?: SourceRef } | undefined {
  const v = attempt(() => ev.eval(e, ctx));
  return v?.t === 'num' && Number.isFinite(v.v) ? { v: v.v, at: v.at } : undefined;
}

/** The field a limit is read from: `config["max_iterations"]`, `settings.max_steps`, `max_loops`. */
function keyOf(e: Expr): string | undefined {
  if (e.k === 'index') return e.key;
  if (e.k === 'member') return e.prop;
  if (e.k === 'name') return e.v;
  return undefined;
}

/**
 * A limit the user sets in the application's UI, stored with the run: its default is the UI's initial value, a state
 * hook named by the same words (`const [maxIterations, setIterations] = useState(25)` for `max_iterations`).
 */
function uiDefault(store: RepoStore, ev: Evaluator, key: string | undefined): { v: number; at?: SourceRef } | undefined {
  if (!key) return undefined;
  const wanted = words(key);
  const found: { v: number; at?: SourceRef }[] = [];
  for (const s of store.files()) {
    const path = s.file.path;
    for (const d of s.facts.stateDefaults ?? []) {
      if (words(d.name) !== wanted || scopeOfPath(path, s.file.kind) !== 'runtime') continue;
      const v = numberOf(ev, d.value, { path });
      if (v) found.push({ v: v.v, at: { path, line: d.line } });
    }
  }
  // Several screens that disagree on the default: none is the default.
  return found.length && found.every((f) => f.v === found[0].v) ? found[0] : undefined;
}

function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('_');
}
