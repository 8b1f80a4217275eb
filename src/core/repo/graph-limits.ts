/**
 * The bound of a LangGraph loop set away from the graph: a `recursion_limit` given where the compiled graph is used,
 * which is often another module than the one that builds it —
 *   def build_agent(llm): …; return workflow.compile()            (agent_types/tools_agent.py)
 *   def pick_agent(kind): …; return build_agent(llm)               (agent.py)
 *   agent = pick_agent(kind).with_config({"recursion_limit": 50})   (agent.py, the class that serves it)
 * or at run time, `graph.invoke(inputs, {"recursion_limit": 100})` / `config=RunnableConfig(recursion_limit=…)`.
 * The compiled graph is followed as a value: from the function that compiles it to the callers that return it or hold
 * it in a local, a field or a module constant (imported elsewhere), a few hops up, until one configures or runs it
 * with a limit. Nothing found: LangGraph's default (25 super-steps) stands, as the catalog says.
 *
 * Also here: a limit detection could only name (a router comparing a counter with `configurable.max_loops`), evaluated
 * where it is written.
 */
import type { DetectedLoop } from '../detect/types';
import type { SourceRef } from '../report/types';
import type { Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import type { CalleeFact, Expr, FunctionFact } from './facts';
import type { CallGraph } from './graph';
import { exprText } from './extract';
import { refExpr } from './resolved-models';
import { MAX_RETURNS } from './returns';
import type { RepoStore } from './store';
import type { Ctx } from './values';

export interface FollowedBound {
  readonly steps: number;
  readonly at?: SourceRef;
  readonly detail: string;
  /** A LangGraph recursion limit (super-steps), not a counter's passes. */
  readonly kind?: 'recursion-limit';
}

/** Calls that set a config on the graph (`.with_config(…)`) and calls that run it with one (`.invoke(input, config)`). */
const CONFIGURES = /\.(with_config|withConfig)$/;
const RUNS = /\.(invoke|ainvoke|stream|astream|stream_events|astream_events|streamEvents|batch|abatch|stream_log|astream_log)$/;
const LIMIT_KEYS = ['recursion_limit', 'recursionLimit'];
/** Callers followed up from the function that compiles the graph. */
const MAX_HOPS = 4;

interface Scope {
  readonly path: string;
  readonly fn?: FunctionFact;
  /** The line of the call (or compile) whose result is the graph in this scope. */
  readonly lines: ReadonlySet<number>;
  /** Names that hold the graph from the start: the parameter it is passed as. */
  readonly names?: ReadonlySet<string>;
}

/** A limit detection named (`boundRef`), evaluated in the function that holds it. */
export function namedLimitBound(store: RepoStore, ev: Evaluator, path: string, loop: DetectedLoop): FollowedBound | undefined {
  const bound = loop.boundRef;
  const stored = store.get(path);
  if (!bound || !stored) return undefined;
  const fn = innermostFunction([...stored.functions.values()], bound.ref.line);
  const expr = refExpr(bound.ref.text, bound.ref.kind, bound.ref.line);
  const v = tryEval(ev, expr, { path, fn });
  if (v?.t !== 'num' || !Number.isFinite(v.v) || v.v < 0) return undefined;
  return { steps: Math.max(1, Math.round(v.v + bound.offset)), at: v.at, detail: v.detail ?? `${exprText(expr)} → ${v.v}` };
}

/** The `recursion_limit` the compiled graph of a LangGraph loop is configured or run with, wherever that is. */
export function graphRecursionLimit(store: RepoStore, graph: CallGraph, ev: Evaluator, path: string, loop: DetectedLoop): FollowedBound | undefined {
  if (loop.framework !== 'langgraph' && loop.defaultsKey !== 'langgraph') return undefined;
  const stored = store.get(path);
  if (!stored) return undefined;
  const fn = innermostFunction([...stored.functions.values()], loop.line);
  const own = fn ? fn.calls : stored.facts.moduleCalls;
  // The graph in its own scope: the loop's anchor (a compile call, an agent factory) and the graph compiled beside it.
  const lines = new Set<number>();
  for (let l = loop.line; l <= loop.endLine; l++) lines.add(l);
  for (const c of own) if (/(^|\.)compile$/.test(c.callee)) lines.add(c.line);
  let frontier: Scope[] = [{ path, fn, lines }];
  const seen = new Set<string>();
  for (let hop = 0; hop <= MAX_HOPS && frontier.length; hop++) {
    const next: Scope[] = [];
    for (const scope of frontier) {
      const key = `${scope.path}#${scope.fn?.name ?? ''}#${[...scope.lines].join(',')}#${[...(scope.names ?? [])].join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const found = limitInScope(store, ev, scope);
      if (found) return found;
      next.push(...passedOn(store, graph, scope));
      if (!scope.fn || !returnsGraph(store, scope)) continue;
      for (const edge of graph.callers(scope.path, scope.fn.name)) {
        const caller = edge.from ? store.get(edge.path)?.functions.get(edge.from) : undefined;
        next.push({ path: edge.path, fn: caller, lines: new Set([edge.line]) });
      }
    }
    frontier = next;
  }
  return undefined;
}

/** A limit set in one scope on the graph it holds: chained on the call, or on a local, field or module constant holding it. */
function limitInScope(store: RepoStore, ev: Evaluator, scope: Scope): FollowedBound | undefined {
  const stored = store.get(scope.path);
  if (!stored) return undefined;
  const calls = scope.fn ? scope.fn.calls : stored.facts.moduleCalls;
  const holders = holderNames(store, scope);
  const ctx: Ctx = { path: scope.path, fn: scope.fn };
  for (const c of calls) {
    if (!CONFIGURES.test(c.callee) && !RUNS.test(c.callee)) continue;
    if (!onGraph(c, scope.lines, holders)) continue;
    const found = limitOf(ev, c, ctx);
    if (found) return found;
  }
  // Held in a field (`self.graph = build()`): read where the class's methods run it.
  const fields = classFields(store, scope, holders);
  const cls = scope.fn?.name.includes('.') ? scope.fn.name.slice(0, scope.fn.name.lastIndexOf('.') + 1) : undefined;
  for (const fn of fields.length && cls ? stored.functions.values() : []) {
    if (!fn.name.startsWith(cls!)) continue;
    for (const c of fn.calls) if ((CONFIGURES.test(c.callee) || RUNS.test(c.callee)) && fields.some((f) => c.callee.startsWith(`${f}.`))) {
      const found = limitOf(ev, c, { path: scope.path, fn });
      if (found) return found;
    }
  }
  // A module constant: read where the modules that import it run it.
  if (!scope.fn) return importedLimit(store, ev, scope.path, [...holders]);
  return undefined;
}

/** `self.graph = …` / `this.graph = …` of the graph in a method: the field, as the class's methods write it. */
function classFields(store: RepoStore, scope: Scope, holders: ReadonlySet<string>): string[] {
  const name = scope.fn?.name;
  const dot = name?.lastIndexOf('.') ?? -1;
  if (!name || dot < 0) return [];
  const cls = store.get(scope.path)?.classes.get(name.slice(0, dot));
  const out: string[] = [];
  for (const [attr, a] of Object.entries(cls?.attrs ?? {})) {
    if ((a.fn === name || a.fn === name.slice(dot + 1)) && isGraphValue(a.expr, scope.lines, holders)) out.push(`self.${attr}`, `this.${attr}`);
  }
  return out;
}

/** The graph handed to another function of the repository (`serve(graph, q)`): that function, the graph its parameter. */
function passedOn(store: RepoStore, graph: CallGraph, scope: Scope): Scope[] {
  const stored = store.get(scope.path);
  if (!stored) return [];
  const holders = holderNames(store, scope);
  const out: Scope[] = [];
  for (const c of scope.fn ? scope.fn.calls : stored.facts.moduleCalls) {
    const e = c.expr;
    if (e.k !== 'call' || CONFIGURES.test(c.callee) || RUNS.test(c.callee)) continue;
    const at = e.args.findIndex((a) => isGraphValue(a, scope.lines, holders));
    const kw = Object.entries(e.kw).find(([, a]) => isGraphValue(a, scope.lines, holders))?.[0];
    if (at < 0 && !kw) continue;
    for (const edge of graph.outgoing(scope.path, scope.fn?.name)) {
      if (edge.line !== c.line) continue;
      const target = store.get(edge.target.path)?.functions.get(edge.target.fn);
      const param = kw ?? target?.params[at]?.name;
      if (target && param) out.push({ path: edge.target.path, fn: target, lines: new Set(), names: new Set([param]) });
    }
  }
  return out;
}

/** Names in the scope bound to the graph: `chain = workflow.compile()`, `_agent = pick_agent(kind)`. */
function holderNames(store: RepoStore, scope: Scope): Set<string> {
  const out = new Set<string>(scope.names ?? []);
  const values = scope.fn ? scope.fn.locals : (store.get(scope.path)?.facts.values ?? {});
  // In order of writing, so that a copy (`agent = _agent.with_config(…)`) follows the name it copies.
  const entries = Object.entries(values).sort((a, b) => a[1].line - b[1].line);
  for (const [name, e] of entries) if (isGraphValue(e, scope.lines, out)) out.add(name);
  return out;
}

function isGraphValue(e: Expr, lines: ReadonlySet<number>, holders: ReadonlySet<string>): boolean {
  if (e.k === 'name') return holders.has(e.v);
  return e.k === 'call' && (lines.has(e.line) || (e.callee.k === 'member' && isGraphValue(e.callee.obj, lines, holders) && !RUNS.test(`.${e.callee.prop}`)));
}

/** A configure or run call whose receiver is the graph: the call itself chained (`build().with_config(…)`) or a holder. */
function onGraph(c: CalleeFact, lines: ReadonlySet<number>, holders: ReadonlySet<string>): boolean {
  const e = c.expr;
  return e.k === 'call' && e.callee.k === 'member' && isGraphValue(e.callee.obj, lines, holders);
}

/** Whether the scope's function returns the graph (the call, a holder, or a configured copy of either). */
function returnsGraph(store: RepoStore, scope: Scope): boolean {
  const fn = scope.fn;
  if (!fn) return false;
  // A long function's returns are not read, and only the first few of the others (extract-py/ts, returns.ts): it may
  // return the graph; its callers still have to configure the very value it returns for a limit to be taken.
  const read = fn.returns === undefined ? 0 : 1 + (fn.moreReturns?.length ?? 0);
  if ((read === 0 && fn.endLine - fn.line > 60) || read >= MAX_RETURNS) return true;
  const holders = holderNames(store, scope);
  return [fn.returns, ...(fn.moreReturns ?? [])].some((r) => r !== undefined && isGraphValue(r, scope.lines, holders));
}

/** The limit a `.with_config(cfg)` / `.invoke(input, cfg)` call gives, its config followed as a value. */
function limitOf(ev: Evaluator, c: CalleeFact, ctx: Ctx): FollowedBound | undefined {
  const e = c.expr;
  if (e.k !== 'call') return undefined;
  const direct = LIMIT_KEYS.map((k) => e.kw[k]).find(Boolean);
  const cfg = CONFIGURES.test(c.callee) ? (e.args[0] ?? e.kw.config) : (e.args[1] ?? e.kw.config);
  const limit = direct ? { expr: direct, ctx } : cfg ? configLimit(ev, cfg, ctx) : undefined;
  if (!limit) return undefined;
  const v = tryEval(ev, limit.expr, limit.ctx);
  if (v?.t !== 'num' || !Number.isFinite(v.v) || v.v < 1) return undefined;
  return { steps: Math.round(v.v), kind: 'recursion-limit', at: { path: ctx.path, line: c.line }, detail: `recursion_limit ${v.v} set where the graph is run (${c.callee}, ${ctx.path}:${c.line})` };
}

/** The `recursion_limit` entry of a config: a dict literal, a name holding one, or `RunnableConfig(recursion_limit=…)`. */
function configLimit(ev: Evaluator, cfg: Expr, ctx: Ctx): { expr: Expr; ctx: Ctx } | undefined {
  if (cfg.k === 'call') {
    const kw = LIMIT_KEYS.map((k) => cfg.kw[k]).find(Boolean);
    return kw ? { expr: kw, ctx } : undefined;
  }
  if (cfg.k === 'dict') {
    const entry = LIMIT_KEYS.map((k) => cfg.entries[k]).find(Boolean);
    return entry ? { expr: entry, ctx } : undefined;
  }
  const v = tryEval(ev, cfg, ctx);
  if (v?.t !== 'dict') return undefined;
  const entry = LIMIT_KEYS.map((k) => v.entries[k]).find(Boolean);
  return entry ? { expr: entry, ctx: v.ctx } : undefined;
}

/** A module constant holding the graph (`graph = builder.compile()`), configured or run in a module that imports it. */
function importedLimit(store: RepoStore, ev: Evaluator, path: string, holders: readonly string[]): FollowedBound | undefined {
  const values = store.get(path)?.facts.values ?? {};
  const constants = Object.keys(values).filter((n) => holders.includes(n));
  if (!constants.length) return undefined;
  for (const f of store.files()) {
    if (f.file.path === path) continue;
    for (const imp of f.facts.imports) {
      if (!imp.name || !constants.includes(imp.name) || store.modules.resolve(f.file.path, imp.module) !== path) continue;
      const scopes: { fn?: FunctionFact; calls: readonly CalleeFact[] }[] = [{ calls: f.facts.moduleCalls }, ...f.facts.functions.map((fn) => ({ fn, calls: fn.calls }))];
      for (const s of scopes) {
        for (const c of s.calls) {
          if (!(CONFIGURES.test(c.callee) || RUNS.test(c.callee)) || !c.callee.startsWith(`${imp.local}.`)) continue;
          const found = limitOf(ev, c, { path: f.file.path, fn: s.fn });
          if (found) return found;
        }
      }
    }
  }
  return undefined;
}

function innermostFunction(fns: readonly FunctionFact[], line: number): FunctionFact | undefined {
  let fn: FunctionFact | undefined;
  for (const f of fns) if (f.line <= line && line <= f.endLine && (!fn || f.line >= fn.line)) fn = f;
  return fn;
}
