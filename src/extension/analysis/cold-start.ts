/**
 * When the cold start is over for the work that no lens needs: the workspace's repository index and
 * the grammars no open document uses start only then. Pure (timers only, no `vscode`), unit-tested.
 *
 * Why: VS Code's editor learns how long CodeLens requests take and makes every newly opened file
 * wait that long before asking (docs/editor.md, "Why the editor asks late"). The first request of
 * a session comes right after the first analysis; index workers and grammar compiles started at that
 * moment compete with it for these machines' two cores and for the extension host's thread, and a
 * slow answer then is paid again on every later file. So they wait until the first lens was answered
 * (plus a moment for the editor to draw it), or, when no lens is ever asked (CodeLens off, no file
 * the extension prices), a fallback time after the first analysis.
 */
/** After the first lens was answered: time for the editor to draw it before workers take the cores. */
export const COLD_START_SETTLE_MS = 500;
/** When no lens is asked for: after the first analysis (a cold lens under heavy load is asked seconds after it). */
export const COLD_START_FALLBACK_MS = 10_000;

export class ColdStart {
  /** Settles once: the first lens was answered `settleMs` ago, or the fallback passed. */
  readonly over: Promise<void>;
  private open!: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer fires (epoch ms of `now()`), so a later, longer wait never postpones it. */
  private dueAt = Number.POSITIVE_INFINITY;
  private done = false;

  constructor(
    private readonly settleMs: number,
    private readonly fallbackMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.over = new Promise<void>((resolve) => (this.open = resolve));
    void this.over.then(() => (this.done = true));
  }

  get isOver(): boolean {
    return this.done;
  }

  /** The editor got lenses (the first time counts; later answers change nothing). */
  lensAnswered(): void {
    this.openWithin(this.settleMs);
  }

  /** The analyses of the documents showing at activation are done; activated with none, the first document was opened (context.ts). */
  firstAnalysisDone(): void {
    this.openWithin(this.fallbackMs);
  }

  /** The extension is going away: nothing may wait for the cold start forever. */
  dispose(): void {
    this.openWithin(0);
  }

  /** Opens in `ms` at the latest: an earlier deadline already set stands. */
  private openWithin(ms: number): void {
    const due = this.now() + Math.max(0, ms);
    if (this.done || due >= this.dueAt) return;
    this.dueAt = due;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (ms <= 0) this.open();
    else {
      this.timer = setTimeout(() => this.open(), ms);
      // Never what keeps a process alive (a CLI or bench process that loads the extension exits when its work ends).
      (this.timer as { unref?: () => void }).unref?.();
    }
  }
}
