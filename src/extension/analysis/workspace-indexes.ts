/**
 * The editor's repository indexes (src/node/workspace-repo.ts), one per workspace folder, and the
 * rule that keeps them off the path of a lens: an analysis never waits for an index. A document is
 * priced alone until its folder's index is built; the build starts only after that first analysis
 * has had the thread (and runs in worker threads), no earlier than `notBefore` (the end of the cold
 * start, cold-start.ts: its workers must not compete with the session's first lens request), and when it is done the editor re-analyses the
 * open documents with the cross-file facts (`onBuilt`). Figures that depend on other files (an
 * imported prompt, a model set in another module) change then, and only then. No `vscode` here:
 * the rule is unit-tested.
 */
import type { FileReport } from '../../core/report/types';
import { analyzeText, type AnalyzeEnv } from '../core-api';
import type { EditorIndex } from '../../node/editor-index';
import { AnalysisCancelled } from '../../node/index-process-client';

export interface IndexEvents {
  /** The folder's index is ready: documents analysed without it should be analysed again. */
  readonly built: (root: string, ms: number) => void;
  readonly failed: (root: string, err: unknown) => void;
}

export class WorkspaceIndexes {
  private readonly byRoot = new Map<string, EditorIndex>();
  /** Folders whose build was asked for and waits for `notBefore`. */
  private readonly waiting = new Set<string>();
  private disposed = false;
  private gateOpen = false;

  constructor(
    private readonly create: (root: string) => EditorIndex,
    private readonly events: IndexEvents,
    /** Builds start no earlier than this settles (undefined: at once). */
    private readonly notBefore?: Promise<void>,
  ) {
    void notBefore?.then(() => {
      this.gateOpen = true;
      const roots = [...this.waiting];
      this.waiting.clear();
      for (const root of roots) this.startNow(root);
    });
  }

  /** The folder's index when it is built; never starts or waits for a build. */
  built(root: string): EditorIndex | undefined {
    const repo = this.byRoot.get(root);
    return repo?.isBuilt() ? repo : undefined;
  }

  /** Whether a build of the folder's index was asked for (waiting for the cold start's end, building, built or failed). */
  started(root: string): boolean {
    return this.byRoot.has(root) || this.waiting.has(root);
  }

  /** Whether the folder's build was asked for and waits for the end of the cold start. */
  isWaiting(root: string): boolean {
    return this.waiting.has(root);
  }

  /**
   * Starts the folder's index build unless one was asked for already (a failed build is not retried
   * in a loop); while the cold start lasts, it is queued until its end.
   */
  start(root: string): void {
    if (this.disposed || this.started(root)) return;
    if (this.notBefore && !this.gateOpen) {
      this.waiting.add(root);
      return;
    }
    this.startNow(root);
  }

  private startNow(root: string): void {
    if (this.disposed || this.byRoot.has(root)) return;
    const repo = this.create(root);
    this.byRoot.set(root, repo);
    const startedAt = Date.now();
    repo.index().then(
      () => {
        if (this.byRoot.get(root) === repo) this.events.built(root, Date.now() - startedAt);
      },
      (err: unknown) => {
        if (this.byRoot.get(root) === repo) this.events.failed(root, err);
      },
    );
  }

  /** A file of the folder changed on disk (relative path); nothing to do before the index is built. */
  fileChanged(root: string, path: string): Promise<void> {
    return this.byRoot.get(root)?.fileChanged(path) ?? Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
    for (const repo of this.byRoot.values()) repo.dispose();
    this.byRoot.clear();
  }
}

export interface DocumentInput {
  readonly text: string;
  /** Workspace-relative path, as reports write it. */
  readonly path: string;
  readonly languageId: string;
  /** The workspace folder on disk; undefined outside a local folder (no index). */
  readonly root?: string;
}

/**
 * One document's analysis for the editor: with the folder's index when it is built, else the file
 * alone, after which the index build starts. `withIndex` says which it was. `report` is undefined only
 * for an analysis its caller cancelled (a newer version replaced it) that the index process dropped. An
 * index that fails while answering (its process died) leaves the document priced alone, never unpriced.
 */
export async function analyzeDocument(input: DocumentInput, env: AnalyzeEnv, indexes: WorkspaceIndexes): Promise<{ report: FileReport | undefined; withIndex: boolean }> {
  const workspace = input.root !== undefined ? indexes.built(input.root) : undefined;
  if (workspace) {
    try {
      return { report: await analyzeText(input.text, input.path, input.languageId, env, workspace), withIndex: true };
    } catch (err) {
      if (err instanceof AnalysisCancelled) return { report: undefined, withIndex: true };
      if (workspace.isBuilt()) throw err;
    }
  }
  const report = await analyzeText(input.text, input.path, input.languageId, env);
  if (input.root !== undefined && !workspace && !env.isCancelled?.()) indexes.start(input.root);
  return { report, withIndex: false };
}
