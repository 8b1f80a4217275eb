/**
 * A settings object built from the repository's own configuration files and read by key where a value is needed:
 * Dynaconf's `Dynaconf(settings_files=[…])` (or `LazySettings`), returned by a `get_settings()` helper and read as
 * `get_settings().config.model`, `settings.config["model"]`, `settings.get("solve.max_attempts", 5)` or a table
 * read first (`defaults = settings.get("default")`, then `defaults.get("max_iterations")`). The same value serves a
 * request's model and a loop's bound: the evaluator resolves it, whoever asks.
 *
 * The files are the ones the loader names: config-file names written in the loader's module (`"configuration.toml"`,
 * `"settings/configuration.toml"`, joined to its folder), else a glob of one extension (`glob("*.toml")`) in the
 * loader's folder, else every configuration file of that folder. Dynaconf merges them in order and a later file wins,
 * so a key is looked up from the last file back; keys are case-insensitive (`settings.CONFIG.MODEL`), and a dotted
 * key walks the tables (`"config.model"`). Test folders are never the shipped settings.
 */
import type { ConfigDoc } from './config-files';
import type { Expr } from './facts';
import { dirOf, normalize } from './modules';
import type { RepoStore } from './store';
import type { Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;
export type SettingsVal = Extract<Val, { t: 'settings' }>;

const SETTINGS_CLASS = /^(dynaconf\.)?(Dynaconf|LazySettings)$/;
const NAMED_FILE = /["']([\w./-]+\.(?:toml|ya?ml|json))["']/g;
const GLOB = /\.glob\(\s*["'][^"']*\*\.(toml|ya?ml|json)["']/;
const TEST_PATH = /(^|\/)(tests?|testing|__tests__|fixtures?|test_data|testdata)\//i;

/** The settings object a `Dynaconf(…)` construction in `path` builds, or undefined for any other call. */
export function settingsObject(e: CallExpr, path: string, store: RepoStore): SettingsVal | undefined {
  if (!SETTINGS_CLASS.test(e.text)) return undefined;
  const docs = settingsFiles(path, store)
    .map((p) => store.config(p))
    .filter((d): d is ConfigDoc => d !== undefined && Boolean(d.data) && typeof d.data === 'object');
  return docs.length ? { t: 'settings', docs, keys: [] } : undefined;
}

/** The configuration files a loader module loads, in load order (a later one overrides). */
function settingsFiles(path: string, store: RepoStore): string[] {
  const dir = dirOf(path);
  const all = [...store.configPaths()].filter((p) => !TEST_PATH.test(p));
  const text = store.text(path) ?? store.reader?.(path) ?? '';
  const named: string[] = [];
  for (const m of text.matchAll(NAMED_FILE)) {
    // Relative to the loader's folder (how `join(dirname(__file__), name)` reads it), else the one file of that name.
    const exact = normalize(dir ? `${dir}/${m[1]}` : m[1]);
    const hit = all.includes(exact) ? exact : unique(all.filter((p) => p === m[1] || p.endsWith(`/${m[1]}`)));
    if (hit && !named.includes(hit)) named.push(hit);
  }
  if (named.length) return named;
  const inDir = all.filter((p) => dirOf(p) === dir).sort();
  const glob = GLOB.exec(text);
  return glob ? inDir.filter((p) => new RegExp(`\\.${glob[1]}$`).test(p)) : inDir;
}

function unique(paths: readonly string[]): string | undefined {
  return paths.length === 1 ? paths[0] : undefined;
}

/** The value under `keys` in one file's data, keys compared without case (Dynaconf's boxes). */
function walk(data: unknown, keys: readonly string[]): unknown {
  let cur = data;
  for (const key of keys) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    const table = cur as Record<string, unknown>;
    const hit = Object.keys(table).find((k) => k === key) ?? Object.keys(table).find((k) => k.toLowerCase() === key.toLowerCase());
    if (hit === undefined) return undefined;
    cur = table[hit];
  }
  return cur;
}

/** A key of the settings object (dotted keys walk tables): a string or number with where it is written, or a table. */
export function settingsMember(obj: SettingsVal, key: string): Val | undefined {
  const keys = [...obj.keys, ...key.split('.').filter(Boolean)];
  for (let i = obj.docs.length - 1; i >= 0; i--) {
    const doc = obj.docs[i];
    const v = walk(doc.data, keys);
    if (v === undefined || v === null) continue;
    const at = { path: doc.path, line: tableKeyLine(doc, keys) };
    if (typeof v === 'string') return { t: 'str', v, at, via: 'config' };
    if (typeof v === 'number') return { t: 'num', v, at, via: 'config' };
    // A table: later reads go on from it, through every file that has it (merged, the later file first).
    if (typeof v === 'object' && !Array.isArray(v)) return { t: 'settings', docs: obj.docs, keys };
    return undefined;
  }
  return undefined;
}

/** 1-based line of the last key under its table (`[config]` … `model = …`), else where the key is written first. */
function tableKeyLine(doc: ConfigDoc, keys: readonly string[]): number {
  const lines = doc.text.split('\n');
  const last = keys[keys.length - 1].toLowerCase();
  const table = keys.slice(0, -1).join('.').toLowerCase();
  const keyRe = /^\s*["']?([\w.-]+)["']?\s*[:=]/;
  let current = '';
  let fallback = 0;
  for (let i = 0; i < lines.length; i++) {
    const section = /^\s*\[+\s*([^\]]+?)\s*\]+\s*(#.*)?$/.exec(lines[i]);
    if (section) {
      current = section[1].replace(/["']/g, '').toLowerCase();
      continue;
    }
    const kv = keyRe.exec(lines[i]);
    if (!kv || kv[1].toLowerCase() !== last) continue;
    if (current === table) return i + 1;
    fallback ||= i + 1;
  }
  return fallback || 1;
}
