import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, openFixture, positionOf, tokenomicsHover, waitFor } from './helpers';

describe('hover safety', function () {
  it('renders hostile prompt text inert and trusts only our own command', async function () {
    await activate();
    const editor = await openFixture('hostile.ts');
    const doc = editor.document;
    const hovers = await waitFor(async () => {
      const pos = positionOf(doc, 'helpful assistant', 3);
      const text = await tokenomicsHover(doc, pos);
      if (!text) return undefined;
      return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    }, 'a hover on the hostile prompt');
    for (const content of hovers.flatMap((h) => h.contents)) {
      if (typeof content === 'string' || !('isTrusted' in content)) continue;
      const md = content as vscode.MarkdownString;
      if (!md.value.includes('Tokenomics')) continue;
      assert.ok(!/<img/i.test(md.value), 'no raw HTML');
      assert.ok(!md.value.includes('](command:workbench'), 'no injected command link');
      assert.equal(md.supportHtml, false);
      assert.deepEqual(md.isTrusted, { enabledCommands: ['tokenomics.compareProviders', 'tokenomics.setAssumption'] });
    }
  });
});
