// The packaged .vsix installs into code-server, activates on a TypeScript file, and its commands
// run from the command palette.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { listCommands, openFile, panelEditorText, runCommand, waitFor } from '../lib/workbench.mjs';

describe('activation in code-server', function () {
  it('activates on a TypeScript agent file and logs to the Tokenomics output channel', async function () {
    const { page } = session();
    await openFile(page, 'support_agent.ts');
    await runCommand(page, 'Tokenomics: Show Log');
    const text = await waitFor(async () => {
      const t = await panelEditorText(page);
      return t.includes('Tokenomics activated') ? t : undefined;
    }, { what: '"Tokenomics activated" in the Tokenomics output channel' });
    assert.match(text, /\[info\] Tokenomics activated/);
    assert.doesNotMatch(text, /\[error\]/, 'no error logged during activation');
  });

  it('lists its commands in the palette under the Tokenomics category', async function () {
    const { page } = session();
    const titles = await listCommands(page, 'Tokenomics:');
    assert.ok(titles.includes('Tokenomics: Show Log'), `palette shows: ${titles.join(', ')}`);
  });
});
