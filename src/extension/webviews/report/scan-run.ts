/**
 * One Cost report scan's state between the host and the scan: its progress (what the view is
 * told), and its cancel (asked by Cancel, a newer scan or the view closing). Pure (no `vscode`),
 * unit-tested: a cancelled scan's last progress messages, sent while its workers wind down, must
 * not turn the view's "cancelled" back into "Scanning…".
 */
export interface ScanProgressEvent {
  readonly done: number;
  readonly total: number;
}

/** At most this often a progress message reaches the page (the last one always does): it only needs to look alive. */
export const PROGRESS_EVERY_MS = 100;

export class ScanRun {
  private cancelledFlag = false;
  /** When the user asked to cancel (Cancel), for the log's "stopped N ms after the request". */
  private requestedAt?: number;
  /** The view was told at the click: the scan's end must not tell it again. */
  announced = false;
  private done = 0;
  private total = 0;
  private lastPost = Number.NEGATIVE_INFINITY;
  /** Stops the scan's work at once (kills the scan process); run by cancel and supersede. */
  private stopWork?: () => void;

  constructor(private readonly now: () => number = Date.now) {}

  /** Polled by the scan between files and by its worker pool. */
  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  /** Registers what stops the scan's work now; run at once when the scan was already stopped. */
  onStop(stop: () => void): void {
    this.stopWork = stop;
    if (this.cancelledFlag) stop();
  }

  /** A progress event of the scan: whether to post it to the view. */
  progress(p: ScanProgressEvent): boolean {
    if (this.cancelledFlag) return false;
    this.done = p.done;
    this.total = p.total;
    const now = this.now();
    if (now - this.lastPost < PROGRESS_EVERY_MS && p.done < p.total) return false;
    this.lastPost = now;
    return true;
  }

  /** Stops the scan without a user request (a newer scan, the view closed). */
  supersede(): void {
    this.cancelledFlag = true;
    this.stopWork?.();
  }

  /** The user's Cancel: false when the scan was already stopped. Returns the log line for the request. */
  cancel(): string | undefined {
    if (this.cancelledFlag) return undefined;
    this.cancelledFlag = true;
    this.requestedAt = this.now();
    this.stopWork?.();
    return `Cost report: cancel requested at ${this.done} of ${this.total} files`;
  }

  /** The log line once the scan has returned cancelled: where it stopped, and how long after the request. */
  stoppedLine(): string {
    const after = this.requestedAt !== undefined ? `; stopped ${this.now() - this.requestedAt} ms after the request` : '';
    return `Cost report: scan cancelled at ${this.done} of ${this.total} files${after}`;
  }
}
