/**
 * The repository's files as the repository pass sees them: each code file's facts
 * and prompts (from detection), configuration files, and the text of prompt files
 * the code may read. Updated one file at a time; each update bumps `generation`,
 * which every derived cache is keyed by.
 */
import type { DetectedFile } from '../detect/types';
import type { ClassFact, FileFacts, FunctionFact } from './facts';
import { isConfigPath, parseConfig, type ConfigDoc } from './config-files';
import { aliasesFromTsconfig, ModuleResolver, type PathAlias } from './modules';

export interface StoredFile {
  readonly file: DetectedFile;
  readonly facts: FileFacts;
  readonly functions: ReadonlyMap<string, FunctionFact>;
  readonly classes: ReadonlyMap<string, ClassFact>;
}

export class RepoStore {
  private readonly code = new Map<string, StoredFile>();
  /** Configuration files by path; parsed on first use (most are never read by the code). */
  private readonly configs = new Map<string, ConfigDoc | null | undefined>();
  /** Reads a repository file's text when the store holds only its path. */
  reader?: (path: string) => string | undefined;
  /** Paths of every other file the repository has (prompt files, templates), with their text once read. */
  private readonly others = new Map<string, string | undefined>();
  private aliases: PathAlias[] = [];
  private readonly tsconfigs = new Map<string, PathAlias[]>();
  generation = 0;
  /** What detection found in a file updated more than once, as text: an update that finds the same changes nothing. */
  private readonly signatures = new Map<string, string>();
  readonly modules = new ModuleResolver(
    (p) => this.code.has(p) || this.others.has(p) || this.configs.has(p),
    () => this.code.keys(),
    () => this.aliases,
  );

  /** A detected file: its facts replace the previous version's. */
  update(file: DetectedFile): void {
    const facts = file.facts;
    if (!facts) {
      // Prompt files and files without facts still exist (imports of `./x.md?raw`, suffix matches).
      this.signatures.delete(file.path);
      if (this.code.delete(file.path)) this.bump();
      this.others.set(file.path, this.others.get(file.path));
      return;
    }
    const previous = this.code.get(file.path);
    // An editor re-analyses a file on every pause in typing and again when it is saved; most of those versions
    // detect exactly what the stored one did (an edit in a line no fact is on, a save of what was analysed).
    // Bumping the generation then would throw away every cross-file answer of the repository for nothing.
    // Signatures are kept only for files updated more than once, so the first build holds no extra strings.
    const signature = previous ? detectionSignature(file) : undefined;
    if (previous && signature === (this.signatures.get(file.path) ?? detectionSignature(previous.file))) {
      this.signatures.set(file.path, signature!);
      return;
    }
    const functions = new Map(facts.functions.map((f) => [f.name, f] as const));
    const classes = new Map(facts.classes.map((c) => [c.name, c] as const));
    this.code.set(file.path, { file, facts, functions, classes });
    if (signature !== undefined) this.signatures.set(file.path, signature);
    if (!previous) this.modules.clear();
    this.bump();
  }

  remove(path: string): void {
    this.signatures.delete(path);
    if (this.code.delete(path) || this.configs.delete(path) || this.others.delete(path)) {
      this.modules.clear();
      this.bump();
    }
  }

  /** A non-code file: configuration is parsed; other files are remembered (their text when given). */
  addText(path: string, text: string | undefined): void {
    if (/(^|\/)tsconfig[\w.-]*\.json$/.test(path) && text !== undefined) {
      try {
        this.tsconfigs.set(path, aliasesFromTsconfig(path, JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'))));
      } catch {
        this.tsconfigs.delete(path);
      }
      this.aliases = [...this.tsconfigs.values()].flat();
    } else if (isConfigPath(path)) {
      this.configs.set(path, text === undefined ? undefined : (parseConfig(path, text) ?? null));
    } else this.others.set(path, text);
    this.modules.clear();
    this.bump();
  }

  /** Remember a path without its text (read and, for configuration, parsed on demand). */
  addPath(path: string): void {
    if (isConfigPath(path)) {
      if (!this.configs.has(path)) {
        this.configs.set(path, undefined);
        this.modules.clear();
      }
      return;
    }
    if (!this.others.has(path)) {
      this.others.set(path, undefined);
      this.modules.clear();
    }
  }

  get(path: string): StoredFile | undefined {
    return this.code.get(path);
  }

  files(): IterableIterator<StoredFile> {
    return this.code.values();
  }

  config(path: string): ConfigDoc | undefined {
    if (!this.configs.has(path)) return undefined;
    let doc = this.configs.get(path);
    if (doc === undefined) {
      const text = this.reader?.(path);
      doc = text === undefined ? null : (parseConfig(path, text) ?? null);
      this.configs.set(path, doc);
    }
    return doc ?? undefined;
  }

  hasConfig(path: string): boolean {
    return this.configs.has(path);
  }

  configPaths(): IterableIterator<string> {
    return this.configs.keys();
  }

  hasOther(path: string): boolean {
    return this.others.has(path);
  }

  text(path: string): string | undefined {
    return this.others.get(path);
  }

  /** Known non-code paths (for suffix matching of files read at run time). */
  otherPaths(): IterableIterator<string> {
    return this.others.keys();
  }

  private bump(): void {
    this.generation++;
  }
}

/** Everything the repository pass can read of a detected file, as one comparable text. */
function detectionSignature(file: DetectedFile): string {
  return JSON.stringify(file);
}
