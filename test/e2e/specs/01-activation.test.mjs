// The packaged .vsix installs into code-server, activates on a TypeScript file, and its commands
// run from the command palette.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { commandUntilPanelShows, listCommands, openFile } from '../lib/workbench.mjs';

describe('activation in code-server', function () {
  it('activates on a TypeScript agent file and logs to the Tokenomics output channel', async function () {
    const { page } = session();
    await openFile(page, 'support_agent.ts');
    const text = await commandUntilPanelShows(page, 'Tokenomics: Show Log', 'Tokenomics activated');
    assert.match(text, /\[info\] Tokenomics activated/);
    assert.doesNotMatch(text, /\[error\]/, 'no error logged during activation');
  });

  it('lists its commands in the palette under the Tokenomics category', async function () {
    const { page } = session();
    const titles = await listCommands(page, 'Tokenomics:');
    assert.ok(titles.includes('Tokenomics: Show Log'), `palette shows: ${titles.join(', ')}`);
  });
});
