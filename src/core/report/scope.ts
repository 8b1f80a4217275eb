/**
 * Which scope a file's sites belong to, from its path and kind. Tests, examples, docs and
 * notebooks are not the application's bill; instruction files are priced per coding-agent
 * request. Everything else is `runtime`. Paths are relative to the scanned root.
 */
import type { SiteScope } from './types';

const TEST_DIR = /(^|\/)(tests?|__tests__|spec|specs|testing|e2e|cypress|playwright|fixtures?|__fixtures__|testdata|__mocks__|mocks?)\//i;
const TEST_FILE = /(^|\/)(test_[^/]+\.py|[^/]+_test\.py|conftest\.py|[^/]+\.(test|spec)\.[cm]?[jt]sx?)$/i;
const EXAMPLE_DIR = /(^|\/)(examples?|samples?|demos?|cookbooks?|tutorials?|quickstarts?|playground|\.storybook|stories)\//i;
/** Storybook stories render components with canned data; they are not the application's traffic. */
const STORY_FILE = /\.stories\.[cm]?[jt]sx?$/i;
const DOCS_DIR = /(^|\/)(docs?|documentation|site-docs)\//i;
const BENCH_DIR = /(^|\/)(bench|benchmarks?|evals?|scripts)\//i;
const NOTEBOOK = /\.(ipynb)$/i;
/**
 * A Next.js route file: under the `app/` or `pages/` router of the project (at its root, under `src/`, or in a
 * monorepo's `apps/<name>/`), every folder is a URL segment, so `app/examples/chat/page.tsx` is the page a user opens
 * at /examples/chat, not an example folder. Group 1 is the part before the router, the only part whose folder names
 * say what the file is for (an `examples/next-app/app/page.tsx` stays an example).
 */
const NEXT_ROUTER_FILE = /^((?:apps\/[^/]+\/)?(?:src\/)?)(?:app|pages)\/.+\.(?:[cm]?[jt]sx?|mdx)$/i;

/** The path up to a Next.js router (the router's own folders are routes), or the whole path. */
function beforeRoutes(path: string): string {
  const route = NEXT_ROUTER_FILE.exec(path);
  return route ? route[1] : path;
}

/**
 * A Python module that is a test only by its file name (`test_*.py`, `*_test.py`), not by a test folder: a
 * runtime module may happen to carry such a name (a `write_test.py` tool), which the repository's imports tell.
 */
export function pythonTestByNameOnly(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return /(^|\/)(test_[^/]+|[^/]+_test)\.py$/i.test(p) && !TEST_DIR.test(p);
}

/**
 * `entryPoints`: files the repository declares as installed commands (see repo/entry-points.ts); they run for
 * users wherever they sit, so a `scripts/` or `examples/` folder does not take them out of the runtime; so do modules
 * named like tests that the application's runtime code imports (repo/imported-tests.ts).
 */
export function scopeOfPath(path: string, kind?: string, entryPoints?: ReadonlySet<string>): SiteScope {
  if (kind === 'instructions') return 'instructions';
  const p = path.replace(/\\/g, '/');
  if (entryPoints?.has(p)) return 'runtime';
  if (NOTEBOOK.test(p)) return 'notebook';
  if (TEST_DIR.test(p) || TEST_FILE.test(p)) return 'test';
  if (EXAMPLE_DIR.test(beforeRoutes(p)) || STORY_FILE.test(p)) return 'example';
  if (DOCS_DIR.test(p)) return 'docs';
  if (BENCH_DIR.test(p)) return 'example';
  return 'runtime';
}
