/**
 * The cold first lens in a fresh process, through the real extension bundle (not the editor: see
 * `npm run bench:editor` for code-server): a `vscode` stub just wide enough for activation, one
 * editor showing a small TypeScript file, and the real CodeLens provider asked as the editor asks it
 * (at once, then whenever it announces new lenses) until it answers with priced lenses.
 *
 *   node out/bench/cold-lens.js [--node /path/to/node]... [--runs N] [--before /path/to/old/dist]
 *
 * Each Node binary runs, alternately, N fresh processes of each shape, so a loaded machine slows all
 * of them alike; ratios are printed against the plain require of the same run:
 *   - before:   `--before`'s dist/extension.js (one bundle, plain require), when given;
 *   - plain:    this build's main bundle by a plain require (no cache);
 *   - first:    through the entry with an empty cache folder (the first session: the cache is written after);
 *   - cached:   through the entry with the cache the first session wrote (every later session);
 *   - node-cc:  Node's own `module.enableCompileCache` (Node ≥ 22.1), second run, for comparison.
 * Timed from the process start (`performance.now()`): require, activate, the first priced lens.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** A small file with one priced call, as the editor shows it. */
const SMALL_FILE = `import OpenAI from 'openai';

const client = new OpenAI();

export async function summarize(text: string): Promise<string> {
  const response = await client.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You summarise support tickets in two sentences for the on-call engineer.' },
      { role: 'user', content: text },
    ],
    max_tokens: 200,
  });
  return response.choices[0].message.content ?? '';
}
`;

/** argv: mode, bundle, file, cache dir. Prints `{ startMs, requireMs, activateMs, lensMs, lenses }` (from process start). */
const SCRIPT = String.raw`
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const [mode, bundle, file, cacheDir] = process.argv.slice(1);
if (mode === 'node-cc') Module.enableCompileCache(cacheDir);
const noop = () => {};
const disposable = { dispose: noop };
const any = new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : p === Symbol.iterator ? function* () {} : p === 'dispose' ? noop : any), set: () => true, apply: () => any, construct: () => any });
class EventEmitter { constructor() { this.l = []; this.event = (f) => (this.l.push(f), disposable); } fire(e) { for (const f of this.l) f(e); } dispose() {} }
class Disposable { constructor(f) { this.f = f; } dispose() { if (this.f) this.f(); } static from() { return disposable; } }
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const uri = { scheme: 'file', fsPath: file, path: file, toString: () => 'file://' + file, with: () => any };
const document = { uri, fileName: file, languageId: 'typescript', version: 1, isUntitled: false, lineCount: lines.length, getText: () => text, lineAt: (i) => ({ text: lines[i], range: { line: i } }) };
let provider;
const languages = new Proxy({ match: () => 10, registerCodeLensProvider: (_s, p) => ((provider = p), disposable) }, { get: (t, p) => (p in t ? t[p] : () => any) });
const stub = new Proxy({
  EventEmitter, Disposable, languages,
  Uri: { file: (p) => ({ ...uri, fsPath: p, path: p, toString: () => 'file://' + p }), joinPath: () => any, parse: () => any },
  workspace: new Proxy({ workspaceFolders: undefined, textDocuments: [document], isTrusted: true, getWorkspaceFolder: () => undefined, asRelativePath: () => 'small.ts',
    getConfiguration: () => ({ inspect: () => undefined, get: (_k, d) => d, update: async () => {} }), createFileSystemWatcher: () => any }, { get: (t, p) => (p in t ? t[p] : () => disposable) }),
  window: new Proxy({ createOutputChannel: () => ({ info: noop, warn: noop, error: noop, trace: noop, debug: noop, show: noop, dispose: noop, logLevel: 2 }),
    activeTextEditor: { document }, visibleTextEditors: [{ document }] }, { get: (t, p) => (p in t ? t[p] : () => any) }),
  CodeLens: class { constructor(range, command) { this.range = range; this.command = command; } },
  ...Object.fromEntries(['DiagnosticSeverity', 'StatusBarAlignment', 'CodeActionKind', 'ConfigurationTarget', 'commands', 'extensions', 'env', 'l10n', 'Range', 'Position', 'Selection', 'MarkdownString', 'Hover', 'CodeAction', 'WorkspaceEdit', 'Diagnostic', 'RelativePattern', 'ThemeColor', 'ThemeIcon'].map((k) => [k, any])),
}, { get: (t, p) => (p in t ? t[p] : any) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const token = { isCancellationRequested: false, onCancellationRequested: () => disposable };
const storage = { scheme: 'file', fsPath: cacheDir };
const startMs = performance.now();
const ext = require(bundle);
const requireMs = performance.now();
const context = { subscriptions: [], extensionUri: any, extensionPath: '.', globalState: any, workspaceState: any, globalStorageUri: mode === 'first' || mode === 'cached' ? storage : undefined };
ext.activate(context);
const activateMs = performance.now();
let done = false;
const ask = async () => {
  if (done || !provider) return;
  const lenses = await provider.provideCodeLenses(document, token);
  if (done || lenses.length === 0) return;
  done = true;
  const lensMs = performance.now();
  // The first session writes its cache once the cold start is over and the host is quiet, or when it
  // is deactivated: deactivated here after the cold start's settle time, untimed, as the editor does on close.
  const finish = () => { process.stdout.write(JSON.stringify({ startMs, requireMs, activateMs, lensMs, lenses: lenses.length })); ext.deactivate?.(); for (const d of context.subscriptions) try { d.dispose(); } catch {} process.exit(0); };
  if (mode === 'first') setTimeout(finish, 1_000); else if (mode === 'node-cc') { Module.flushCompileCache?.(); finish(); } else finish();
};
const waitForProvider = setInterval(() => { if (!provider) return; clearInterval(waitForProvider); provider.onDidChangeCodeLenses(() => void ask()); void ask(); }, 1);
setTimeout(() => { process.stderr.write('no lens in 60 s'); process.exit(2); }, 60_000);
`;

interface Sample {
  /** When the extension's bundle began to load (Node's start and the stub before it). */
  startMs: number;
  requireMs: number;
  activateMs: number;
  lensMs: number;
  lenses: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const args = process.argv.slice(2);
  const nodes = args.flatMap((a, i) => (args[i - 1] === '--node' ? [a] : []));
  const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
  const before = args.includes('--before') ? args[args.indexOf('--before') + 1] : undefined;
  const work = mkdtempSync(join(tmpdir(), 'tokenomics-cold-lens-'));
  const file = join(work, 'small.ts');
  writeFileSync(file, SMALL_FILE);
  try {
    for (const node of nodes.length > 0 ? nodes : [process.execPath]) {
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      const hasCompileCache = execFileSync(node, ['-p', 'typeof require("node:module").enableCompileCache'], { encoding: 'utf8' }).trim() === 'function';
      const shapes: [string, string, string][] = [
        ...(before ? [['before', join(before, 'extension.js'), 'plain'] as [string, string, string]] : []),
        ['plain', join(ROOT, 'dist', 'extension-main.js'), 'plain'],
        ['first', join(ROOT, 'dist', 'extension.js'), 'first'],
        ['cached', join(ROOT, 'dist', 'extension.js'), 'cached'],
        ...(hasCompileCache ? [['node-cc', join(ROOT, 'dist', 'extension-main.js'), 'node-cc'] as [string, string, string]] : []),
      ];
      const samples = new Map<string, Sample[]>(shapes.map(([name]) => [name, []]));
      for (let r = 0; r < runs; r++) {
        for (const [name, bundle, mode] of shapes) {
          // "first": an empty cache folder each time; "cached" and "node-cc" reuse the one a first run wrote.
          const cacheDir = join(work, `${name === 'first' ? `first-${r}` : name}-${version}`);
          if (r === 0 && (name === 'cached' || name === 'node-cc')) run(node, mode === 'cached' ? 'first' : mode, bundle, file, cacheDir);
          samples.get(name)!.push(run(node, mode, bundle, file, cacheDir));
        }
      }
      // Ours: from the bundle's require to the first priced lens (what the host's own start does not include).
      const ours = (x: Sample) => x.lensMs - x.startMs;
      const reference = median(samples.get(before ? 'before' : 'plain')!.map(ours));
      console.log(`\n${version} (${hasCompileCache ? 'has' : 'no'} module.enableCompileCache), ${runs} fresh processes each, load ${loadAverage()}; medians from process start, ms:`);
      console.log('shape     load start  require  activate  first lens  ours: load → lens  lenses  ours vs ' + (before ? 'before' : 'plain'));
      for (const [name] of shapes) {
        const s = samples.get(name)!;
        const own = median(s.map(ours));
        const cells = [median(s.map((x) => x.startMs)), median(s.map((x) => x.requireMs)), median(s.map((x) => x.activateMs)), median(s.map((x) => x.lensMs)), own].map((v, i) => v.toFixed(0).padStart([10, 7, 8, 10, 17][i]));
        console.log(`${name.padEnd(9)} ${cells.join('  ')}  ${String(s[0].lenses).padStart(6)}  ${(own / reference).toFixed(2)}×`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(node: string, mode: string, bundle: string, file: string, cacheDir: string): Sample {
  return JSON.parse(execFileSync(node, ['-e', SCRIPT, mode, bundle, file, cacheDir], { encoding: 'utf8', cwd: ROOT })) as Sample;
}

function loadAverage(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:os') as typeof import('node:os')).loadavg()[0].toFixed(1);
}

main();
