// Bundles the extension host code, the CLI and the webview pages.
// One esbuild context per bundle; `--production` minifies (source maps are kept
// as separate files so stack traces in the log still map to sources); `--watch`
// rebuilds on change. Type-checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: !production,
  logLevel: 'warning',
  legalComments: 'linked',
};

/**
 * js-tiktoken's rank tables (2.3 MB and 1.1 MB of source) are files of their own next to the bundles,
 * required only when an exact encoding is first counted: inlined, V8 had to read them every time the
 * extension was loaded, before the first lens could be drawn. `src/core/tokenize/encodings.ts`
 * requires them by these module names; the bundles resolve them to `./tiktoken-<encoding>.js`.
 */
const RANK_ENCODINGS = ['o200k_base', 'cl100k_base'];
const ranksBesideBundle = {
  name: 'ranks-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /^js-tiktoken\/ranks\/(o200k_base|cl100k_base)$/ }, (args) => ({ path: `./tiktoken-${args.path.split('/').pop()}.js`, external: true }));
  },
};
const rankBundles = RANK_ENCODINGS.map((encoding) => ({ entryPoints: [`node_modules/js-tiktoken/dist/ranks/${encoding}.cjs`], outfile: `dist/tiktoken-${encoding}.js`, sourcemap: false }));

/**
 * The parser runtime's two `await import()` of Node built-ins become static imports: the extension's main
 * bundle is compiled by src/extension/code-cache.ts with a V8 code cache, and on Node 20 (VS Code 1.100's
 * host) a script compiled from cached data loses the callback `import()` needs ("A dynamic import
 * callback was not specified"). A built-in is the same module either way.
 */
const noDynamicImports = {
  name: 'no-dynamic-imports',
  setup(build) {
    build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      // Static imports of the same built-ins (the runtime declares a `require` of its own, so a call by that name would not do).
      const names = { module: '__treeSitterModule', 'fs/promises': '__treeSitterFsPromises' };
      const rewritten = text.replace(/await import\("(module|fs\/promises)"\)/g, (_m, id) => names[id]);
      const header = Object.entries(names).map(([id, name]) => `import * as ${name} from "${id}";`).join('\n');
      return { contents: `${header}\n${rewritten}`, loader: 'js' };
    });
  },
};

/**
 * The parser (src/core/detect/parser.ts with the tree-sitter runtime) is a file of its own beside the
 * extension's bundles, `dist/parser.js`, that both the entry and the main bundle require: the entry
 * starts loading the open documents' grammars with it before the 3 MB main bundle is compiled and run
 * (src/extension.ts), and the main bundle then finds those loads under way in the same module.
 */
const PARSER_SOURCE = resolve('src/core/detect/parser');
const parserBesideBundle = {
  name: 'parser-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /(^|\/)parser$/ }, (args) => (resolve(args.resolveDir, args.path) === PARSER_SOURCE ? { path: './parser.js', external: true } : undefined));
  },
};

/** Node-side bundles: the extension (vscode is provided by the host) and the CLI. */
const nodeBundles = [
  // The extension's entry, a few KB: it loads the main bundle beside it with a V8 code cache (src/extension/code-cache.ts).
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], extraPlugins: [parserBesideBundle] },
  { entryPoints: ['src/extension-main.ts'], outfile: 'dist/extension-main.js', external: ['vscode'], extraPlugins: [parserBesideBundle] },
  { entryPoints: ['src/core/detect/parser.ts'], outfile: 'dist/parser.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The first-analysis worker the entry starts at activation (src/extension/analysis/first-analysis-client.ts).
  // Its script, a few KB, loads its work beside it with a V8 code cache (src/node/first-analysis-worker.ts).
  { entryPoints: ['src/node/first-analysis-worker.ts'], outfile: 'dist/first-analysis-worker.js' },
  { entryPoints: ['src/node/first-analysis-main.ts'], outfile: 'dist/first-analysis-main.js' },
  // Detection workers of workspace scans (src/node/detect-pool.ts finds it next to the bundle).
  { entryPoints: ['src/node/detect-worker.ts'], outfile: 'dist/detect-worker.js' },
  // The Cost report's scan process, forked per scan (src/node/scan-process-client.ts finds it next to the bundle).
  { entryPoints: ['src/node/scan-process.ts'], outfile: 'dist/scan-process.js' },
  // A workspace folder's repository index, forked once per folder for the session (src/node/index-process-client.ts).
  { entryPoints: ['src/node/index-process.ts'], outfile: 'dist/index-process.js' },
// mainFields: jsonc-parser's `main` is a UMD wrapper whose requires esbuild cannot follow; its `module`
// build bundles cleanly. No other dependency of the node bundles has a `module` field.
].map(({ extraPlugins = [], ...b }) => ({ ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], plugins: [...extraPlugins, ranksBesideBundle, noDynamicImports], ...b }))
  .concat(rankBundles.map((b) => ({ ...common, platform: 'node', format: 'cjs', target: 'node20', ...b })));

/** Browser-side bundles: webview page scripts (no vscode, no node). */
const pageEntries = ['src/webview/compare/main.ts', 'src/webview/report/main.ts'].filter((p) => existsSync(p));
const pageBundles = pageEntries.map((entry) => ({
  ...common,
  entryPoints: [entry],
  outfile: entry.replace('src/webview/', 'dist/webview/').replace(/main\.ts$/, 'main.js'),
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
}));

/** Tree-sitter runtime and grammars: loaded at run time from next to the bundle (src/core/detect/parser.ts). */
const WASM_FILES = ['tree-sitter.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm'];
mkdirSync('dist', { recursive: true });
for (const f of WASM_FILES) copyFileSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${f}`, `dist/${f}`);

/**
 * The rank tables already built, beside the bundles (`tiktoken-<encoding>.ranks`): the first count
 * of a session reads one and makes four views of it instead of parsing the 2.3 MB module and
 * building the table on the extension host's thread (src/core/tokenize/encodings.ts). Written with
 * the tokenizer's own code, bundled in memory for this.
 */
async function writeRankFiles() {
  const built = await esbuild.build({ entryPoints: ['src/core/tokenize/encodings.ts'], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  for (const encoding of RANK_ENCODINGS) writeFileSync(`dist/tiktoken-${encoding}.ranks`, module.exports.rankFile(encoding));
}

// `--webview`: only the page bundles (the webview page tests need nothing else).
const all = process.argv.includes('--webview') ? pageBundles : [...nodeBundles, ...pageBundles];
if (!process.argv.includes('--webview')) await writeRankFiles();
if (watch) {
  for (const options of all) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] esbuild is watching for changes');
} else {
  await Promise.all(all.map((options) => esbuild.build(options)));
}
