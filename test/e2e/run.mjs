#!/usr/bin/env node
// Entry for the suites that need a real VS Code (code-server + Chromium):
//   node test/e2e/run.mjs e2e          UI end-to-end specs in test/e2e/specs/ (Playwright)
//   node test/e2e/run.mjs integration  the extension-host suite (out/test/integration/) run
//                                      inside code-server's extension host by runner-extension/
//   node test/e2e/run.mjs all          both, one after the other
// Options: --no-install (fail instead of installing code-server), --no-package (use the existing
// dist/tokenomics.vsix and out/; for runs inside a network namespace, where npm cannot run).
// Each suite appends "suite passed failed skipped" to $TOKENOMICS_TEST_SUMMARY, like the unit suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertInstalled } from './lib/code-server.mjs';
import { runE2e } from './lib/run-e2e.mjs';
import { runIntegration } from './lib/run-integration.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const suite = args.find((a) => !a.startsWith('--')) ?? 'e2e';
const flags = new Set(args.filter((a) => a.startsWith('--')));

function step(label, command, commandArgs, { mustPass = true } = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) {
    const message = `${label} failed (exit ${result.status ?? result.signal})`;
    if (mustPass) throw new Error(message);
    console.warn(`[e2e] ${message}; going on with what it emitted (the typecheck step reports type errors)`);
  }
  console.log(`[e2e] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureInstalled() {
  try {
    return assertInstalled();
  } catch (err) {
    if (flags.has('--no-install')) throw err;
    step('install code-server', 'bash', [join(repo, 'scripts', 'e2e', 'install-code-server.sh')]);
    return assertInstalled();
  }
}

async function main() {
  if (!['e2e', 'integration', 'all'].includes(suite)) throw new Error(`unknown suite "${suite}" (e2e | integration | all)`);
  const installed = ensureInstalled();
  console.log(`[e2e] code-server ${installed.version} from ${installed.cache}`);
  if (!flags.has('--no-package')) {
    step('package .vsix', 'npm', ['run', 'package', '--silent']);
    // tsc emits even when it reports type errors; those fail the typecheck step, not this one.
    if (suite !== 'e2e') step('compile tests', 'npm', ['run', 'compile-tests', '--silent'], { mustPass: false });
  }
  const vsix = join(repo, 'dist', 'tokenomics.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package`);
  const resultsRoot = join(repo, 'test-results', 'e2e');
  let failures = 0;
  for (const name of suite === 'all' ? ['integration', 'e2e'] : [suite]) {
    const resultsDir = join(resultsRoot, name);
    rmSync(resultsDir, { recursive: true, force: true });
    mkdirSync(resultsDir, { recursive: true });
    const options = { repo, vsix, resultsDir };
    failures += name === 'e2e' ? await runE2e(options) : await runIntegration(options);
  }
  return failures;
}

main().then(
  (failures) => process.exit(failures > 0 ? 1 : 0),
  (err) => {
    console.error(`[e2e] ${err.stack || err}`);
    process.exit(2);
  },
);
