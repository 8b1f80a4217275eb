// Test-only extension: runs the extension-host integration suite (the one written for
// @vscode/test-electron, compiled to out/test/integration/) inside code-server's real Node
// extension host, and writes the results to a JSON file that test/e2e/run-integration.mjs reads.
// It does nothing unless TOKENOMICS_INTEGRATION_SUITE is set, so a stray install is inert.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Every *.test.js under dir, sorted so the run order is stable. */
function findTestFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function fullTitle(test) {
  return typeof test.fullTitle === 'function' ? test.fullTitle() : test.title;
}

/** Runs mocha over the suite and resolves with a plain results object (never rejects). */
function runSuite(suiteDir, mochaPath) {
  return new Promise((resolve) => {
    const Mocha = require(mochaPath);
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: Number(process.env.TOKENOMICS_INTEGRATION_TIMEOUT_MS || 30000) });
    // The spec-like lines go to the extension host log; the harness prints its own from the JSON.
    mocha.reporter('base');
    for (const file of findTestFiles(suiteDir)) mocha.addFile(file);
    const results = { passed: [], failed: [], skipped: [], files: mocha.files.slice() };
    const runner = mocha.run(() => resolve(results));
    runner.on('pass', (t) => results.passed.push({ title: fullTitle(t), durationMs: t.duration }));
    runner.on('pending', (t) => results.skipped.push({ title: fullTitle(t) }));
    runner.on('fail', (t, err) =>
      results.failed.push({ title: fullTitle(t), error: String((err && err.stack) || err) }),
    );
  });
}

function writeResults(file, results) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename so the harness never reads a half-written file.
  fs.writeFileSync(file + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(file + '.tmp', file);
}

async function activate() {
  const suiteDir = process.env.TOKENOMICS_INTEGRATION_SUITE;
  const resultsFile = process.env.TOKENOMICS_INTEGRATION_RESULTS;
  if (!suiteDir || !resultsFile) return;
  const startedAt = Date.now();
  let results;
  try {
    const mochaPath = process.env.TOKENOMICS_MOCHA_PATH || require.resolve('mocha', { paths: [suiteDir] });
    results = await runSuite(suiteDir, mochaPath);
  } catch (err) {
    // A suite that cannot even load is one failure the harness reports, not a hang.
    results = { passed: [], failed: [{ title: 'integration suite could not start', error: String((err && err.stack) || err) }], skipped: [], files: [] };
  }
  results.durationMs = Date.now() - startedAt;
  results.vscodeVersion = require('vscode').version;
  writeResults(resultsFile, results);
}

module.exports = { activate, deactivate() {} };
