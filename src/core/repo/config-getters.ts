/**
 * A typed getter of a configuration source the evaluator cannot follow (the source is loaded from a path chosen at
 * run time, or injected): `self.src.get_str("llm.model", "gpt-4")`, `settings.get_string("model", None)`,
 * `self._get_int("max_rounds", 10)`. The key names a value of the repository's configuration files: the file the
 * project ships for it (flat dotted keys, `{"llm.model": "…"}`, or nested tables, `llm: {model: …}`) holds what
 * runs; a key no file holds runs on the getter's default argument.
 *
 * Only a getter's shape counts (`get_<type>`, `_get_<type>`, `getString`), with a key that reads like a configuration key, and only
 * when the files agree: two files holding different values for the key leave it to the default. Only a namespaced
 * key (`llm.model`) is looked up in the files: a bare one (`embedding_model`) names no section, and any data file
 * (a test's fixture) may hold it. Files under test folders are never the shipped configuration. A plain
 * `.get(key, default)` is a dict read the evaluator already follows (eval-calls.ts).
 */
import type { Expr } from './facts';
import { keyLine, type ConfigDoc } from './config-files';
import type { RepoStore } from './store';
import type { Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** `get_str`, `_get_int`, `getString`, `get_value`, `get_config`: a getter named for the type or kind it reads. */
const TYPED_GETTER = /^_?get_?(str|string|int|integer|float|number|bool|boolean|enum|value|config|setting|option|path)$/i;
const CONFIG_KEY = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;
/** Test data and fixtures: never the configuration the application ships. */
const TEST_PATH = /(^|\/)(tests?|testing|__tests__|fixtures?|test_data|testdata)\//i;

/** The value at `key` in one parsed file: the flat dotted key, else the nested path. */
function valueAt(data: unknown, key: string): unknown {
  if (!data || typeof data !== 'object') return undefined;
  const flat = (data as Record<string, unknown>)[key];
  if (flat !== undefined) return flat;
  let cur: unknown = data;
  for (const part of key.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The one string value the repository's configuration files give `key`, with where it is written; undefined when none or several. */
export function configFileValue(store: RepoStore, key: string): Val | undefined {
  let found: { v: string; doc: ConfigDoc } | undefined;
  for (const path of store.configPaths()) {
    if (TEST_PATH.test(path)) continue;
    const doc = store.config(path);
    if (!doc) continue;
    const v = valueAt(doc.data, key);
    if (typeof v !== 'string' || !v) continue;
    if (found && found.v !== v) return undefined;
    found ??= { v, doc };
  }
  if (!found) return undefined;
  const flat = (found.doc.data as Record<string, unknown>)[key] !== undefined;
  const line = keyLine(found.doc, flat ? key : key.split('.').pop()!);
  return { t: 'str', v: found.v, at: { path: found.doc.path, line }, via: 'config' };
}

/**
 * The value of a typed getter call whose receiver the evaluator could not follow: the configuration files' value
 * for its key, else its default argument. Undefined for any other call.
 */
export function typedGetterValue(e: CallExpr, store: RepoStore, evalIn: (x: Expr) => Val | undefined): Val | undefined {
  if (e.callee.k !== 'member' || !TYPED_GETTER.test(e.callee.prop) || !e.args[0]) return undefined;
  const keyVal = e.args[0].k === 'str' ? e.args[0].v : (() => {
    const v = evalIn(e.args[0]);
    return v?.t === 'str' ? v.v : undefined;
  })();
  if (keyVal === undefined || !CONFIG_KEY.test(keyVal)) return undefined;
  const fromFile = keyVal.includes('.') ? configFileValue(store, keyVal) : undefined;
  if (fromFile) return fromFile;
  const fallback = e.kw.default ?? e.args[1];
  return fallback ? evalIn(fallback) : undefined;
}
