import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, lensTitles, openFixture, waitFor } from './helpers';

describe('workspace tokenomics.json', function () {
  it('shows its problems on the file itself and applies its valid values without a reload', async function () {
    await activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) this.skip();
    const uri = vscode.Uri.joinPath(folder.uri, 'tokenomics.json');
    const text = '{\n  "codingModel": "gpt-4.1-mini",\n  "outputTokens": "lots"\n}\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const problems = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Tokenomics');
        return found.length > 0 ? found : undefined;
      }, 'a diagnostic on tokenomics.json');
      assert.ok(problems.some((d) => d.range.start.line === 2 && /outputTokens/.test(d.message)), problems.map((d) => `${d.range.start.line}: ${d.message}`).join(' | '));
      const editor = await openFixture('AGENTS.md');
      await waitFor(async () => ((await lensTitles(editor.document)).some((t) => /on gpt-4\.1-mini/.test(t)) ? true : undefined), 'the instruction lens priced on the model tokenomics.json names');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 'the diagnostics to go with the file');
  });
});
