import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeValue, tokenomicsDiagnostics, waitFor, waitForCodeActions } from './helpers';

/** An OpenAI request with no output limit on gpt-4.1 (32,768 tokens of maximum output in the bundled catalog). */
const UNCAPPED = `import OpenAI from 'openai';
const client = new OpenAI();
export async function summarize(notes: string) {
  return client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: notes }] });
}
`;

describe('savings findings in the editor', function () {
  before(activate);

  it('no-output-cap shows its monthly exposure, and its quick fix adds the cap the finding computed (undoable)', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: UNCAPPED });
    await vscode.window.showTextDocument(doc, { preview: false });
    const d = await waitFor(() => tokenomicsDiagnostics(doc.uri).find((x) => codeValue(x) === 'no-output-cap'), 'the no-output-cap finding');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.match(d.message, /up to 32,768 tokens.* a month more at 1,000 calls a day/);
    const wanted = (a: vscode.CodeAction) => /^Cap the reply at \d+ tokens \(max_completion_tokens\)$/.test(a.title);
    const actions = await waitForCodeActions(doc.uri, d.range, wanted, 'the output-cap fix');
    const fix = actions.find(wanted);
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /content: notes \}\], max_completion_tokens: \d+ \}\);/);
    await waitFor(() => (tokenomicsDiagnostics(doc.uri).some((x) => codeValue(x) === 'no-output-cap') ? undefined : true), 'the finding to clear after the fix');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (doc.getText() === UNCAPPED ? true : undefined), 'the undo to restore the text');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
