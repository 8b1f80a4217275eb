/**
 * What the CodeLens provider last answered for each document, so that a finished analysis is
 * announced (`onDidChangeCodeLenses`) only when the editor is showing something else. Pure (no
 * `vscode`), unit-tested.
 *
 * Why it matters: VS Code's CodeLens controller answers every `onDidChangeCodeLenses` by
 * rescheduling the active editor's pending request (a RunOnceScheduler: the timer starts again,
 * at least 250 ms). Announcing every analysis (the one the pending request would have found
 * anyway, or another document's) pushed the first lens of a newly opened file back each time one
 * landed. A document no request has asked about yet needs no announcement: the request, when it
 * comes, finds the analysis in the cache.
 */
export class LensAnswers<R extends object> {
  /** Per document: the report its last answer was built from (`undefined`: it had none yet). */
  private readonly answered = new Map<string, R | undefined>();

  constructor(private readonly maxDocuments = 256) {}

  /** The provider answered `key`'s request from `report` (undefined: no analysis yet, no lenses). */
  record(key: string, report: R | undefined): void {
    this.answered.delete(key); // re-insert: Map order doubles as recency order
    this.answered.set(key, report);
    while (this.answered.size > this.maxDocuments) {
      const oldest = this.answered.keys().next().value;
      if (oldest === undefined) break;
      this.answered.delete(oldest);
    }
  }

  /**
   * An analysis of `key` finished with `report`: whether the editor must be told. Only when a
   * request for the document was answered from something else (nothing yet, an older version,
   * a report made before the repository index was built).
   */
  mustAnnounce(key: string, report: R): boolean {
    return this.answered.has(key) && this.answered.get(key) !== report;
  }

  forget(key: string): void {
    this.answered.delete(key);
  }

  get size(): number {
    return this.answered.size;
  }
}
