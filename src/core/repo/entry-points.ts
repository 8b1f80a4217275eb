/**
 * Files a Python package installs as commands: the modules named by `[project.scripts]`,
 * `[project.gui-scripts]` and `[tool.poetry.scripts]` of a `pyproject.toml` (`wtf = "scripts.wtf:main"`).
 * Such a file runs whenever a user types the command, so it is the application's runtime whatever
 * folder it sits in (a `scripts/` folder otherwise holds the maintainers' tooling).
 */
import type { RepoStore } from './store';

/** Paths of the repository's files that are declared entry points. */
export function entryPointFiles(store: RepoStore): ReadonlySet<string> {
  const out = new Set<string>();
  for (const path of store.configPaths()) {
    if (!/(^|\/)pyproject\.toml$/.test(path)) continue;
    const data = store.config(path)?.data;
    const root = path.replace(/(^|\/)pyproject\.toml$/, '');
    for (const target of scriptTargets(data)) {
      const module = target.split(':')[0].trim().replace(/\./g, '/');
      if (!module) continue;
      for (const base of [root, root ? `${root}/src` : 'src']) {
        const prefix = base ? `${base}/` : '';
        for (const candidate of [`${prefix}${module}.py`, `${prefix}${module}/__init__.py`, `${prefix}${module}/__main__.py`]) {
          if (store.get(candidate)) out.add(candidate);
        }
      }
    }
  }
  return out;
}

/** `"pkg.cli:main"` strings of the script tables (poetry also allows `{ callable = "pkg.cli:main" }`). */
function scriptTargets(data: unknown): string[] {
  const tables = [at(data, 'project', 'scripts'), at(data, 'project', 'gui-scripts'), at(data, 'tool', 'poetry', 'scripts')];
  const out: string[] = [];
  for (const table of tables) {
    if (!table || typeof table !== 'object') continue;
    for (const value of Object.values(table as Record<string, unknown>)) {
      if (typeof value === 'string') out.push(value);
      else if (value && typeof value === 'object' && typeof (value as { callable?: unknown }).callable === 'string') out.push((value as { callable: string }).callable);
    }
  }
  return out.slice(0, 100);
}

function at(data: unknown, ...keys: string[]): unknown {
  let v = data;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}
