/**
 * Finding, for a name one file imports from another module of the project,
 * the prompt that module declares under that name. Only cheap cases: relative
 * TypeScript/JavaScript imports (`./prompts`), relative Python imports
 * (`.prompts`, `..shared.prompts`) and dotted Python modules matched by path
 * suffix (`react_agent.prompts` → `…/react_agent/prompts.py`).
 */
import type { DetectedFile, DetectedPrompt } from '../core/detect/types';

export class ImportIndex {
  /** Report path without extension → name → prompt. */
  private readonly byModule = new Map<string, Map<string, DetectedPrompt>>();

  add(file: DetectedFile): void {
    const named = file.prompts.filter((p) => p.name);
    if (named.length === 0) return;
    const key = file.path.replace(/\.(py|pyi|ts|tsx|js|mjs|cjs|jsx)$/, '');
    const map = new Map<string, DetectedPrompt>();
    for (const p of named) if (!map.has(p.name!)) map.set(p.name!, p);
    this.byModule.set(key, map);
  }

  lookup = (fromPath: string, module: string, name: string): DetectedPrompt | undefined => {
    const [spec, importedName] = module.split('#');
    const wanted = importedName ?? name;
    for (const candidate of this.candidates(fromPath, spec)) {
      const hit = this.byModule.get(candidate)?.get(wanted);
      if (hit) return hit;
    }
    return undefined;
  };

  private candidates(fromPath: string, spec: string): string[] {
    const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const base = normalize(`${dir}/${spec}`);
      return [base.replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, ''), `${base}/index`];
    }
    if (spec.startsWith('.')) {
      const dots = /^\.+/.exec(spec)![0].length;
      let parent = dir;
      for (let i = 1; i < dots; i++) parent = parent.includes('/') ? parent.slice(0, parent.lastIndexOf('/')) : '';
      const rest = spec.slice(dots).split('.').filter(Boolean).join('/');
      return [normalize(rest ? `${parent}/${rest}` : `${parent}/__init__`)];
    }
    // A dotted Python module: any file whose path ends with it.
    const suffix = spec.split('.').join('/');
    return [...this.byModule.keys()].filter((k) => k === suffix || k.endsWith(`/${suffix}`));
  }
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.py'];

/**
 * Files (report paths, with extensions) a module spec may name from `fromPath`, for a host
 * that reads files one by one (the editor). Dotted Python modules (`pkg.prompts`) are found by
 * path suffix instead: see `dottedModuleSuffix`.
 */
export function relativeModuleFiles(fromPath: string, spec: string): string[] {
  const module = spec.split('#')[0];
  const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
  if (module.startsWith('./') || module.startsWith('../')) {
    const base = normalize(`${dir}/${module}`).replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, '');
    return [...SOURCE_EXTENSIONS.map((ext) => `${base}${ext}`), ...SOURCE_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  }
  if (module.startsWith('.')) {
    const dots = /^\.+/.exec(module)![0].length;
    let parent = dir;
    for (let i = 1; i < dots; i++) parent = parent.includes('/') ? parent.slice(0, parent.lastIndexOf('/')) : '';
    const rest = module.slice(dots).split('.').filter(Boolean).join('/');
    return [normalize(rest ? `${parent}/${rest}.py` : `${parent}/__init__.py`)];
  }
  return [];
}

/** `pkg.prompts` → `pkg/prompts.py`, for a search by path suffix; undefined for relative specs. */
export function dottedModuleSuffix(spec: string): string | undefined {
  const module = spec.split('#')[0];
  return module.startsWith('.') || module.includes('/') ? undefined : `${module.split('.').join('/')}.py`;
}
