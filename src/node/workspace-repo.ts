/**
 * The repository index of a workspace folder for the editor: built lazily (the
 * same walk, detection and repository pass as a scan), then updated one file at
 * a time — the document being analysed, and files changed on disk. Editor and
 * scan therefore answer cross-file questions (imported prompts, models, loops)
 * from the same index.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { resolveModel } from '../core/catalog';
import { detectFile } from '../core/detect';
import type { DetectedFile } from '../core/detect/types';
import { isConfigPath, type RepoIndex } from '../core/repo';
import { analyzeDetected } from '../core/report/analyze';
import type { FileReport } from '../core/report/types';
import { mentionsInIndex, type ModelMention } from '../extension/commands/repository-models';
import type { EditorIndex, IndexAnalyzeEnv } from './editor-index';
import { buildRepository } from './repo-pass';
import { DetectPool, workerScript } from './detect-pool';
import { DEFAULT_MAX_FILE_BYTES, MIN_FILES_FOR_WORKERS } from './scan';
import { detectInThread, detectInWorkers } from './scan-detect';
import { walkPaths, type WalkResult } from './walk';

export interface WorkspaceRepoOptions {
  readonly exclude?: readonly string[];
  readonly maxFileBytes?: number;
  /** Detection worker threads for the first build (0: on the calling thread), as `scanPaths`' `jobs`. */
  readonly jobs?: number;
  /** Below this many files the build stays on the calling thread (default: the scan's threshold). */
  readonly minFilesForWorkers?: number;
  /** The folder's listing when the caller walked it already (index-placement.ts): not walked again. */
  readonly walked?: WalkResult;
}

export class WorkspaceRepository implements EditorIndex {
  private building?: Promise<RepoIndex>;
  private ready?: RepoIndex;

  constructor(
    readonly root: string,
    private readonly options: WorkspaceRepoOptions = {},
  ) {}

  /** The index, built on first use. */
  index(): Promise<RepoIndex> {
    this.building ??= this.build().then((index) => (this.ready = index));
    return this.building;
  }

  /** The index if it is built; never starts a build. */
  current(): RepoIndex | undefined {
    return this.ready;
  }

  isBuilt(): boolean {
    return this.ready !== undefined;
  }

  /** The document's facts replace the indexed ones, then it is priced with the index's cross-file answers. */
  async analyze(text: string, path: string, languageId: string, env: IndexAnalyzeEnv): Promise<FileReport> {
    const repo = this.ready;
    if (!repo) throw new Error(`the repository index of ${this.root} is not built`);
    const detected = await detectFile(text, path, languageId, { isCancelled: env.isCancelled });
    // A cancelled detection found only part of the file: it must not replace the indexed facts (nor drop the
    // index's cross-file answers); its report is thrown away by the caller anyway.
    if (env.isCancelled?.()) return analyzeDetected(detected, { ...env, resolveModel });
    repo.update(detected);
    const full = { ...env, resolveModel, repo };
    repo.setPricer((f) => analyzeDetected(f, full));
    return analyzeDetected(detected, full);
  }

  async modelMentions(): Promise<ModelMention[]> {
    return this.ready ? mentionsInIndex(this.ready) : [];
  }

  /** Nothing to stop: the index is garbage once no one holds this object. */
  dispose(): void {}

  /** A file analysed in the editor: its facts replace the indexed ones. */
  updateDetected(file: DetectedFile): void {
    this.ready?.update(file);
  }

  /** A file changed, created or deleted on disk (relative path). */
  async fileChanged(path: string): Promise<void> {
    const index = this.ready;
    if (!index) return;
    const abs = join(this.root, path);
    let text: string | undefined;
    try {
      const stat = await fs.stat(abs);
      if (stat.size <= (this.options.maxFileBytes ?? 1024 * 1024)) text = await fs.readFile(abs, 'utf8');
    } catch {
      index.remove(path);
      return;
    }
    if (text === undefined) return;
    if (isConfigPath(path) || /(^|\/)tsconfig[\w.-]*\.json$/.test(path)) index.addText(path, text);
    else index.update(await detectFile(text, path));
  }

  /**
   * The first build reads and detects the whole folder: in the editor that runs in the scan's
   * worker pool, so the extension host's thread stays free for typing while a large repository
   * is indexed. Binary and oversized files are skipped as a scan skips them.
   */
  private async build(): Promise<RepoIndex> {
    const walked = this.options.walked ?? (await walkPaths(this.root, [this.root], { exclude: this.options.exclude, respectGitignore: true }));
    const input = { root: this.root, files: walked.files, maxBytes: this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, detectOptions: {} };
    const jobs = this.options.jobs ?? 0;
    const script = jobs >= 1 && walked.files.length >= (this.options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS) ? workerScript() : undefined;
    const detection = script ? await detectInWorkers(input, new DetectPool(Math.min(jobs, walked.files.length), script)) : await detectInThread(input);
    return buildRepository(this.root, detection.detected, walked.others);
  }
}
