/**
 * Which lens answers are followed by an `onDidChangeCodeLenses`, so that the editor asks again and
 * times a fast request. Pure (no `vscode`), unit-tested.
 *
 * Why: VS Code keeps, per document and set of CodeLens providers, the average of the last 6 request
 * durations, and makes every newly opened file wait the mean of those averages (docs/editor.md,
 * "Why the editor asks late"). The first requests of a session are timed while the extension host
 * is still starting every extension, often seconds; one such key alone made each later file of the
 * bench wait 2–5 s before its lenses were asked for. Answering the documents of the cold start a
 * few more times, at once from the cached analysis, replaces those slow durations with fast ones.
 * An announcement restarts the wait of every visible editor's pending request, so none is made
 * while another visible document waits for its first lenses (then the document stops for good).
 */

/** VS Code's window of durations per key (LanguageFeatureDebounceService: a sliding average of 6). */
export const REASKS_PER_DOCUMENT = 6;

export class ColdKeyTraining {
  /** Re-asks left per enrolled document. */
  private readonly left = new Map<string, number>();
  /** Documents enrolled once already (never enrolled twice in a session). */
  private readonly enrolled = new Set<string>();

  constructor(private readonly reasks = REASKS_PER_DOCUMENT) {}

  /** `key` was answered with its current analysis during the cold start: its durations were timed then. */
  enrol(key: string): void {
    if (this.enrolled.has(key)) return;
    this.enrolled.add(key);
    if (this.reasks > 0) this.left.set(key, this.reasks);
  }

  /**
   * The provider just answered `key` with its current analysis: whether to announce so the editor
   * asks again. `othersWaiting`: another visible document has not had its lenses yet.
   */
  shouldReask(key: string, othersWaiting: boolean): boolean {
    const n = this.left.get(key);
    if (n === undefined) return false;
    if (othersWaiting || n <= 1) this.left.delete(key);
    else this.left.set(key, n - 1);
    return !othersWaiting;
  }

  /** Whether `key` still has re-asks left. */
  isTraining(key: string): boolean {
    return this.left.has(key);
  }

  forget(key: string): void {
    this.left.delete(key);
  }
}
