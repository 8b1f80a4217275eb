/**
 * The editor's repository indexes (src/node/workspace-repo.ts), one per workspace folder, and the
 * rule that keeps them off the path of a lens: an analysis never waits for an index. A document is
 * priced alone until its folder's index is built; the build starts only after that first analysis
 * has had the thread (and runs in worker threads), and when it is done the editor re-analyses the
 * open documents with the cross-file facts (`onBuilt`). Figures that depend on other files (an
 * imported prompt, a model set in another module) change then, and only then. No `vscode` here:
 * the rule is unit-tested.
 */
import type { FileReport } from '../../core/report/types';
import { analyzeText, type AnalyzeEnv } from '../core-api';
import type { WorkspaceRepository } from '../../node/workspace-repo';

export interface IndexEvents {
  /** The folder's index is ready: documents analysed without it should be analysed again. */
  readonly built: (root: string, ms: number) => void;
  readonly failed: (root: string, err: unknown) => void;
}

export class WorkspaceIndexes {
  private readonly byRoot = new Map<string, WorkspaceRepository>();
  private disposed = false;

  constructor(
    private readonly create: (root: string) => WorkspaceRepository,
    private readonly events: IndexEvents,
  ) {}

  /** The folder's index when it is built; never starts or waits for a build. */
  built(root: string): WorkspaceRepository | undefined {
    const repo = this.byRoot.get(root);
    return repo?.current() ? repo : undefined;
  }

  /** Whether a build of the folder's index was started (built, building or failed). */
  started(root: string): boolean {
    return this.byRoot.has(root);
  }

  /** Starts the folder's index build unless one was started already (a failed build is not retried in a loop). */
  start(root: string): void {
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
 * alone, after which the index build starts. `withIndex` says which it was.
 */
export async function analyzeDocument(input: DocumentInput, env: AnalyzeEnv, indexes: WorkspaceIndexes): Promise<{ report: FileReport; withIndex: boolean }> {
  const workspace = input.root !== undefined ? indexes.built(input.root) : undefined;
  const report = await analyzeText(input.text, input.path, input.languageId, env, workspace);
  if (input.root !== undefined && !workspace && !env.isCancelled?.()) indexes.start(input.root);
  return { report, withIndex: workspace !== undefined };
}
