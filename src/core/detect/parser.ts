/**
 * Tree-sitter, loaded lazily and once. The runtime and the grammars are wasm
 * files: the build copies them next to the bundle (`dist/`); compiled tests run
 * from `out/` and find them in `node_modules` instead. Reading the grammar files
 * is the only I/O in the detect layer, and it happens once per process.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as TreeSitter from '@vscode/tree-sitter-wasm';

export type Grammar = 'typescript' | 'tsx' | 'javascript' | 'python';
export type SyntaxNode = TreeSitter.Node;
export type SyntaxTree = TreeSitter.Tree;

const GRAMMAR_FILES: Record<Grammar, string> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  python: 'tree-sitter-python.wasm',
};

/** The wasm files the build must ship next to the bundle. */
export const SHIPPED_WASM_FILES: readonly string[] = ['tree-sitter.wasm', ...Object.values(GRAMMAR_FILES)];

let wasmDirOverride: string | undefined;

/** For hosts that keep the wasm files elsewhere (set before the first parse). */
export function setWasmDirectory(dir: string): void {
  wasmDirOverride = dir;
}

function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (wasmDirOverride) dirs.push(wasmDirOverride);
  dirs.push(__dirname, join(__dirname, 'wasm'));
  try {
    dirs.push(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm'));
  } catch {
    // Not resolvable from a bundle: the copies next to it are used.
  }
  // Walk up from here: `out/src/core/detect` → repository root → node_modules.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    dirs.push(join(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'));
    dir = dirname(dir);
  }
  dirs.push(join(process.cwd(), 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'));
  return dirs;
}

function locate(file: string): string {
  for (const dir of candidateDirs()) {
    const p = join(dir, file);
    if (existsSync(p)) return p;
  }
  throw new Error(`tree-sitter file ${file} not found (looked next to the bundle and in node_modules)`);
}

let initPromise: Promise<void> | undefined;
const languages = new Map<Grammar, Promise<TreeSitter.Language>>();
const parsers = new Map<Grammar, TreeSitter.Parser>();

function init(): Promise<void> {
  initPromise ??= TreeSitter.Parser.init({ locateFile: (file: string) => locate(file) }).then(keepNodeReads);
  return initPromise;
}

const KEPT = Symbol('tokenomics.keptNodeReads');
const READS = Symbol('tokenomics.nodeReads');

/**
 * A node's type and end cannot change while its tree lives (trees here are never edited), but each
 * read of them crosses into wasm. The rules read them again and again on the same node object
 * (four reads in five of a file's 220,000 type reads were repeats): the first read is kept on the
 * object. One record per node, added in one step, so node objects keep few shapes.
 */
function keepNodeReads(): void {
  const proto = TreeSitter.Node.prototype as unknown as Record<PropertyKey, unknown>;
  if (proto[KEPT]) return;
  const readType = Object.getOwnPropertyDescriptor(proto, 'type')?.get;
  const readEnd = Object.getOwnPropertyDescriptor(proto, 'endIndex')?.get;
  if (!readType || !readEnd) return;
  proto[KEPT] = true;
  interface Kept {
    type?: string;
    endIndex?: number;
  }
  const kept = (node: { [READS]?: Kept }): Kept => (node[READS] ??= { type: undefined, endIndex: undefined });
  Object.defineProperty(proto, 'type', {
    configurable: true,
    get(this: { [READS]?: Kept }) {
      const k = kept(this);
      return (k.type ??= readType.call(this) as string);
    },
  });
  Object.defineProperty(proto, 'endIndex', {
    configurable: true,
    get(this: { [READS]?: Kept }) {
      const k = kept(this);
      return (k.endIndex ??= readEnd.call(this) as number);
    },
  });
}

function language(grammar: Grammar): Promise<TreeSitter.Language> {
  let p = languages.get(grammar);
  if (!p) {
    p = init().then(() => TreeSitter.Language.load(locate(GRAMMAR_FILES[grammar])));
    languages.set(grammar, p);
    // A failed load is retried next time rather than cached forever.
    p.catch(() => languages.delete(grammar));
  }
  return p;
}

/** A parser for the grammar, created once and reused (parsing is synchronous, so sharing is safe). */
export async function parserFor(grammar: Grammar): Promise<TreeSitter.Parser> {
  const existing = parsers.get(grammar);
  if (existing) return existing;
  const lang = await language(grammar);
  const created = parsers.get(grammar) ?? new TreeSitter.Parser().setLanguage(lang);
  parsers.set(grammar, created);
  return created;
}

export interface ParseLimits {
  /** Give up parsing after this many milliseconds (the tree is then null). */
  readonly timeoutMs: number;
  /** Polled during parsing; returning true stops it. */
  readonly isCancelled?: () => boolean;
}

/** Parses `text`; returns null when parsing timed out or was cancelled. */
export async function parse(text: string, grammar: Grammar, limits: ParseLimits): Promise<SyntaxTree | null> {
  const parser = await parserFor(grammar);
  const started = Date.now();
  parser.reset();
  const tree = parser.parse(text, null, {
    // The typing says void, the runtime honours `true` as "stop".
    progressCallback: ((): boolean => Date.now() - started > limits.timeoutMs || Boolean(limits.isCancelled?.())) as () => void,
  });
  parser.reset();
  return tree;
}
