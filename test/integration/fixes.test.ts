import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeValue, openFixture, setSetting, tokenomicsDiagnostics, waitFor, waitForCodeActions } from './helpers';

describe('quick fixes and budgets', function () {
  before(activate);

  it('an unknown model is information naming the nearest model, and the fix switches to it (undoable)', async function () {
    const editor = await openFixture('typo.ts');
    const doc = editor.document;
    const d = await waitFor(() => tokenomicsDiagnostics(doc.uri).find((x) => codeValue(x) === 'unknown-model'), 'the unknown-model diagnostic');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.match(d.message, /gpt-4o-mini/);
    const actions = await waitForCodeActions(doc.uri, d.range, (a) => a.title === 'Switch to gpt-4o-mini', 'the switch-model fix');
    const fix = actions.find((a) => a.title === 'Switch to gpt-4o-mini');
    assert.ok(fix?.edit, `a switch fix among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /model: 'gpt-4o-mini',/);
    await waitFor(() => (tokenomicsDiagnostics(doc.uri).some((x) => codeValue(x) === 'unknown-model') ? undefined : true), 'the diagnostic to clear after the fix');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (doc.getText() === before ? true : undefined), 'the undo to restore the text');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  // support.ts's only request is a step of its loop: per-call budgets skip loop steps (as the scan does), so the task budget is the one it can exceed.
  it('a per-task budget set in settings flags the loop at once, and clearing it clears the warning', async function () {
    const editor = await openFixture('support.ts');
    const uri = editor.document.uri;
    const restore = await setSetting('budgets', { perTaskUsd: 0.000001 });
    try {
      const d = await waitFor(() => tokenomicsDiagnostics(uri).find((x) => codeValue(x) === 'over-budget-task'), 'the over-budget-task warning');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /budget per task/);
    } finally {
      await restore();
    }
    await waitFor(() => (tokenomicsDiagnostics(uri).some((x) => codeValue(x) === 'over-budget-task') ? undefined : true), 'the warning to clear');
  });
});
