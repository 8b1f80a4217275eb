/**
 * The app's own server routes and the browser code that calls them (route-sends-ts.ts has the per-file facts):
 *
 *   // app/api/responses/route.ts                       // agentConfigs/guardrails.ts
 *   export async function POST(req) {                    fetch('/api/responses', { method: 'POST',
 *     const body = await req.json();                       body: JSON.stringify({ model: 'gpt-4o-mini',
 *     if (body.text?.format?.type === 'json_schema')         text: { format: zodTextFormat(S, 'out') }, … }) })
 *       return structured(openai, body);  // responses.parse({ ...body })
 *     return text(openai, body);          // responses.create({ ...body })
 *
 * - **Edges.** A `fetch` of a route's path runs that route's handler (`POST`, `GET`, … of `app/**\/route.ts`, the
 *   default handler of `pages/api/**`): the call graph gets an edge from the sender to the handler, so a loop
 *   that reaches a request only through the app's own API route is found like any other (loops.ts).
 * - **Models.** A request whose model is the client's (`{ ...body }` of `await req.json()`) runs on what the
 *   senders write in the body they send. Where the handler picks the request by a test on the body, each branch
 *   takes the senders whose body passes the test (a sender that does not write the tested field fails an
 *   equality: `undefined === 'json_schema'`); senders whose body cannot be read are used only when no sender
 *   surely takes the branch. The model is then the one most of the branch's senders send (each caller of a
 *   sending helper counts once); a sender's UI state sends its initial value (sent-state.ts); where any of them
 *   sends a model the code does not name, nothing is decided here (the UI default is tried next, index.ts).
 */
import type { Cond, Expr, FunctionFact, RouteSendFact } from './facts';
import type { Edge } from './graph';
import type { Evaluator } from './evaluate';
import type { ClientValue } from './model-flow';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';
import type { Bound, Ctx, Val } from './values';
import { sentStateDefault } from './sent-state';

const HANDLERS = /^(GET|POST|PUT|PATCH|DELETE)$/;
const MAX_HOPS = 4;

/** The URL paths a server route file answers, as a pattern; undefined for a file that is no route. */
export function routePattern(path: string): RegExp | undefined {
  const app = /(?:^|\/)app\/((?:[^/]+\/)*)route\.(?:ts|tsx|js|mjs)$/.exec(path);
  const pages = app ? undefined : /(?:^|\/)pages\/(api(?:\/[^/]+)*?)(?:\/index)?\.(?:ts|tsx|js|mjs)$/.exec(path);
  const raw = app ? app[1].replace(/\/$/, '') : pages?.[1];
  if (raw === undefined) return undefined;
  const segments = raw
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@')) // route groups and parallel slots are not in the URL
    .map((s) => (/^\[\[?\.\.\./.test(s) ? '.*' : /^\[.*\]$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^/${segments.join('/')}$`);
}

export interface RouteSend {
  readonly path: string;
  readonly fact: RouteSendFact;
}

export interface RouteIndex {
  /** Route files with the senders of each. */
  readonly senders: ReadonlyMap<string, readonly RouteSend[]>;
}

export function routeIndex(store: RepoStore): RouteIndex {
  const routes: { path: string; pattern: RegExp }[] = [];
  const sends: RouteSend[] = [];
  for (const f of store.files()) {
    const pattern = routePattern(f.file.path);
    if (pattern) routes.push({ path: f.file.path, pattern });
    for (const fact of f.facts.routeSends ?? []) sends.push({ path: f.file.path, fact });
  }
  const senders = new Map<string, RouteSend[]>();
  if (!routes.length) return { senders };
  for (const send of sends) {
    for (const route of routes) {
      if (!route.pattern.test(send.fact.url)) continue;
      const list = senders.get(route.path);
      if (list) list.push(send);
      else senders.set(route.path, [send]);
    }
  }
  return { senders };
}

/** Edges from each sender to the handler of the route it calls (the handler for its method, else any). */
export function routeEdges(store: RepoStore, index: RouteIndex): Edge[] {
  const out: Edge[] = [];
  for (const [route, sends] of index.senders) {
    const functions = store.get(route)?.functions;
    if (!functions) continue;
    const handlers = [...functions.keys()].filter((n) => HANDLERS.test(n));
    const fallback = handlers.length ? undefined : ['handler', 'default'].find((n) => functions.has(n));
    for (const send of sends) {
      const sender = send.fact.fn ? store.get(send.path)?.functions.get(send.fact.fn) : undefined;
      const targets = fallback ? [fallback] : handlers.filter((h) => h === send.fact.method);
      for (const fn of targets) {
        out.push({ path: send.path, from: send.fact.fn, line: send.fact.line, callee: 'fetch', bound: { args: [], kw: {}, ctx: { path: send.path, fn: sender } }, target: { path: route, fn } });
      }
    }
  }
  return out;
}

export interface RouteModelHost {
  readonly store: RepoStore;
  readonly evaluator: Evaluator;
  readonly index: RouteIndex;
  /** In-repository callers of a function, with the line of the call. */
  readonly callers: (path: string, fn: string) => readonly { readonly path: string; readonly from?: string; readonly line: number; readonly bound: Bound }[];
}

type Field = { readonly k: 'absent' } | { readonly k: 'unknown' } | { readonly k: 'val'; readonly v: Val };
const ABSENT: Field = { k: 'absent' };
const UNKNOWN: Field = { k: 'unknown' };
/** OpenAI SDK helpers that build a structured-output format object: its `type` is `json_schema`. */
const FORMAT_HELPER = /(^|\.)(zodTextFormat|zodResponseFormat)$/;

/** A field of the object a sender sends, read through spreads and the values it is built from. */
function fieldOf(ev: Evaluator, e: Expr, ctx: Ctx, keys: readonly string[], depth = 0, store?: RepoStore): Field {
  if (depth > 8) return UNKNOWN;
  if (e.k === 'call' && FORMAT_HELPER.test(e.text) && keys.length) {
    return keys.length === 1 && keys[0] === 'type' ? { k: 'val', v: { t: 'str', v: 'json_schema', at: { path: ctx.path, line: e.line }, via: 'code' } } : UNKNOWN;
  }
  const v = e.k === 'dict' ? ({ t: 'dict', entries: e.entries, ctx, ...(e.spreads ? { spreads: e.spreads } : {}) } as const) : safeEval(ev, e, ctx);
  if (!keys.length) {
    // A name the code cannot follow may be the page's UI state: its initial value (sent-state.ts).
    const state = store && v?.t !== 'str' && v?.t !== 'num' && v?.t !== 'client' ? sentStateDefault(store, ev, e, ctx) : undefined;
    return state ? { k: 'val', v: state } : v ? { k: 'val', v } : UNKNOWN;
  }
  if (v?.t !== 'dict') return UNKNOWN;
  const [key, ...rest] = keys;
  const entry = v.entries[key];
  if (entry) return fieldOf(ev, entry, v.ctx, rest, depth + 1, store);
  let unknown = false;
  for (const spread of [...(v.spreads ?? [])].reverse()) {
    const got = fieldOf(ev, spread, v.ctx, keys, depth + 1, store);
    if (got.k === 'val') return got;
    if (got.k === 'unknown') unknown = true;
  }
  return unknown ? UNKNOWN : ABSENT;
}

function safeEval(ev: Evaluator, e: Expr, ctx: Ctx): Val | undefined {
  try {
    return ev.eval(e, ctx);
  } catch {
    return undefined;
  }
}

/** `body.text.format.type` → `body` and `['text', 'format', 'type']`. */
function chainOf(e: Expr): { root: Expr; keys: string[] } {
  const keys: string[] = [];
  let cur = e;
  while (cur.k === 'member' || cur.k === 'index') {
    keys.unshift(cur.k === 'member' ? cur.prop : cur.key);
    cur = cur.obj;
  }
  return { root: cur, keys };
}

/** A branch test on the request body, as the path it reads in the body and what it compares that with. */
interface BodyTest {
  readonly keys: readonly string[];
  readonly k: 'eq' | 'truthy';
  readonly value?: string | number;
  readonly not?: boolean;
}

function bodyTest(ev: Evaluator, cond: Cond, ctx: Ctx): BodyTest | undefined {
  const sides = cond.k === 'eq' ? [[cond.left, cond.right], [cond.right, cond.left]] : [[cond.e, undefined]];
  for (const [subject, other] of sides) {
    const { root, keys } = chainOf(subject!);
    const base = root.k === 'name' ? safeEval(ev, root, ctx) : undefined;
    if (base?.t !== 'client' || base.from) continue;
    const path = [...(base.field ? base.field.split('.') : []), ...keys];
    if (cond.k === 'truthy') return { keys: path, k: 'truthy', ...(cond.not ? { not: true } : {}) };
    const lit = other ? safeEval(ev, other, ctx) : undefined;
    if (lit?.t === 'str' || lit?.t === 'num') return { keys: path, k: 'eq', value: lit.v, ...(cond.not ? { not: true } : {}) };
  }
  return undefined;
}

/** true / false: the sender's body surely passes or fails the test; undefined: it cannot be read. */
function passes(ev: Evaluator, test: BodyTest, body: Expr, ctx: Ctx): boolean | undefined {
  const got = fieldOf(ev, body, ctx, test.keys);
  if (got.k === 'unknown') return undefined;
  const v = got.k === 'absent' ? undefined : got.v.t === 'str' || got.v.t === 'num' ? got.v.v : got.v.t === 'dict' || got.v.t === 'list' ? true : undefined;
  if (got.k === 'val' && v === undefined) return undefined;
  const result = test.k === 'eq' ? v === test.value : Boolean(v);
  return test.not ? !result : result;
}

/**
 * The tests on the way from the route's handler to the request: the request's own `if` and those of the in-file
 * calls that lead to its function (one caller each, a few hops).
 */
function testsOnTheWay(host: RouteModelHost, path: string, fnName: string | undefined, request: { line: number; callee: string }): BodyTest[] {
  const stored = host.store.get(path);
  if (!stored) return [];
  const tests: BodyTest[] = [];
  const note = (fn: FunctionFact | undefined, line: number, callee?: string): void => {
    const fact = fn?.calls.find((c) => c.line === line && (!callee || c.callee === callee));
    const t = fact?.test && fn ? bodyTest(host.evaluator, fact.test, { path, fn }) : undefined;
    if (t) tests.push(t);
  };
  let fn = fnName ? stored.functions.get(fnName) : undefined;
  const own = fn?.calls.find((c) => c.callee === request.callee && c.line <= request.line && c.line >= request.line - 3);
  if (own) note(fn, own.line, own.callee);
  for (let hop = 0; fn && hop < MAX_HOPS; hop++) {
    const inFile = host.callers(path, fn.name).filter((e) => e.path === path && e.from !== fn!.name);
    const from = new Set(inFile.map((e) => `${e.from}:${e.line}`));
    if (from.size !== 1) break;
    const edge = inFile[0];
    const caller = edge.from ? stored.functions.get(edge.from) : undefined;
    note(caller, edge.line);
    fn = caller;
  }
  return tests;
}

/** Each way a sender's body is built: once per caller of the sending helper when the body comes from its parameters. */
function senderContexts(host: RouteModelHost, send: { path: string; fact: RouteSendFact }): Ctx[] {
  const fn = send.fact.fn ? host.store.get(send.path)?.functions.get(send.fact.fn) : undefined;
  if (!fn || !fn.params.length) return [{ path: send.path, fn }];
  const callers = host.callers(send.path, fn.name).filter((e) => !(e.path === send.path && e.from === fn.name));
  return callers.length ? callers.slice(0, 12).map((e) => ({ path: send.path, fn, bound: e.bound })) : [{ path: send.path, fn }];
}

/** The model a route's request runs on, from what the route's senders write in the body (see the file comment). */
export function routeModel(host: RouteModelHost, client: ClientValue, request: { path: string; fn?: string; line: number; callee: string }, hops = 0): ResolvedModel | undefined {
  if (client.from || !client.field || client.path !== request.path) return undefined;
  const sends = host.index.senders.get(client.path);
  if (!sends?.length) return undefined;
  const tests = testsOnTheWay(host, request.path, request.fn, request);
  const sure: { send: RouteSend; ctx: Ctx }[] = [];
  const maybe: { send: RouteSend; ctx: Ctx }[] = [];
  for (const send of sends) {
    if (!send.fact.body) continue; // a GET, or a body that is no JSON object: it sends no model
    for (const ctx of senderContexts(host, send)) {
      const outcomes = tests.map((t) => passes(host.evaluator, t, send.fact.body!, ctx));
      if (outcomes.some((o) => o === false)) continue;
      (outcomes.every((o) => o === true) ? sure : maybe).push({ send, ctx });
    }
  }
  const taking = sure.length ? sure : maybe;
  if (!taking.length) return undefined;
  const votes = new Map<string, { count: number; at: { path: string; line: number } }>();
  for (const { send, ctx } of taking) {
    const got = fieldOf(host.evaluator, send.fact.body!, ctx, client.field.split('.'), 0, host.store);
    // A route passing on what its own client sent (`fetch(`${APP_URL}/api/plan`, { body: JSON.stringify({ model }) })`): that route's senders.
    const forwarded = got.k === 'val' && got.v.t === 'client' && hops < MAX_HOPS ? routeModel(host, got.v, { path: send.path, fn: send.fact.fn, line: send.fact.line, callee: 'fetch' }, hops + 1) : undefined;
    const sent = forwarded ? { v: forwarded.model, at: forwarded.source.at ?? { path: send.path, line: send.fact.line } } : got.k === 'val' && got.v.t === 'str' ? got.v : undefined;
    if (!sent) return undefined;
    const vote = votes.get(sent.v);
    if (vote) vote.count++;
    else votes.set(sent.v, { count: 1, at: sent.at });
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1].count - a[1].count);
  if (ranked.length > 1 && ranked[0][1].count === ranked[1][1].count) return undefined;
  const [model, { count, at }] = ranked[0];
  const url = taking[0].send.fact.url;
  const share = count < taking.length ? `${count} of ${taking.length} callers` : taking.length === 1 ? 'its caller' : `all ${taking.length} callers`;
  const branch = tests.length ? ' on this branch' : '';
  return { model, source: { from: 'code', at, detail: `sent in the request body to ${url} by ${share}${branch} (${at.path}:${at.line})` } };
}
