/**
 * What VS Code did between beginning to activate us and calling `activate()`, from the extension host's
 * own performance marks. The host keeps them in `globalThis.MonacoPerformanceMarks` (VS Code's
 * `vs/base/common/performance`: in Node a list of `{ name, startTime }` with epoch-ms times, read through
 * `getMarks()`): `code/extHost/willLoadExtensionCode/<id>` and `didLoadExtensionCode/<id>` around the
 * `require` of an extension's entry, `willActivateExtension/<id>` once its entry is loaded AND its context
 * (global and workspace state, storage paths: requests to the window) is built, `didActivateExtension/<id>`
 * when its `activate()` returned. Before `willLoadExtensionCode` the host fetches the extension's localized
 * messages. In the editor bench VS Code began activating us 0.9–20 s before it called `activate()`
 * (docs/editor.md "Why the editor asks late"); this splits that wait and names what else ran on the host's
 * one thread meanwhile. Read-only and best effort: a host without the marks gives `undefined`.
 */

export interface HostMark {
  readonly name: string;
  /** Epoch ms. */
  readonly startTime: number;
}

/** Another extension's work on the host's thread inside our wait. */
export interface HostWork {
  readonly extensionId: string;
  readonly phase: 'code' | 'activate';
  readonly ms: number;
}

export interface ActivationWait {
  /** When the host began to `require` our entry (epoch ms). */
  readonly codeLoadStartedAt: number;
  readonly codeLoadMs: number;
  /** From our entry loaded to `activate()` called: the extension context still being built, or the thread busy. */
  readonly contextWaitMs: number;
  readonly activateCalledAt: number;
  /** Other extensions' entry loads and `activate()` calls that ran in [our code load's start, our activate], longest first. */
  readonly meanwhile: readonly HostWork[];
}

const PREFIX = 'code/extHost/';

/** The host's marks, or undefined outside VS Code's extension host (tests, the CLI) or if they cannot be read. */
export function readHostMarks(): readonly HostMark[] | undefined {
  try {
    const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks?: () => unknown } }).MonacoPerformanceMarks;
    const marks = perf?.getMarks?.();
    return Array.isArray(marks) ? marks.filter(isMark) : undefined;
  } catch {
    return undefined;
  }
}

function isMark(value: unknown): value is HostMark {
  const m = value as HostMark | null;
  return typeof m?.name === 'string' && typeof m.startTime === 'number' && Number.isFinite(m.startTime);
}

/** Our wait split from the marks, or undefined when our own load and activation marks are not there. */
export function activationWait(marks: readonly HostMark[], extensionId: string): ActivationWait | undefined {
  const at = (what: string, id: string) => marks.find((m) => m.name === `${PREFIX}${what}/${id}`)?.startTime;
  const willLoad = at('willLoadExtensionCode', extensionId);
  const didLoad = at('didLoadExtensionCode', extensionId);
  const willActivate = at('willActivateExtension', extensionId);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined) return undefined;
  return {
    codeLoadStartedAt: willLoad,
    codeLoadMs: didLoad - willLoad,
    contextWaitMs: willActivate - didLoad,
    activateCalledAt: willActivate,
    meanwhile: otherWork(marks, extensionId, willLoad, willActivate),
  };
}

const PHASES = [
  { phase: 'code', begin: 'willLoadExtensionCode', end: 'didLoadExtensionCode' },
  { phase: 'activate', begin: 'willActivateExtension', end: 'didActivateExtension' },
] as const;

/** Each other extension's load or activation, clipped to [from, to]; only spans that overlap it. */
function otherWork(marks: readonly HostMark[], ours: string, from: number, to: number): HostWork[] {
  const begins = new Map<string, number>();
  const work: HostWork[] = [];
  for (const mark of marks) {
    if (!mark.name.startsWith(PREFIX)) continue;
    const [what, ...rest] = mark.name.slice(PREFIX.length).split('/');
    const id = rest.join('/');
    if (!id || id === ours) continue;
    for (const { phase, begin, end } of PHASES) {
      if (what === begin) begins.set(`${phase} ${id}`, mark.startTime);
      if (what !== end) continue;
      const start = begins.get(`${phase} ${id}`);
      if (start === undefined) continue;
      const ms = Math.min(mark.startTime, to) - Math.max(start, from);
      if (ms > 0) work.push({ extensionId: id, phase, ms });
    }
  }
  return work.sort((a, b) => b.ms - a.ms);
}

/** One log line (the editor bench reads `entry load began <ISO>`). */
export function describeActivationWait(wait: ActivationWait, shown = 5): string {
  const busy = wait.meanwhile.slice(0, shown).map((w) => `${w.extensionId} ${w.phase} ${w.ms} ms`);
  const more = wait.meanwhile.length > shown ? `, ${wait.meanwhile.length - shown} more` : '';
  const meanwhile = busy.length > 0 ? `; meanwhile on the host's thread: ${busy.join(', ')}${more}` : '; no other extension loaded or activated meanwhile';
  return (
    `Before activate(): VS Code's entry load began ${new Date(wait.codeLoadStartedAt).toISOString()} and took ${wait.codeLoadMs} ms, ` +
    `then ${wait.contextWaitMs} ms until activate() (the extension context, or the host's thread busy)${meanwhile}`
  );
}
