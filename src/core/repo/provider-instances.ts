/**
 * A provider instance of the Vercel AI SDK bound under a name of the repository's choosing:
 * `export const togetherClientAISDK = createTogetherAI({ apiKey })` in one module, then
 * `streamText({ model: togetherClientAISDK("openai/gpt-oss-20b") })` in another. Calling the instance
 * with an id names the model, whatever the binding is called; the well-known names (`openai(…)`,
 * `anthropic(…)`) are matched by model-flow.ts without this lookup.
 *
 * The module holding such a binding often mentions no model, so detection stores it without facts:
 * its text is read then (only top-level `const NAME = createX(` and the import of `createX`).
 */
import type { Expr, FunctionFact } from './facts';
import type { RepoStore } from './store';

/** Packages whose `create*` functions return a provider instance: `@ai-sdk/*` and the community providers. */
const PROVIDER_PACKAGE = /^@ai-sdk\/|ai-sdk-provider|^ollama-ai-provider|-ai-provider(-v\d+)?$/;
const FACTORY_NAME = /^create[A-Z]\w*$/;
const TS_PATH = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const MAX_HOPS = 4;
const MAX_CHARS = 200_000;

/**
 * Whether `name`, read in the module `path` (inside `fn` where given: its local first; a parameter is not the
 * module's binding), is bound to a provider instance: a call of a `create*` function imported from a provider
 * package, followed across re-exports.
 */
export function isProviderInstance(store: RepoStore, path: string, name: string, fn?: FunctionFact): boolean {
  if (!TS_PATH.test(path) || fn?.params.some((p) => p.name === name)) return false;
  const local = fn?.locals[name];
  if (local) return isFactoryCall(store, path, local);
  return bindsProvider(store, path, name, 0);
}

function bindsProvider(store: RepoStore, path: string, name: string, hops: number): boolean {
  if (hops > MAX_HOPS) return false;
  const facts = store.get(path)?.facts;
  if (!facts) return textBindsProvider(store, path, name);
  const value = facts.values[name];
  if (value) return isFactoryCall(store, path, value);
  const imp = facts.imports.find((i) => i.local === name && i.name !== undefined);
  const target = imp ? store.modules.resolve(path, imp.module) : undefined;
  return imp?.name !== undefined && target !== undefined && bindsProvider(store, target, imp.name, hops + 1);
}

/** `createTogetherAI({ … })` with `createTogetherAI` imported from a provider package of the module at `path`. */
function isFactoryCall(store: RepoStore, path: string, e: Expr): boolean {
  if (e.k !== 'call' || e.callee.k !== 'name' || !FACTORY_NAME.test(e.callee.v)) return false;
  const fn = e.callee.v;
  const imp = store.get(path)?.facts.imports.find((i) => i.local === fn);
  return imp !== undefined && PROVIDER_PACKAGE.test(imp.module);
}

/** A module stored without facts: its own top-level `const name = createX(` with `createX` imported from a provider package. */
function textBindsProvider(store: RepoStore, path: string, name: string): boolean {
  if (!TS_PATH.test(path)) return false;
  const text = store.text(path) ?? store.reader?.(path);
  if (text === undefined || text.length > MAX_CHARS) return false;
  const bound = new RegExp(String.raw`^(?:export\s+)?(?:const|let|var)\s+${name.replace(/\$/g, '\\$')}\s*(?::[^=]+)?=\s*(create[A-Z]\w*)\s*\(`, 'm').exec(text);
  if (!bound) return false;
  for (const m of text.matchAll(/^import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
    const names = m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop());
    if (names.includes(bound[1])) return PROVIDER_PACKAGE.test(m[2]);
  }
  return false;
}
