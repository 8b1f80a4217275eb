/**
 * Temporary directories that are always removed: on success, on error, and when
 * the process is interrupted (SIGINT, SIGTERM, SIGHUP) or exits while one is
 * live. They are made under the system's temporary folder and never inside the
 * repository being read.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  removeAll();
  process.exit(EXIT_CODES[signal]);
}

function install(): void {
  process.on('exit', removeAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  process.off('exit', removeAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Runs `work` with a fresh temporary directory, removed afterwards whatever happens. */
export async function withTempDir<T>(prefix: string, outside: string, work: (dir: string) => Promise<T>): Promise<T> {
  const base = realpathSync(tmpdir());
  const rel = relative(outside, base);
  if (rel === '' || !rel.startsWith('..')) throw new Error(`the temporary folder ${base} is inside ${outside}; set TMPDIR to a folder outside the repository`);
  const dir = mkdtempSync(join(base, prefix));
  if (live.size === 0) install();
  live.add(dir);
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
    if (live.size === 0) uninstall();
  }
}
