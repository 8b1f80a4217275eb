// Runs the UI specs (test/e2e/specs/*.test.mjs) with mocha against one code-server session.
// A failing test leaves a full-page screenshot in test-results/e2e/e2e/.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSession } from './session.mjs';
import { setSession } from './current.mjs';
import { closeOnSignal, recordSummary } from './summary.mjs';

function slug(text) {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 100);
}

export async function runE2e({ repo, vsix, resultsDir }) {
  const specsDir = join(repo, 'test', 'e2e', 'specs');
  let session;
  const release = closeOnSignal(() => session?.close());
  try {
    session = await createSession({
      name: 'e2e',
      workspaceSource: process.env.TOKENOMICS_E2E_WORKSPACE || join(repo, 'test', 'e2e', 'workspace'),
      vsix,
      resultsDir,
    });
  } catch (err) {
    console.error(`[e2e] could not start the session: ${err.stack || err}`);
    recordSummary('e2e', 0, 1, 0);
    release();
    return 1;
  }
  console.log(`[e2e] session ready: ${JSON.stringify(session.timings)}`);
  setSession({ ...session, repo, resultsDir });

  try {
    return await runSpecs({ specsDir, session, resultsDir });
  } catch (err) {
    // A spec file that does not load is one failure, not a silent zero.
    console.error(`[e2e] ${err.stack || err}`);
    recordSummary('e2e', 0, 1, 0);
    return 1;
  } finally {
    await session.close();
    release();
  }
}

async function runSpecs({ specsDir, session, resultsDir }) {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.TOKENOMICS_E2E_TIMEOUT_MS || 90_000),
    reporter: 'spec',
    grep: process.env.TOKENOMICS_E2E_GREP,
  });
  for (const file of readdirSync(specsDir).filter((f) => f.endsWith('.test.mjs')).sort()) {
    mocha.addFile(join(specsDir, file));
  }
  mocha.suite.afterEach(async function screenshotOnFailure() {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const file = join(resultsDir, `${slug(test.fullTitle())}.png`);
    await session.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.log(`    screenshot: ${file}`);
  });
  await mocha.loadFilesAsync();
  const started = Date.now();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  console.log(`[e2e] specs ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  recordSummary('e2e', stats.passes, stats.failures, stats.pending);
  return stats.failures;
}
