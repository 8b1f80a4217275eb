/**
 * The Cost report's scan process gives way to the editor: it runs at a lower scheduling priority
 * than the process that forked it, so that on a 2-core machine the renderer and the extension host
 * get a core as soon as a key is pressed, and the scan takes what they leave (issue 18: typing
 * during a scan within 20% of typing without one). Best effort everywhere: a priority that cannot
 * be lowered is reported to the log, never an error, and the scan runs as before.
 *
 * How, per platform (all from Node's `os.setPriority`, libuv's uv_os_setpriority):
 * - Linux: the niceness is per thread, and a thread inherits its creator's. The host lowers the
 *   process's main thread right after the fork; the process lowers every thread it already has
 *   (V8's platform threads start before any script runs) so that detection workers and the file
 *   reading pool, created later by the main thread, inherit it.
 * - macOS and Windows: the call sets the whole process (Windows: the "below normal" class).
 *
 * What it does not do: with Linux's autogroup scheduling, niceness only counts among the processes
 * of one session. In VS Code on a desktop the renderer, the extension host and this process share
 * one; under code-server the browser is a session of its own, so there the scan gives way to the
 * extension host but not to the renderer. A session of its own with its group lowered too (tried:
 * `detached` plus /proc/self/autogroup) gave way to everything, and on a machine busy with other
 * work (load average 15 on 2 cores) a 600-file scan took 108–117 s instead of 9–11 s: too high a
 * price for a scan the user is waiting for, so it was dropped.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower than its parent the scan runs (Unix niceness; 10 = `nice`'s default, Windows "below normal"). */
export const SCAN_NICENESS_STEP = 10;
/** The lowest priority Unix allows. */
const LOWEST = 19;

/** The niceness a child of a process at `parent` runs the scan with: lower by the step, never above the lowest. */
export function scanNiceness(parent: number): number {
  return Math.min(LOWEST, Math.max(parent, 0) + SCAN_NICENESS_STEP);
}

/**
 * Host side, right after the fork: lowers the child (the whole process on macOS and Windows, its
 * main thread on Linux). Returns one line for the log.
 */
export function lowerChildPriority(pid: number | undefined): string {
  if (pid === undefined) return 'priority unchanged (no process id)';
  try {
    const niceness = scanNiceness(getPriority());
    setPriority(pid, niceness);
    return `lowered priority (niceness ${niceness})`;
  } catch (err) {
    return `priority unchanged (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
}

/**
 * Process side, first thing: every thread the process already has at the niceness the host gives
 * its main thread (Linux; elsewhere the host's call covered the whole process). Returns how many
 * threads were lowered; never throws.
 */
export function lowerOwnThreads(): number {
  if (process.platform !== 'linux') return 0;
  let threads = 0;
  try {
    // The host lowers the main thread right after the fork; this may run first, so the target is the host's plus the step.
    const niceness = Math.max(getPriority(), scanNiceness(getPriority(process.ppid)));
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        if (getPriority(Number(tid)) < niceness) setPriority(Number(tid), niceness);
        threads++;
      } catch {
        // a thread that ended meanwhile, or a kernel that refuses: the others still count
      }
    }
  } catch {
    // no /proc: the main thread's priority, set by the host, is what the new threads inherit
  }
  return threads;
}
