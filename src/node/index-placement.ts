/**
 * Where a workspace folder's repository index lives. A separate index process (index-process.ts)
 * keeps a large folder's index and the garbage of its cross-file answers out of the extension host,
 * but the process costs its own Node, grammars and ranks: 257–319 MB for the editor bench's 5-file
 * folder, where that folder's index in the host is a few MB (README, session 6). So the folder's
 * listing decides: at most `maxFiles` code files and `maxFiles × IN_HOST_BYTES_PER_FILE` bytes of them,
 * the index is built in the host (in worker threads, as before the process: the thread the user types
 * on only assembles it); above either, in its own process. Both are the same index (`buildRepository`
 * over the same walk and detection), so the editor and the scan agree either way. No `vscode`.
 */
import { promises as fs } from 'node:fs';
import type { FileReport } from '../core/report/types';
import type { ModelMention } from '../extension/commands/repository-models';
import type { EditorIndex, IndexAnalyzeEnv } from './editor-index';
import { walkPaths, type WalkResult } from './walk';

/** The default of `tokenomics.repositoryIndex.inHostMaxFiles`. */
export const DEFAULT_IN_HOST_MAX_FILES = 300;
/** The byte budget that goes with the file count: a folder of a few very large files is not small. */
export const IN_HOST_BYTES_PER_FILE = 16 * 1024;

export interface FolderSize {
  /** Code files the index would detect (the walk's supported files). */
  readonly files: number;
  /** Their bytes (files over the size limit excluded, as the build skips them); counted only up to the budget. */
  readonly bytes: number;
}

export type IndexPlace = 'host' | 'process';

/**
 * Whether a folder of this listing is small enough for the host. Stats files only while under both
 * budgets: a large folder is decided by its count alone, without reading a file's size.
 */
export async function placeIndex(walked: WalkResult, maxFiles: number, maxFileBytes: number): Promise<{ readonly place: IndexPlace; readonly size: FolderSize }> {
  const files = walked.files.length;
  if (files > maxFiles) return { place: 'process', size: { files, bytes: Number.NaN } };
  const budget = maxFiles * IN_HOST_BYTES_PER_FILE;
  let bytes = 0;
  for (const file of walked.files) {
    const size = await fs.stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (size <= maxFileBytes) bytes += size;
    if (bytes > budget) return { place: 'process', size: { files, bytes } };
  }
  return { place: 'host', size: { files, bytes } };
}

export interface PlacedIndexOptions {
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  /** Folders of at most this many code files are indexed in the host (0: always in a process of their own). */
  readonly inHostMaxFiles: number;
  /** The index in the host, from the listing already walked. */
  readonly inHost: (walked: WalkResult) => EditorIndex;
  /** The index in a process of its own (it walks the folder itself). */
  readonly inProcess: () => EditorIndex;
  /** Told once where the index went and why. */
  readonly placed?: (place: IndexPlace, size: FolderSize) => void;
}

/** A folder's index, placed in the host or in its own process on the first `index()` by the folder's listing. */
export class PlacedIndex implements EditorIndex {
  private inner?: EditorIndex;
  private building?: Promise<unknown>;
  private disposed = false;
  /** Where the index went, once the listing decided. */
  place?: IndexPlace;

  constructor(
    readonly root: string,
    private readonly options: PlacedIndexOptions,
  ) {}

  /** The index process's id when the index went there and it runs (the bench samples its memory). */
  get pid(): number | undefined {
    return (this.inner as { pid?: number } | undefined)?.pid;
  }

  /** The index that answers, once placed. */
  get placed(): EditorIndex | undefined {
    return this.inner;
  }

  index(): Promise<unknown> {
    this.building ??= this.build();
    return this.building;
  }

  private async build(): Promise<unknown> {
    const o = this.options;
    let chosen: { place: IndexPlace; size: FolderSize; walked?: WalkResult };
    if (o.inHostMaxFiles <= 0) chosen = { place: 'process', size: { files: Number.NaN, bytes: Number.NaN } };
    else {
      const walked = await walkPaths(this.root, [this.root], { exclude: o.exclude, respectGitignore: true });
      chosen = { ...(await placeIndex(walked, o.inHostMaxFiles, o.maxFileBytes)), walked };
    }
    if (this.disposed) throw new Error(`the repository index of ${this.root} was released before it was built`);
    this.place = chosen.place;
    this.inner = chosen.place === 'host' && chosen.walked ? o.inHost(chosen.walked) : o.inProcess();
    o.placed?.(chosen.place, chosen.size);
    return this.inner.index();
  }

  isBuilt(): boolean {
    return this.inner?.isBuilt() ?? false;
  }

  analyze(text: string, path: string, languageId: string, env: IndexAnalyzeEnv): Promise<FileReport> {
    if (!this.inner) return Promise.reject(new Error(`the repository index of ${this.root} is not built`));
    return this.inner.analyze(text, path, languageId, env);
  }

  fileChanged(path: string): Promise<void> {
    return this.inner?.fileChanged(path) ?? Promise.resolve();
  }

  modelMentions(): Promise<ModelMention[]> {
    return this.inner?.modelMentions() ?? Promise.resolve([]);
  }

  dispose(): void {
    this.disposed = true;
    this.inner?.dispose();
  }
}
