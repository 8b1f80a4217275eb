/**
 * Which file of the repository a module specifier names: relative TypeScript and
 * Python imports, package-local dotted Python modules (matched by path suffix, so
 * `src/` layouts work), packages (`__init__.py`, `index.ts`) and TypeScript path
 * aliases from tsconfig `paths`. Non-code files (`./system.md?raw`) resolve too.
 */

export interface PathAlias {
  /** `@/` for `"@/*": ["src/*"]`, or an exact specifier. */
  readonly prefix: string;
  readonly targets: readonly string[];
  readonly wildcard: boolean;
}

const TS_EXT = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts'];

export class ModuleResolver {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly has: (path: string) => boolean,
    private readonly allPaths: () => Iterable<string>,
    private readonly aliases: () => readonly PathAlias[],
  ) {}

  clear(): void {
    this.cache.clear();
  }

  resolve(fromPath: string, spec: string): string | undefined {
    const python = /\.pyi?$/.test(fromPath);
    const key = `${python ? 'py' : 'ts'}\u0000${python && spec.startsWith('.') ? dirOf(fromPath) : fromPath}\u0000${spec}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const found = python ? this.python(fromPath, spec) : this.typescript(fromPath, spec);
    this.cache.set(key, found);
    return found;
  }

  private typescript(fromPath: string, raw: string): string | undefined {
    const spec = raw.replace(/\?(raw|url|inline)$/, '');
    // `from "."` / `from ".."`: the folder's own `index.ts` (`import { geminiFlashModel } from "."` beside `ai/index.ts`).
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') return this.tsFile(normalize(`${dirOf(fromPath)}/${spec}`));
    for (const a of this.aliases()) {
      if (a.wildcard ? !spec.startsWith(a.prefix) : spec !== a.prefix) continue;
      for (const t of a.targets) {
        const hit = this.tsFile(normalize(a.wildcard ? t + spec.slice(a.prefix.length) : t));
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private tsFile(base: string): string | undefined {
    if (this.has(base) && !/\.(js|mjs|cjs)$/.test(base)) return base;
    const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
    for (const ext of TS_EXT) if (this.has(stem + ext)) return stem + ext;
    for (const ext of TS_EXT) if (this.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
    return this.has(base) ? base : undefined;
  }

  private python(fromPath: string, spec: string): string | undefined {
    if (spec.startsWith('.')) {
      const dots = /^\.+/.exec(spec)![0].length;
      let parent = dirOf(fromPath);
      for (let i = 1; i < dots; i++) parent = dirOf(parent);
      const rest = spec.slice(dots).split('.').filter(Boolean).join('/');
      return this.pyFile(normalize(rest ? `${parent}/${rest}` : parent));
    }
    const suffix = spec.split('.').join('/');
    const direct = this.pyFile(suffix);
    if (direct) return direct;
    // A package-local module under a source folder (`src/pkg/mod.py`): the shortest path ending with it.
    let best: string | undefined;
    for (const p of this.allPaths()) {
      if (!(p.endsWith(`/${suffix}.py`) || p.endsWith(`/${suffix}/__init__.py`))) continue;
      if (!best || p.length < best.length) best = p;
    }
    return best;
  }

  private pyFile(base: string): string | undefined {
    if (this.has(`${base}.py`)) return `${base}.py`;
    if (this.has(`${base}/__init__.py`)) return `${base}/__init__.py`;
    return undefined;
  }
}

/** tsconfig `compilerOptions.paths` (with `baseUrl`) as aliases, relative to the repository root. */
export function aliasesFromTsconfig(configPath: string, config: unknown): PathAlias[] {
  const options = (config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined)?.compilerOptions;
  if (!options?.paths && typeof options?.baseUrl !== 'string') return [];
  const base = normalize(`${dirOf(configPath)}/${options.baseUrl ?? '.'}`);
  const out: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    if (!Array.isArray(targets)) continue;
    const wildcard = pattern.endsWith('*');
    out.push({
      prefix: wildcard ? pattern.slice(0, -1) : pattern,
      targets: targets.map((t) => normalize(`${base}/${wildcard ? t.replace(/\*$/, '') : t}`) + (wildcard && t.endsWith('/*') ? '/' : '')),
      wildcard,
    });
  }
  // `"baseUrl": "src"`: a bare `import … from 'api/openai'` is `src/api/openai.ts` when that file exists (after `paths`).
  if (typeof options.baseUrl === 'string') out.push({ prefix: '', targets: [base ? `${base}/` : ''], wildcard: true });
  return out;
}

export function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
