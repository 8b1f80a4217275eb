/**
 * Files a package declares as commands its users run:
 *
 * - a Python package's installed commands, the modules named by `[project.scripts]`, `[project.gui-scripts]` and
 *   `[tool.poetry.scripts]` of a `pyproject.toml` (`wtf = "scripts.wtf:main"`);
 * - the files a `package.json` script runs (`"ingest": "tsx -r dotenv/config scripts/ingest-data.ts"`, run as
 *   `npm run ingest`), except the maintainers' tooling, which the script's name says (`test`, `lint`, `build`,
 *   `eval`, `db:migrate`, …), and files that are tests by their path.
 *
 * Such a file runs whenever a user types the command, so it is the application's runtime whatever folder it sits
 * in (a `scripts/` folder otherwise holds the maintainers' tooling).
 */
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';

/** Script names of development tooling: any `:`/`-`/`_` separated word of the name. */
const TOOLING_SCRIPT =
  /(^|[:_-])(test|tests|lint|format|fmt|prettier|build|compile|clean|typecheck|type|types|check|bench|benchmark|evals?|e2e|ci|release|publish|deploy|docs?|storybook|coverage|prepare|prepublish|postinstall|preinstall|precommit|generate|gen|codegen|migrate|migration|db|i18n|sync|report|analyze|size|bundle|watch|version)([:_-]|$)/i;
/** A file a command runs: a path ending in a code extension, as its own word. */
const RUN_FILE = /(?:^|[\s"'=])(?:\.\/)?((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|py))(?=$|[\s"';&|])/g;

/** Paths of the repository's files that are declared entry points. */
export function entryPointFiles(store: RepoStore): ReadonlySet<string> {
  const out = new Set<string>(packageScriptFiles(store));
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

/** Files `package.json` scripts run that are not development tooling. */
function packageScriptFiles(store: RepoStore): string[] {
  const out: string[] = [];
  for (const path of store.otherPaths()) {
    if (!/(^|\/)package\.json$/.test(path) || /(^|\/)node_modules\//.test(path)) continue;
    const scripts = at(parseJson(store.text(path) ?? store.reader?.(path)), 'scripts');
    if (!scripts || typeof scripts !== 'object') continue;
    const root = path.replace(/(^|\/)package\.json$/, '');
    for (const [name, command] of Object.entries(scripts as Record<string, unknown>).slice(0, 200)) {
      if (typeof command !== 'string' || TOOLING_SCRIPT.test(name)) continue;
      for (const m of command.matchAll(RUN_FILE)) {
        const file = root ? `${root}/${m[1]}` : m[1];
        if (store.get(file) && scopeOfPath(file) !== 'test' && !/\.config\.[cm]?[jt]s$/.test(file)) out.push(file);
      }
    }
  }
  return out;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
