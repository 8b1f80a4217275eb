/**
 * Child-process scripts for the editor bench: a minimal `vscode` stub so the
 * bundled extension can be required and activated outside VS Code, and a cold
 * analysis + hover run. Kept as strings run with `node -e`, so each sample is a
 * fresh process (module loading included), as it is for a user.
 */

/** argv: bundle path. Prints `{ requireMs, activateMs }`. */
export const ACTIVATION_SCRIPT = String.raw`
const Module = require('node:module');
const noop = () => {};
const disposable = { dispose: noop };
const any = new Proxy(function () {}, {
  get: (_t, p) => (p === 'then' ? undefined : p === Symbol.iterator ? function* () {} : p === 'dispose' ? noop : any),
  apply: () => any,
  construct: () => any,
});
class EventEmitter { constructor() { this.event = () => disposable; } fire() {} dispose() {} }
class Disposable { constructor(f) { this.f = f; } dispose() { if (this.f) this.f(); } static from() { return disposable; } }
const stub = new Proxy({
  EventEmitter, Disposable,
  Uri: { file: (p) => ({ fsPath: p, toString: () => 'file://' + p, with: () => any }), joinPath: () => any, parse: () => any },
  workspace: new Proxy({
    workspaceFolders: undefined, textDocuments: [], isTrusted: true,
    getConfiguration: () => ({ inspect: () => undefined, get: () => undefined, update: async () => {} }),
    // The repository index's watcher: its onDidChange/onDidCreate/onDidDelete are subscribed at activation.
    createFileSystemWatcher: () => any,
  }, { get: (t, p) => (p in t ? t[p] : () => disposable) }),
  window: new Proxy({
    createOutputChannel: () => ({ info: noop, warn: noop, error: noop, trace: noop, debug: noop, show: noop, dispose: noop }),
    activeTextEditor: undefined, visibleTextEditors: [],
  }, { get: (t, p) => (p in t ? t[p] : () => any) }),
  ...Object.fromEntries(['DiagnosticSeverity', 'StatusBarAlignment', 'CodeActionKind', 'ConfigurationTarget', 'languages', 'commands', 'extensions', 'env', 'l10n',
    'Range', 'Position', 'Selection', 'MarkdownString', 'Hover', 'CodeLens', 'CodeAction', 'WorkspaceEdit', 'Diagnostic', 'RelativePattern', 'ThemeColor', 'ThemeIcon'].map((k) => [k, any])),
}, { get: (t, p) => (p in t ? t[p] : any) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
const ext = require(process.argv[1]);
const t1 = performance.now();
ext.activate({ subscriptions: [], extensionUri: any, extensionPath: '.', globalState: any, workspaceState: any });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1 }));
`;

/** argv: compiled out/ root, fixture path, prompt needle. Prints `{ analysisMs, hoverMs }` for a first hover in a fresh process. */
export const COLD_HOVER_SCRIPT = String.raw`
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const [out, fixture, needle] = process.argv.slice(1);
const t0 = performance.now();
const api = require(join(out, 'src/extension/core-api.js'));
const { hoverMarkdownFor, hoverTargetAt } = require(join(out, 'src/extension/hover/targets.js'));
const text = readFileSync(fixture, 'utf8');
const catalog = api.getBundledCatalog();
const assumptions = api.configToAssumptions(api.DEFAULT_CONFIG);
api.analyzeText(text, fixture, fixture.endsWith('.py') ? 'python' : 'typescript', { catalog, assumptions }).then((report) => {
  const t1 = performance.now();
  const at = text.slice(0, text.indexOf(needle)).split('\n');
  const target = hoverTargetAt(report, at.length, at[at.length - 1].length + 2);
  const prompt = target && target.kind === 'prompt' ? target.site : undefined;
  if (prompt) {
    const alternatives = api.cheapestAndFastest(catalog, { inputTokens: prompt.tokens, cachedInputTokens: 0, outputTokens: 500, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: true, batch: false, callsPerDay: 1000 });
    hoverMarkdownFor(report, target, catalog, assumptions, 'file:///x', alternatives);
  }
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ analysisMs: t1 - t0, hoverMs: t2 - t0, found: Boolean(prompt) }));
});
`;
