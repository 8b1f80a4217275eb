/**
 * Which branch of a conditional the repository's default configuration takes (the `test` of an `or`
 * Expr, ts-conditions.ts). The common case is a provider or model chosen by the environment:
 *
 *   const fireworks = process.env.FIREWORKS_KEY ? createFireworks(…) : undefined;
 *   const model = fireworks ? fireworks('deepseek-r1') : openai('o3-mini');
 *
 * The default configuration of an environment variable is what the repository's `.env` example next to the
 * code (or above it) says: a variable written there with a value is set, one absent or only commented out is
 * unset, and one written with an empty value (`OPENAI_API_KEY=`, "fill in yours") is left undecided, as is
 * every variable of a repository that ships no `.env` example. Undecided conditions keep both branches as
 * candidates (the evaluator's older first-that-resolves order), so a rule here never guesses.
 */
import type { ConfigDoc } from './config-files';
import type { Cond, Expr } from './facts';
import { dirOf } from './modules';
import { isNone, isNullish } from './none-tests';
import type { RepoStore } from './store';
import type { Ctx, Val } from './values';

/** An undecided ternary's arms in the order to follow them (ternary-default.ts). */
export { evalInDefaultOrder } from './ternary-default';

/** What the decision needs from the evaluator: a value followed across the repository. */
export interface CondHooks {
  readonly store: RepoStore;
  value(e: Expr, ctx: Ctx): Val | undefined;
}

const MAX_HOPS = 6;
const DOTENV = /(^|\/)\.env(\.[\w-]+)?$/i;

/** true: the `left` branch runs; false: the `right` one; undefined: the configuration does not say. */
export function decide(c: Cond, ctx: Ctx, hooks: CondHooks, hops = 0): boolean | undefined {
  const got = c.k === 'truthy' ? truthy(c.e, ctx, hooks, hops) : c.k === 'none' ? isNone(c.e, ctx, hooks) : equal(c.left, c.right, ctx, hooks);
  return got === undefined ? undefined : c.not ? !got : got;
}

/** Whether an environment variable is set under the default configuration, for code at `fromPath`. */
export function envSet(store: RepoStore, name: string, fromPath: string): boolean | undefined {
  const docs = dotenvDocsAbove(store, fromPath);
  if (!docs.length) return undefined;
  const written = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=\\s*(.*?)\\s*$`, 'm');
  let empty = false;
  for (const doc of docs) {
    const m = written.exec(doc.text);
    if (!m) continue;
    if (m[1].replace(/^["']|["']$/g, '') !== '') return true;
    empty = true;
  }
  return empty ? undefined : false;
}

/**
 * Whether a fresh checkout leaves an environment variable unset: no `.env` example writes it, or the
 * repository ships none at all (env-pickers.ts: a provider picker's guarded branches, not a general rule).
 */
export function envUnsetByDefault(store: RepoStore, name: string, fromPath: string): boolean {
  return dotenvDocsAbove(store, fromPath).length === 0 || envSet(store, name, fromPath) === false;
}

/** The `.env` examples in the reading file's directory or one above it (a monorepo's other packages do not count). */
function dotenvDocsAbove(store: RepoStore, fromPath: string): ConfigDoc[] {
  const docs: ConfigDoc[] = [];
  const dir = dirOf(fromPath);
  for (const path of store.configPaths()) {
    if (!DOTENV.test(path)) continue;
    const envDir = dirOf(path);
    if (envDir && dir !== envDir && !dir.startsWith(`${envDir}/`)) continue;
    const doc = store.config(path);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** Calls that answer yes or no rather than build a value. */
const PREDICATE_CALL = /(^|\.)(includes|startsWith|endsWith|has|test|some|every|match|(is|has|can|should)[A-Z_]\w*)$/;

const FALSY_WORDS = new Set(['undefined', 'null', 'false', 'None', 'False']);

function truthy(e: Expr, ctx: Ctx, hooks: CondHooks, hops: number): boolean | undefined {
  if (hops > MAX_HOPS) return undefined;
  switch (e.k) {
    case 'str':
      return e.v !== '';
    case 'num':
      return e.v !== 0;
    case 'env': {
      const set = envSet(hooks.store, e.name, ctx.path);
      if (set !== false || !e.def) return set;
      return truthy(e.def, ctx, hooks, hops + 1);
    }
    case 'or': {
      if (e.test) {
        const branch = decide(e.test, ctx, hooks, hops + 1);
        return branch === undefined ? undefined : truthy(branch ? e.left : e.right, ctx, hooks, hops + 1);
      }
      const left = truthy(e.left, ctx, hooks, hops + 1);
      return left === false ? truthy(e.right, ctx, hooks, hops + 1) : left;
    }
    // A predicate's answer (`list.includes(id)`, `id.startsWith('anthropic/')`) is not known here.
    case 'call':
      // `Boolean(process.env.PLAYWRIGHT || process.env.CI_PLAYWRIGHT)` (an AI chatbot's test switch), Python `bool(x)`: its argument's truthiness.
      if (/^(Boolean|bool)$/.test(e.text) && e.args.length === 1) return truthy(e.args[0], ctx, hooks, hops + 1);
      return PREDICATE_CALL.test(e.text) ? testSwitchOff(e.text.slice(e.text.lastIndexOf('.') + 1)) : true;
    // A client or model built by a call, an object or array literal: a value, so truthy.
    case 'dict':
    case 'list':
      return true;
    case 'unknown':
      return FALSY_WORDS.has(e.text) ? false : e.text === 'true' || e.text === 'True' ? true : undefined;
    case 'name': {
      if (FALSY_WORDS.has(e.v)) return false;
      const passed = boundParam(e.v, ctx);
      if (passed) return truthy(passed.e, passed.ctx, hooks, hops + 1);
      const bound = binding(e.v, ctx, hooks.store);
      return (bound ? truthy(bound.e, bound.ctx, hooks, hops + 1) : undefined) ?? testSwitchOff(e.v);
    }
    case 'member':
      return testSwitchOff(e.prop);
    default:
      return undefined;
  }
}

/**
 * A switch that says the code runs under tests (`isTestEnvironment`, `IS_TEST`, `isPlaywright()`, `useMock`) is off in
 * the default configuration when nothing decides it: `myProvider = isTestEnvironment ? customProvider({ mock models })
 * : customProvider({ real models })`, the AI chatbot template's provider, serves the real models.
 */
const TEST_SWITCH = /^(is_?|use_?)?(test|testing|playwright|e2e|mock|mocked)(_?(env|environment|mode|run|build))?$/i;

function testSwitchOff(name: string): false | undefined {
  return TEST_SWITCH.test(name) ? false : undefined;
}

function equal(left: Expr, right: Expr, ctx: Ctx, hooks: CondHooks): boolean | undefined {
  // `limit === undefined ? 10 : limit`, `x == null`: a None test (none-tests.ts), decided by what the other side holds.
  if (isNullish(right) && !isNullish(left)) return isNone(left, ctx, hooks);
  if (isNullish(left) && !isNullish(right)) return isNone(right, ctx, hooks);
  const literal = (e: Expr): string | number | undefined => {
    const v = hooks.value(e, ctx);
    return v?.t === 'str' || v?.t === 'num' ? v.v : undefined;
  };
  const a = literal(left);
  const b = literal(right);
  if (a !== undefined && b !== undefined) return a === b;
  // `process.env.LLM_PROVIDER === 'openai'` with the variable unset and no default: not equal to any text.
  const unset = (e: Expr): boolean => e.k === 'env' && !e.def && envSet(hooks.store, e.name, ctx.path) === false;
  if ((unset(left) && typeof b === 'string' && b) || (unset(right) && typeof a === 'string' && a)) return false;
  return undefined;
}

/**
 * A flag parameter read under a call the context binds (`customModel(id, true)` → `forReasoning ? a : b`): the
 * argument the call passes, else the parameter's default when the call leaves it out. Without a bound call the
 * callers may pass either, so the branch stays undecided.
 */
function boundParam(name: string, ctx: Ctx): { e: Expr; ctx: Ctx } | undefined {
  const fn = ctx.fn;
  const b = ctx.bound;
  const index = fn?.params.findIndex((p) => p.name === name) ?? -1;
  if (!fn || !b || index < 0) return undefined;
  const p = fn.params[index];
  if (p.fromObject !== undefined || p.fallback) return undefined;
  const position = fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
  // A spread argument (`f(...args)`, `**kw`) may fill it: not known.
  if (b.kw['**'] || b.args.some((a, i) => i <= position && a.k === 'unknown' && a.text.startsWith('...'))) return undefined;
  const arg = b.kw[p.name] ?? b.args[position];
  if (arg) return { e: arg, ctx: b.ctx };
  return p.default ? { e: p.default, ctx } : undefined;
}

/** The expression a plain name is bound to: a local of the function, else a module constant (imports followed). */
function binding(name: string, ctx: Ctx, store: RepoStore, hops = 0): { e: Expr; ctx: Ctx } | undefined {
  const local = ctx.fn?.locals[name];
  if (local) return { e: local, ctx };
  if (ctx.fn?.params.some((p) => p.name === name)) return undefined;
  const file = store.get(ctx.path);
  const value = file?.facts.values[name];
  if (value) return { e: value, ctx: { path: ctx.path } };
  const imp = file?.facts.imports.find((i) => i.local === name);
  if (!imp?.name || hops > 3) return undefined;
  const target = store.modules.resolve(ctx.path, imp.module);
  return target ? binding(imp.name, { path: target }, store, hops + 1) : undefined;
}
