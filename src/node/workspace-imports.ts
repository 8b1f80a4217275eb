/**
 * Prompts a file imports from other files of the workspace, for a host that analyses one
 * file at a time (the editor): the imported modules are read and detected on demand, so a
 * call that sends `SYSTEM_PROMPT` from `./prompts` is priced with its text, as
 * `tokenomics scan` prices it. Pure over the two functions the host gives: no `vscode`, no fs.
 */
import { detectFile } from '../core/detect';
import type { DetectedFile, DetectedPrompt } from '../core/detect/types';
import { dottedModuleSuffix, ImportIndex, relativeModuleFiles } from './imports';

export interface WorkspaceFiles {
  /** Text of a file by its path relative to the workspace root; undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Relative paths of files ending with `suffix` (`pkg/prompts.py`), a few at most. */
  findBySuffix(suffix: string): Promise<readonly string[]>;
}

/** Detected files are kept while their text stays the same. */
const MAX_CACHED = 64;

export class WorkspaceImports {
  private readonly detected = new Map<string, { readonly text: string; readonly file: DetectedFile }>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** The lookup `analyzeDetected` takes as `importedPrompt`, for the modules `file` imports. */
  async lookupFor(file: DetectedFile): Promise<((fromPath: string, module: string, name: string) => DetectedPrompt | undefined) | undefined> {
    const modules = new Set(Object.values(file.imports ?? {}));
    if (modules.size === 0) return undefined;
    const index = new ImportIndex();
    for (const module of modules) {
      for (const path of await this.candidates(file, module)) {
        const found = await this.detect(path);
        if (found) {
          index.add(found);
          break;
        }
      }
    }
    return index.lookup;
  }

  private async candidates(file: DetectedFile, module: string): Promise<readonly string[]> {
    const relative = relativeModuleFiles(file.path, module);
    if (relative.length > 0) return relative;
    const suffix = file.language === 'python' ? dottedModuleSuffix(module) : undefined;
    return suffix ? this.files.findBySuffix(suffix) : [];
  }

  private async detect(path: string): Promise<DetectedFile | undefined> {
    const text = await this.files.read(path);
    if (text === undefined) return undefined;
    const hit = this.detected.get(path);
    if (hit && hit.text === text) return hit.file;
    const file = await detectFile(text, path, undefined);
    this.detected.delete(path);
    this.detected.set(path, { text, file });
    while (this.detected.size > MAX_CACHED) this.detected.delete(this.detected.keys().next().value!);
    return file;
  }
}
