/**
 * Functions run by something other than a call written to them: handed to a dispatcher that calls them
 * (`executor.submit(model.inference, name, prompt)`, `asyncio.to_thread(fetch, url)`,
 * `threading.Thread(target=self.run_agent, args=(task,))`), or invoked through a method of the function object
 * itself (Modal `generate.remote(model, prompt)`, Ray `f.remote(x)`, Celery `task.delay(x)`). The function runs,
 * so the call graph has an edge to it, bound to the arguments it receives: loops reach its requests through the
 * edge, and a model passed this way reaches its parameters (passed-defaults.ts). A call passed as an argument
 * (`create_task(agent.run())`, `loop.run_until_complete(main(model))`) is a call already and needs no rule.
 *
 * The tables, from each library's reference:
 * - concurrent.futures `Executor.submit(fn, /, *args, **kwargs)`, `Executor.map(fn, *iterables)`
 *   (docs.python.org/3/library/concurrent.futures.html);
 * - asyncio `to_thread(func, /, *args, **kwargs)`, `loop.run_in_executor(executor, func, *args)`,
 *   `loop.call_soon(callback, *args)` (docs.python.org/3/library/asyncio-task.html, asyncio-eventloop.html);
 * - threading `Thread(target=, args=(), kwargs={})`, multiprocessing `Process(target=, args=, kwargs=)`,
 *   `Pool.apply(_async)(func, args=(), kwds={})`, `Pool.map/imap/imap_unordered/starmap(_async)(func, iterable)`
 *   (docs.python.org/3/library/threading.html, multiprocessing.html);
 * - anyio `to_thread.run_sync(func, *args)`; starlette `run_in_threadpool(func, *args, **kwargs)` and
 *   `BackgroundTasks.add_task(func, *args, **kwargs)` (fastapi.tiangolo.com/reference/background/); RQ
 *   `Queue.enqueue(f, *args, **kwargs)` (python-rq.org/docs/);
 * - Modal `Function.remote/local/spawn(*args, **kwargs)`, their `.aio` forms, `.map/.starmap(*inputs, kwargs={})`,
 *   and the older `.call(*args)` (modal.com/docs/reference/modal.Function);
 * - Ray `f.remote(*args)`, `f.options(...).remote(*args)` (docs.ray.io, "Tasks");
 * - Celery `task.delay(*args, **kwargs)`, `task.apply_async(args=(), kwargs={})`
 *   (docs.celeryq.dev, "Calling Tasks").
 */
import type { CalleeFact, Expr } from './facts';
import { exprText } from './extract';
import { typeExpr } from './values';

type Call = Extract<Expr, { k: 'call' }>;

/** Dispatchers by method name: where the function is, and whether the keywords of the call are the function's. */
const POSITIONAL: Readonly<Record<string, { readonly at: number; readonly kw: boolean }>> = {
  submit: { at: 0, kw: true },
  to_thread: { at: 0, kw: true },
  run_in_threadpool: { at: 0, kw: true },
  add_task: { at: 0, kw: true },
  enqueue: { at: 0, kw: true },
  run_in_executor: { at: 1, kw: false },
  call_soon: { at: 0, kw: false },
  call_soon_threadsafe: { at: 0, kw: false },
  run_sync: { at: 0, kw: false },
};
/** Dispatchers also called bare, once imported (`from starlette.concurrency import run_in_threadpool`). */
const BARE = new Set(['to_thread', 'run_in_threadpool']);
/** `Pool.apply(_async)(func, args=(), kwds={})`: the arguments as one tuple and one dict. */
const APPLY = /^apply(_async)?$/;
/** Mappers: the function is called once per item, with arguments the scan cannot follow. */
const MAPPERS = /^(map|imap|imap_unordered|starmap|map_async|starmap_async)$/;
/** Constructors that take the function as `target=` (threads, processes), its arguments as `args=`/`kwargs=`. */
const TARGET_KW = /^(Thread|Process)$/;
/** Methods of a function object that run it with the arguments given (Modal, Ray, Celery). */
const RUNS_ITSELF = /^(remote|remote_gen|local|spawn|call|delay)$/;
/** A name or attribute path written out (`generate`, `tasks.summarize`). */
const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
/** Of those, the names objects commonly have as methods of their own. */
const GENERIC_NAMES = /^(call|local)$/;

/** The calls a dispatcher call makes of the functions passed to it, as call facts of their own. */
export function passedCalls(fact: CalleeFact): CalleeFact[] {
  const call = fact.expr;
  if (call.k !== 'call') return [];
  const short = fact.callee.slice(fact.callee.lastIndexOf('.') + 1);
  const dotted = fact.callee.includes('.');
  const out: CalleeFact[] = [];
  const at = POSITIONAL[short];
  // `submit` and the like are methods of an executor or loop: a bare `submit(…)` is some other function.
  if (at && (dotted || BARE.has(short))) {
    const fn = call.args[at.at];
    if (fn) out.push(...runOf(fn, call.args.slice(at.at + 1), at.kw ? call.kw : {}, fact));
  } else if (APPLY.test(short) && dotted && call.args[0] && isFunctionValue(call.args[0])) {
    out.push(...runOf(call.args[0], itemsOf(call.kw.args ?? call.args[1]), entriesOf(call.kw.kwds ?? call.args[2]), fact));
  } else if (TARGET_KW.test(short) && call.kw.target) {
    out.push(...runOf(call.kw.target, itemsOf(call.kw.args), entriesOf(call.kw.kwargs), fact));
  } else if (MAPPERS.test(short) && call.args[0]) {
    // `executor.map(fn, items)`, `map(fn, items)`: the function first; Modal's `fn.map(items, kwargs={…})` below.
    out.push(...runOf(call.args[0], [], {}, fact));
  }
  const own = call.callee.k === 'member' ? ownRun(call, short) : undefined;
  // The function gets the written call's own arguments: texts found at that call are its arguments too (sent-texts.ts).
  if (own) out.push({ ...asCall(own.fn, own.args, own.kw, fact), ...(own.args === call.args ? { writtenAs: fact.callee } : {}) });
  return out;
}

/**
 * `fn.remote(a, b)`, `fn.remote.aio(a)`, `fn.options(…).remote(a)`, `task.delay(a)`, `task.apply_async(args=(a,),
 * kwargs={…})`, Modal's `fn.map(items, kwargs={…})`: the function object the method belongs to, and what it gets.
 */
function ownRun(call: Call, short: string): { fn: Expr; args: readonly Expr[]; kw: Call['kw'] } | undefined {
  if (call.callee.k !== 'member') return undefined;
  let obj = call.callee.obj;
  let method = short;
  if (method === 'aio' && obj.k === 'member') {
    method = obj.prop;
    obj = obj.obj;
  }
  // Ray: `f.options(num_cpus=2).remote(x)`.
  if (obj.k === 'call' && /\.options$/.test(obj.text)) obj = { k: 'unknown', text: obj.text.slice(0, -'.options'.length), line: obj.line };
  // Deep member chains keep their innermost part as text only (`generate` of `generate.remote.aio`).
  if (obj.k === 'unknown' && DOTTED.test(obj.text)) obj = typeExpr(obj.text, obj.line);
  if (!isFunctionValue(obj)) return undefined;
  // `self.llm.call(…)`, `this.tool.local(…)`: an object's own method of that name, not a function run by it.
  if (RUNS_ITSELF.test(method) && !(GENERIC_NAMES.test(method) && /^(self|cls|this)\./.test(exprText(obj)))) return { fn: obj, args: call.args, kw: call.kw };
  // Celery's `apply_async(args, kwargs)` on the task itself (the pool's takes the function first, above).
  if (method === 'apply_async' && !(call.args[0] && isFunctionValue(call.args[0]))) return { fn: obj, args: itemsOf(call.kw.args ?? call.args[0]), kw: entriesOf(call.kw.kwargs ?? call.args[1]) };
  if (method === 'map' || method === 'starmap') return { fn: obj, args: [], kw: entriesOf(call.kw.kwargs) };
  return undefined;
}

/** The run of a function value with the arguments the dispatcher passes on; a `partial(f, …)` adds its own first. */
function runOf(fn: Expr, args: readonly Expr[], kw: Call['kw'], dispatcher: CalleeFact): CalleeFact[] {
  if (fn.k === 'call' && /^(functools\.)?partial$/.test(fn.text) && fn.args[0] && isFunctionValue(fn.args[0])) {
    return [asCall(fn.args[0], [...fn.args.slice(1), ...args], { ...kw, ...fn.kw }, dispatcher)];
  }
  return isFunctionValue(fn) ? [asCall(fn, args, kw, dispatcher)] : [];
}

/** `args=(a, b)` / `[a, b]`: its items; anything else (a variable) passes arguments the scan cannot follow. */
function itemsOf(e: Expr | undefined): readonly Expr[] {
  return e?.k === 'list' ? e.items : [];
}

/** `kwargs={"model": m}` or `dict(model=m)`: the keywords the function gets. */
function entriesOf(e: Expr | undefined): Call['kw'] {
  if (e?.k === 'dict' && !e.spreads?.length) return e.entries;
  if (e?.k === 'call' && e.text === 'dict' && !e.args.length) return e.kw;
  return {};
}

/** A function named or read off an object (`fetch`, `model.inference`, `self.work`), not a call's result. */
function isFunctionValue(e: Expr): boolean {
  return e.k === 'name' || (e.k === 'member' && /^[\w.$]+$/.test(exprText(e)));
}

function asCall(callee: Expr, args: readonly Expr[], kw: Call['kw'], dispatcher: CalleeFact): CalleeFact {
  const text = exprText(callee);
  const line = dispatcher.line;
  return { callee: text, expr: { k: 'call', callee, text, args, kw, line }, line, ...(dispatcher.branch ? { branch: true } : {}) };
}

/** The calls of a function body with, after each dispatcher call, the calls it makes of the functions passed to it. */
export function withPassedCalls(calls: readonly CalleeFact[]): readonly CalleeFact[] {
  let out: CalleeFact[] | undefined;
  for (let i = 0; i < calls.length; i++) {
    const passed = passedCalls(calls[i]);
    if (passed.length) out ??= calls.slice(0, i);
    out?.push(calls[i], ...passed);
  }
  return out ?? calls;
}
