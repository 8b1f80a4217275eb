/**
 * The one contract between the editor and a workspace folder's repository index, wherever the index
 * lives: in the calling process (`WorkspaceRepository`: the CLI, tests, benches) or in a long-lived
 * process of its own that the extension host queries (`IndexProcess`, index-process-client.ts), as a
 * language client queries its server. The editor asks three things of it: build yourself, price this
 * document's text with the repository's cross-file facts, and a file changed on disk.
 */
import type { Catalog } from '../core/catalog/types';
import type { FileReport } from '../core/report/types';
import type { Assumptions } from '../core/workload';
import type { ModelMention } from '../extension/commands/repository-models';

/** What pricing needs from the caller (the catalog with the user's overrides, the assumptions). */
export interface IndexAnalyzeEnv {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  readonly isCancelled?: () => boolean;
}

export interface EditorIndex {
  readonly root: string;
  /** Builds the index on first call (later calls share the build); rejects when the build failed. */
  index(): Promise<unknown>;
  /** Whether the index is built and can answer (a build never starts here). */
  isBuilt(): boolean;
  /**
   * Detection and pricing of a document's text with the index, which takes the document's facts
   * (the scan's answer for the same text: the editor and the scan agree). Only once built.
   */
  analyze(text: string, path: string, languageId: string, env: IndexAnalyzeEnv): Promise<FileReport>;
  /** A file changed, was created or deleted on disk (path relative to the root). */
  fileChanged(path: string): Promise<void>;
  /** Every model the index resolves for the calls it holds (the "Set an assumption → Model" pick). */
  modelMentions(): Promise<ModelMention[]>;
  /** Releases the index (for a process: it exits). */
  dispose(): void;
}
