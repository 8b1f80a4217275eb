import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, lensTitles, openFixture, positionOf, setSetting, tokenomicsHover, waitFor } from './helpers';

describe('settings apply without a reload', function () {
  before(activate);

  it('switching CodeLens off removes the lenses, switching it on brings them back', async function () {
    const editor = await openFixture('support.ts');
    await waitFor(async () => ((await lensTitles(editor.document)).length > 0 ? true : undefined), 'lenses before the change');
    const restore = await setSetting('codeLens.enabled', false);
    try {
      await waitFor(async () => ((await lensTitles(editor.document)).length === 0 ? true : undefined), 'no lenses after switching them off');
    } finally {
      await restore();
    }
    await waitFor(async () => ((await lensTitles(editor.document)).length > 0 ? true : undefined), 'lenses after switching them on');
  });

  it('a new coding model reprices the instruction file', async function () {
    const editor = await openFixture('AGENTS.md');
    const restore = await setSetting('codingModel', 'gpt-4.1-mini');
    try {
      const titles = await waitFor(async () => {
        const t = await lensTitles(editor.document);
        return t.some((x) => /on gpt-4\.1-mini/.test(x)) ? t : undefined;
      }, 'the instruction lens priced on the new coding model');
      assert.ok(titles.length > 0);
    } finally {
      await restore();
    }
  });

  it('switching hovers off stops the hover', async function () {
    const editor = await openFixture('support.ts');
    const doc = editor.document;
    const pos = positionOf(doc, 'meticulous billing', 3);
    await waitFor(() => tokenomicsHover(doc, pos), 'a hover before the change');
    const restore = await setSetting('hover.enabled', false);
    try {
      await waitFor(async () => ((await tokenomicsHover(doc, pos)) === undefined ? true : undefined), 'no hover after switching it off');
    } finally {
      await restore();
    }
  });

  it('switching the status bar off hides it, switching it on shows it again', async function () {
    await openFixture('support.ts');
    const status = () => vscode.commands.executeCommand<string>('tokenomics._test.statusText');
    await waitFor(async () => ((await status()) ? true : undefined), 'a status bar text before the change');
    const restore = await setSetting('statusBar.enabled', false);
    try {
      await waitFor(async () => ((await status()) === '' ? true : undefined), 'no status bar item after switching it off');
    } finally {
      await restore();
    }
    await waitFor(async () => ((await status()) ? true : undefined), 'the status bar item after switching it on');
  });

  it('the model picker command exists and the test status command answers', async function () {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tokenomics.pickModel'));
    assert.equal(typeof (await vscode.commands.executeCommand('tokenomics._test.statusText')), 'string');
  });
});
