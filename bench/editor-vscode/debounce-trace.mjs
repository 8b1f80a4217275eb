#!/usr/bin/env node
// What the workbench learned about CodeLens requests, seen from the renderer: opens the small
// workspace's probe files (cold, then the later ones) with the workbench's log at trace level and
// prints its `[DEBOUNCE: CodeLensProvide] for <uri> is N ms` lines (the delay it will use next for
// that editor, LanguageFeatureDebounceService) next to the extension's `Lens path of …` lines, all as
// offsets from each click. A diagnostic for docs/editor.md, not a benchmark: trace logging slows the
// renderer. Reuses dist/tokenomics.vsix and out/ (run `npm run bench:editor` once first).
// Usage: node bench/editor-vscode/debounce-trace.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../../test/e2e/lib/session.mjs';
import { openWorkbench } from '../../test/e2e/lib/workbench.mjs';
import { PROBE_FILES, smallWorkspace } from './workspaces.mjs';
import { timeToPricedLens } from './probes.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function findLog(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const found = findLog(p);
      if (found) return found;
    } else if (name === 'Tokenomics.log') return p;
  }
  return undefined;
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'tokenomics-debounce-'));
  const resultsDir = join(repo, 'test-results', 'debounce-trace');
  rmSync(resultsDir, { recursive: true, force: true });
  const ws = smallWorkspace(repo, scratch);
  const session = await createSession({ name: 'debounce', workspaceSource: ws.dir, vsix: join(repo, 'dist', 'tokenomics.vsix'), resultsDir, env: { LOG_LEVEL: 'debug' } });
  const lines = [];
  const clicks = [];
  try {
    const { page } = session;
    page.on('console', (m) => {
      const text = m.text();
      if (/DEBOUNCE: CodeLens|codeLens|CodeLens/i.test(text)) lines.push({ at: Date.now(), text: text.replace(/%c\S*\s*/g, '').slice(0, 200) });
    });
    // The workbench reads its log level from the URL's payload (web: environment.payload logLevel).
    await openWorkbench(page, `${session.server.workspaceUrl}&payload=${encodeURIComponent(JSON.stringify([['logLevel', 'trace']]))}`);
    for (const rel of [PROBE_FILES.cold, ...PROBE_FILES.warm]) {
      const r = await timeToPricedLens(page, rel);
      clicks.push(r);
      console.log(`${rel}: lens ${r.ms} ms after the click`);
    }
  } finally {
    await session.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  const since = (at) => {
    const c = [...clicks].reverse().find((k) => k.clickedAt <= at);
    return c ? `${c.rel} +${at - c.clickedAt} ms` : `before the first click (${at})`;
  };
  for (const l of lines) console.log(`[renderer] ${since(l.at)}: ${l.text}`);
  const log = findLog(resultsDir);
  const activated = log ? /Tokenomics activated \([^)]*\) at (\S+Z)/.exec(readFileSync(log, 'utf8')) : null;
  if (activated) console.log(`[ext host] activated: ${since(Date.parse(activated[1]))}`);
  if (log) for (const l of readFileSync(log, 'utf8').split('\n')) if (/Lens path|Warm-up|Analysed|activated|Repository index/.test(l)) console.log(`[ext host] ${l.slice(0, 400)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err.stack || err);
    process.exit(2);
  },
);
