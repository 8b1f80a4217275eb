/**
 * Loads the extension's main bundle with a V8 code cache kept in the extension's global storage, so a
 * session after the first does not parse and compile the 2.2 MB bundle again, nor the detection and
 * pricing code its first lens runs. No `vscode`: the thin entry (src/extension.ts) loads this before
 * anything else, and a bench loads bundles with it the same way.
 *
 * Why not Node's `module.enableCompileCache()` alone: the hosts that have it (Node ≥ 22.1: code-server,
 * VS Code ≥ 1.101) cache each script as compiled at load, that is its top level; the functions a lens
 * runs are compiled lazily on first call and are not in it. `Script#createCachedData()` called once the
 * cold start is over holds every function compiled so far, the first lens's path among them, and it
 * works on every host's Node (VS Code 1.100 runs Node 20, which has no compile cache).
 *
 * The cache is keyed by the bundle's size and time and the runtime (Node version, architecture): V8
 * rejects data of another build, and a rejected or missing cache is written again after the cold
 * start. Anything failing before the bundle runs falls back to a plain `require`.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export type CodeCacheState = 'off' | 'created' | 'used' | 'rejected' | 'failed';

export interface CachedLoad<T> {
  readonly exports: T;
  /** off: no cache folder; created: none yet (written by `save`); used: compiled from it; rejected: V8 refused it; failed: plain require. */
  readonly state: CodeCacheState;
  /** Milliseconds from reading the bundle to its top level having run. */
  readonly loadMs: number;
  /** Writes the cache (every function compiled so far) when this load did not use one; the file written, or undefined. */
  save(): string | undefined;
}

/** The module API the loader uses beyond the typed one (stable since Node 0.x; what `require` itself does). */
interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
  _cache: Record<string, NodeModule>;
  wrap(source: string): string;
}

/**
 * The cache file for `file` in `cacheDir` under this runtime: changes when the bundle or the runtime
 * does. The key is spelt out, not hashed: loading `node:crypto` for a hash cost 0.1–0.2 s in a fresh
 * Node process on these machines (VS Code's own host has it loaded already; a bench's stub host has not).
 */
export function codeCacheFile(file: string, cacheDir: string): string {
  const s = statSync(file);
  const key = [s.size, s.mtimeMs, process.version, process.arch, process.versions.v8].join('-').replace(/[^\w.-]/g, '_');
  return join(cacheDir, `${basename(file)}.${key}.v8cache`);
}

/**
 * Requires `file` (a CommonJS bundle) as `parent`'s child, compiled with the code cache in `cacheDir`.
 * `cacheDir` undefined: a plain `require`.
 */
export function requireWithCodeCache<T>(file: string, cacheDir: string | undefined, parent: NodeModule, now: () => number = () => performance.now()): CachedLoad<T> {
  const started = now();
  const plain = (state: CodeCacheState): CachedLoad<T> => {
    const exports = parent.require(file) as T;
    return { exports, state, loadMs: now() - started, save: () => undefined };
  };
  if (!cacheDir) return plain('off');
  let script: Script;
  let cacheFile: string;
  let state: CodeCacheState;
  let module: NodeModule;
  try {
    cacheFile = codeCacheFile(file, cacheDir);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const internals = Module as unknown as ModuleInternals;
    // The wrapper `require` itself puts around a CommonJS file: line numbers (and stack traces) stay the file's.
    // No `import()` may be in the bundle: a script compiled from cached data cannot run one on Node 20
    // (the build turns the parser runtime's into requires: esbuild.config.mjs, no-dynamic-imports).
    script = new Script(internals.wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
    state = !cachedData ? 'created' : script.cachedDataRejected ? 'rejected' : 'used';
    const ModuleClass = Module as unknown as new (id: string, parent: NodeModule) => NodeModule;
    module = new ModuleClass(file, parent);
    module.filename = file;
    module.paths = internals._nodeModulePaths(dirname(file));
    internals._cache[file] = module;
  } catch {
    return plain('failed');
  }
  // From here the bundle runs: an error is its own, not the cache's, and is not retried.
  const internals = Module as unknown as ModuleInternals;
  const require = Object.assign((id: string) => module.require(id), { resolve: (id: string) => Module.createRequire(file).resolve(id), cache: internals._cache }) as unknown as NodeJS.Require;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeModule, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, require, module, file, dirname(file));
  } catch (err) {
    // As `require` does: a module that threw is not left in the cache half-run.
    delete internals._cache[file];
    throw err;
  }
  module.loaded = true;
  const loadMs = now() - started;
  return {
    exports: module.exports as T,
    state,
    loadMs,
    save: () => {
      if (state === 'used') return undefined;
      try {
        mkdirSync(cacheDir, { recursive: true });
        // Written aside and renamed: a window loading at the same moment reads a whole cache or none.
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        removeOtherCaches(cacheDir, basename(file), cacheFile);
        state = 'used';
        return cacheFile;
      } catch {
        return undefined;
      }
    },
  };
}

/** Caches of earlier builds or runtimes of the same bundle: never read again. */
function removeOtherCaches(cacheDir: string, bundle: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path !== keep && name.startsWith(`${bundle}.`) && name.endsWith('.v8cache')) {
      try {
        unlinkSync(path);
      } catch {
        // Another window's, being replaced: it goes next time.
      }
    }
  }
}
