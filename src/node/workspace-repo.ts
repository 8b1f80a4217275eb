/**
 * The repository index of a workspace folder for the editor: built lazily (the
 * same walk, detection and repository pass as a scan), then updated one file at
 * a time — the document being analysed, and files changed on disk. Editor and
 * scan therefore answer cross-file questions (imported prompts, models, loops)
 * from the same index.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../core/detect';
import type { DetectedFile } from '../core/detect/types';
import { isConfigPath, type RepoIndex } from '../core/repo';
import { buildRepository } from './repo-pass';
import { toReportPath, walkPaths } from './walk';

export interface WorkspaceRepoOptions {
  readonly exclude?: readonly string[];
  readonly maxFileBytes?: number;
}

export class WorkspaceRepository {
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

  private async build(): Promise<RepoIndex> {
    const walked = await walkPaths(this.root, [this.root], { exclude: this.options.exclude });
    const detected: DetectedFile[] = [];
    const max = this.options.maxFileBytes ?? 1024 * 1024;
    for (const abs of walked.files) {
      try {
        const stat = await fs.stat(abs);
        if (stat.size > max) continue;
        detected.push(await detectFile(await fs.readFile(abs, 'utf8'), toReportPath(this.root, abs)));
      } catch {
        // A file that vanished or cannot be read is left out of the index.
      }
    }
    return buildRepository(this.root, detected, walked.others);
  }
}
