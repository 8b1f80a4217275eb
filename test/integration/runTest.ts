/**
 * Runs the integration suite in a downloaded VS Code (stable, and the minimum
 * version the manifest supports) with @vscode/test-electron. Needs network
 * access to download VS Code; on machines without it, use the code-server
 * harness instead (`node test/e2e/run.mjs`, see docs/editor.md).
 *   npm run compile-tests && node out/test/integration/runTest.js
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.join(__dirname, 'index');
  const workspace = path.join(root, 'test', 'fixtures', 'workspace');
  const versions = (process.env.TOKENOMICS_VSCODE_VERSIONS ?? 'stable,1.100.0').split(',');
  for (const version of versions) {
    console.log(`[integration] VS Code ${version}`);
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  }
}

main().catch((err) => {
  console.error('Integration tests failed:', err);
  process.exit(1);
});
