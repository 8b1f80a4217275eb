// Runs the extension-host integration suite (written for @vscode/test-electron, compiled to
// out/test/integration/) inside code-server's real Node extension host. The test-only extension
// in test/e2e/runner-extension/ runs mocha there at startup when TOKENOMICS_INTEGRATION_SUITE is
// set and writes JSON results, which this module waits for, prints and counts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from './session.mjs';
import { closeOnSignal, recordSummary } from './summary.mjs';
import { waitFor } from './workbench.mjs';

/** The folder the integration suite expects to be opened; the first candidate that exists. */
function integrationWorkspace(repo) {
  const candidates = [
    process.env.TOKENOMICS_INTEGRATION_WORKSPACE,
    join(repo, 'test', 'fixtures', 'workspace'), // what test/integration/runTest.ts opens
    join(repo, 'test', 'integration', 'fixtures', 'workspace'),
    join(repo, 'test', 'integration', 'workspace'),
    join(repo, 'test', 'fixtures', 'integration-workspace'),
    join(repo, 'test', 'integration', 'fixtures'),
    join(repo, 'test', 'e2e', 'workspace'),
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(dir) && statSync(dir).isDirectory());
}

function countTestFiles(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countTestFiles(join(dir, entry.name));
    else if (entry.name.endsWith('.test.js')) n += 1;
  }
  return n;
}

/** test/e2e/runner-extension as a .vsix (vsce runs locally: no network). */
function packageRunner(repo, dir) {
  const out = join(dir, 'integration-runner.vsix');
  execFileSync(
    process.execPath,
    [join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
    { cwd: join(repo, 'test', 'e2e', 'runner-extension'), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

function printResults(results) {
  for (const t of results.passed) console.log(`  ✔ ${t.title} (${t.durationMs} ms)`);
  for (const t of results.skipped) console.log(`  - ${t.title}`);
  for (const t of results.failed) console.log(`  ✘ ${t.title}\n${t.error.replace(/^/gm, '      ')}`);
}

export async function runIntegration({ repo, vsix, resultsDir }) {
  const suiteDir = process.env.TOKENOMICS_INTEGRATION_OUT || join(repo, 'out', 'test', 'integration');
  const files = countTestFiles(suiteDir);
  if (files === 0) {
    console.log(`[integration] no compiled tests under ${suiteDir} (npm run compile-tests): nothing to run`);
    recordSummary('integration', 0, 0, 0);
    return 0;
  }
  // Private scratch (not test-results/, which a concurrent run of the same suite would clear).
  const scratch = mkdtempSync(join(tmpdir(), 'tokenomics-integration-'));
  const resultsFile = join(scratch, 'integration-results.json');
  const workspaceSource = integrationWorkspace(repo);
  console.log(`[integration] ${files} test file(s); workspace ${workspaceSource}`);
  let session;
  const release = closeOnSignal(() => session?.close());
  try {
    // The extension host only starts when a window connects, so a browser page is still needed.
    session = await createSession({
      name: 'integration',
      workspaceSource,
      vsix,
      resultsDir,
      extraVsix: [packageRunner(repo, scratch)],
      env: {
        TOKENOMICS_INTEGRATION_SUITE: suiteDir,
        TOKENOMICS_INTEGRATION_RESULTS: resultsFile,
        TOKENOMICS_MOCHA_PATH: join(repo, 'node_modules', 'mocha'),
      },
    });
    const started = Date.now();
    const timeout = Number(process.env.TOKENOMICS_INTEGRATION_DEADLINE_MS || 10 * 60_000);
    await waitFor(() => existsSync(resultsFile), { timeout, interval: 500, what: `integration results in ${resultsFile}` });
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    copyFileSync(resultsFile, join(resultsDir, 'integration-results.json'));
    console.log(`[integration] VS Code ${results.vscodeVersion}, ran in ${((Date.now() - started) / 1000).toFixed(1)} s (session ${JSON.stringify(session.timings)})`);
    printResults(results);
    recordSummary('integration', results.passed.length, results.failed.length, results.skipped.length);
    return results.failed.length;
  } catch (err) {
    console.error(`[integration] ${err.stack || err}`);
    await session?.page?.screenshot({ path: join(resultsDir, 'integration-failure.png') }).catch(() => {});
    recordSummary('integration', 0, 1, 0);
    return 1;
  } finally {
    await session?.close();
    release();
    rmSync(scratch, { recursive: true, force: true });
  }
}
