/**
 * Finding the files a scan analyses: directories walked depth-first, `.gitignore`
 * files honoured at every level (package `ignore`), `exclude` globs (picomatch)
 * relative to the scan root, symlink loops and unreadable or vanished entries
 * skipped with a reason while the walk goes on. Only paths are collected here;
 * reading and size/binary checks happen when a file is analysed.
 */
import { promises as fs } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { classifyPath } from '../core/detect/language';
import type { SkippedFile } from '../core/report/types';

export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/.next/**'];

export interface WalkOptions {
  /** Globs relative to the root (`tokenomics.exclude`), on top of the defaults. */
  readonly exclude?: readonly string[];
  readonly respectGitignore?: boolean;
  readonly isCancelled?: () => boolean;
}

export interface WalkResult {
  /** Absolute paths of supported files, in walk order. */
  readonly files: string[];
  readonly skipped: SkippedFile[];
  /** Files of types we do not analyse: counted, not listed. */
  readonly unsupported: number;
  /** Paths excluded by .gitignore or exclude globs: counted, not listed. */
  readonly excluded: number;
  /** Unsupported files the repository pass may read: configuration, tsconfig, prompt and template files (counted in `unsupported` too). */
  readonly others: string[];
}

/** Files code may load at run time or read settings from (src/core/repo); extension-less files too (a folder of prompt texts, src/core/repo/prompt-dirs.ts). */
const REPO_TEXT = /\.(ya?ml|json|toml|md|mdx|txt|j2|jinja2?|tmpl|hbs|mustache)$|(^|\/)\.env(\.[\w-]+)?$|(^|\/)[^/.]+$/i;

/**
 * A shipped `.env` example (`.env.example`, `.env.sample`, `.env.template`): the repository's default
 * configuration, read even where `.gitignore` says `.env*` (a rule meant for the user's own copy, which stays ignored).
 */
const ENV_EXAMPLE = /^\.env\.(example|sample|template|dist|defaults)$/i;

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

/** Forward-slash path of `abs` relative to `root` (the report's path form). */
export function toReportPath(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel === '' ? basename(abs) : rel).split(sep).join('/');
}

export async function walkPaths(root: string, inputs: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const result: { -readonly [K in keyof WalkResult]: WalkResult[K] } = { files: [], skipped: [], unsupported: 0, excluded: 0, others: [] };
  const isExcluded = picomatch([...DEFAULT_EXCLUDES, ...(options.exclude ?? [])], { dot: true });
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const gitignore = options.respectGitignore !== false;

  const excluded = (abs: string, isDir: boolean): boolean => {
    const rel = toReportPath(root, abs);
    return isExcluded(rel) || (isDir && isExcluded(`${rel}/`)) || (isDir && isExcluded(`${rel}/x`));
  };

  const ignoredBy = (scopes: readonly IgnoreScope[], abs: string, isDir: boolean): boolean => {
    for (const s of scopes) {
      const rel = relative(s.dir, abs).split(sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      if (s.rules.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  };

  const skip = (abs: string, reason: SkippedFile['reason'], detail?: string): void => {
    result.skipped.push({ path: toReportPath(root, abs), reason, ...(detail ? { detail } : {}) });
  };

  const addFile = (abs: string): void => {
    if (seenFiles.has(abs)) return;
    seenFiles.add(abs);
    const rel = toReportPath(root, abs);
    if (classifyPath(rel)) result.files.push(abs);
    else {
      result.unsupported++;
      if (REPO_TEXT.test(rel)) result.others.push(abs);
    }
  };

  const visitDir = async (dir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    if (options.isCancelled?.()) return;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (err) {
      skip(dir, codeOf(err) === 'ENOENT' ? 'vanished' : 'unreadable', messageOf(err));
      return;
    }
    if (seenDirs.has(real)) {
      skip(dir, 'symlink-loop', `already visited as ${toReportPath(root, real)}`);
      return;
    }
    seenDirs.add(real);
    let here = scopes;
    if (gitignore) {
      try {
        const text = await fs.readFile(join(dir, '.gitignore'), 'utf8');
        here = [...scopes, { dir, rules: ignore().add(text) }];
      } catch {
        // No .gitignore here (or unreadable): the parent rules still apply.
      }
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skip(dir, codeOf(err) === 'ENOENT' ? 'vanished' : 'unreadable', messageOf(err));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (options.isCancelled?.()) return;
      const abs = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.stat(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          skip(abs, codeOf(err) === 'ELOOP' ? 'symlink-loop' : codeOf(err) === 'ENOENT' ? 'vanished' : 'unreadable', messageOf(err));
          continue;
        }
      }
      if (!isDir && !isFile) continue;
      if (excluded(abs, isDir) || (ignoredBy(here, abs, isDir) && !(isFile && ENV_EXAMPLE.test(entry.name)))) {
        result.excluded++;
        continue;
      }
      if (isDir) await visitDir(abs, here);
      else addFile(abs);
    }
  };

  for (const input of inputs) {
    const abs = resolve(root, input);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(abs);
    } catch (err) {
      skip(abs, codeOf(err) === 'ENOENT' ? 'vanished' : codeOf(err) === 'ELOOP' ? 'symlink-loop' : 'unreadable', messageOf(err));
      continue;
    }
    if (stat.isDirectory()) await visitDir(abs, await ancestorScopes(root, abs, gitignore));
    else if (stat.isFile()) addFile(abs);
  }
  return result;
}

/** `.gitignore` files between the root and a directory given on the command line apply to it too. */
async function ancestorScopes(root: string, dir: string, enabled: boolean): Promise<IgnoreScope[]> {
  if (!enabled) return [];
  const rel = relative(root, dir);
  if (rel.startsWith('..') || rel === '') return [];
  const scopes: IgnoreScope[] = [];
  let current = root;
  for (const part of ['', ...rel.split(sep).slice(0, -1)]) {
    current = part ? join(current, part) : current;
    try {
      scopes.push({ dir: current, rules: ignore().add(await fs.readFile(join(current, '.gitignore'), 'utf8')) });
    } catch {
      // none at this level
    }
  }
  return scopes;
}

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function messageOf(err: unknown): string {
  const code = codeOf(err);
  return code ?? (err instanceof Error ? err.message : String(err));
}
