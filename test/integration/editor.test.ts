import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeValue, lensTitles, openFixture, positionOf, tokenomicsDiagnostics, tokenomicsHover, waitFor, waitForCodeActions } from './helpers';

describe('editor surfaces: TypeScript agent with an unbounded loop', function () {
  let editor: vscode.TextEditor;

  before(async function () {
    await activate();
    editor = await openFixture('support.ts');
  });

  it('hovers a prompt with its call’s figure (as the lens), its own share, the model and how it was found, assumptions and links', async function () {
    const doc = editor.document;
    const text = await waitFor(() => tokenomicsHover(doc, positionOf(doc, 'meticulous billing', 3)), 'a Tokenomics hover on the prompt');
    assert.match(text, /This prompt: \*\*[\d,]+ tokens\*\* · exact, o200k_base/);
    assert.match(text, /Its share of the figure above: \d+% of the call's input tokens/);
    assert.match(text, /Model: \*\*gpt\\-4o\*\* \(from code, line \d+\)/);
    assert.match(text, /Assumptions:\n- /);
    assert.match(text, /\(command:tokenomics\.compareProviders\?/);
    assert.match(text, /\(command:tokenomics\.setAssumption\?/);
  });

  it('hovers where users point: the call, the loop statement and the prompt’s identifier, each with the figure of its lens', async function () {
    const doc = editor.document;
    const titles = await waitFor(async () => {
      const t = await lensTitles(doc);
      return t.some((x) => /\/task/.test(x)) && t.some((x) => /\/call/.test(x)) ? t : undefined;
    }, 'the loop and call CodeLenses');
    const figure = (unit: string) => titles.find((t) => t.includes(`/${unit}`))!.split(' · ').find((p) => p.includes(`/${unit}`))!;
    const call = await waitFor(() => tokenomicsHover(doc, positionOf(doc, 'completions.create', 3)), 'a hover on the call');
    assert.ok(call.includes(`**${figure('call')}**`), call);
    const loop = await waitFor(() => tokenomicsHover(doc, positionOf(doc, 'while (true)', 2)), 'a hover on the loop statement');
    assert.ok(loop.includes(`**${figure('task')}**`), loop);
    const use = await waitFor(() => tokenomicsHover(doc, positionOf(doc, 'content: SUPPORT_PROMPT', 12)), 'a hover on the prompt identifier');
    assert.match(use, /system prompt SUPPORT\\_PROMPT/);
    assert.ok(use.includes(`**${figure('call')}**`), use);
  });

  it('hovers a model name with its offerings, prices and catalog date', async function () {
    const doc = editor.document;
    const text = await waitFor(() => tokenomicsHover(doc, positionOf(doc, "'gpt-4o'", 3)), 'a Tokenomics hover on the model name');
    assert.match(text, /\| provider \| input \| cached input \| output \| speed \| as of \|/);
    assert.match(text, /\$\d[\d.]*\/M/);
  });

  it('puts a CodeLens over the loop with steps, cost per task and agent tax', async function () {
    const titles = await waitFor(async () => {
      const t = await lensTitles(editor.document);
      return t.some((x) => /\/task/.test(x)) ? t : undefined;
    }, 'a loop CodeLens');
    const loop = titles.find((t) => /\/task/.test(t)) ?? '';
    assert.match(loop, /unbounded \(assumed \d+ steps\)/);
    assert.match(loop, /agent tax ×\d/);
  });

  it('warns about the unbounded loop with a code linking to the README', async function () {
    const d = await waitFor(() => tokenomicsDiagnostics(editor.document.uri).find((x) => codeValue(x) === 'unbounded-loop'), 'the unbounded-loop diagnostic');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.fragment, 'diagnostic-unbounded-loop');
    assert.match(d.message, /\$\d/, 'names the cost at the assumed step count');
  });

  it('offers quick fixes as undoable edits: a counted loop clears the warning, undo brings it back', async function () {
    const doc = editor.document;
    const d = await waitFor(() => tokenomicsDiagnostics(doc.uri).find((x) => codeValue(x) === 'unbounded-loop'), 'the unbounded-loop diagnostic');
    const actions = await waitForCodeActions(doc.uri, d.range, (a) => /^Limit the loop to \d+ iterations$/.test(a.title), 'the loop-bound fix');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /annotation \(steps=\d+\)/.test(t)), `an annotation fix among: ${titles.join(' | ')}`);
    const fix = actions.find((a) => /^Limit the loop to \d+ iterations$/.test(a.title));
    assert.ok(fix?.edit && fix.isPreferred, `a preferred loop-bound fix among: ${titles.join(' | ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /for \(let step = 0; step < \d+; step\+\+\) \{/);
    await waitFor(() => (tokenomicsDiagnostics(doc.uri).some((x) => codeValue(x) === 'unbounded-loop') ? undefined : true), 'the warning to clear once the loop is bounded');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (doc.getText() === before ? true : undefined), 'the undo to restore the text');
    await waitFor(() => tokenomicsDiagnostics(doc.uri).find((x) => codeValue(x) === 'unbounded-loop'), 'the warning to come back after the undo');
  });

  it('shows tokens and cost of the selection in the status bar', async function () {
    const doc = editor.document;
    const start = positionOf(doc, 'You are a meticulous');
    editor.selection = new vscode.Selection(start, start.translate(0, 40));
    const text = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<string>('tokenomics._test.statusText');
      return / in · /.test(t ?? '') ? t : undefined;
    }, 'status bar text for the selection');
    assert.match(text, /\d+ in · (\$[\d.]+|unpriced|<\$[\d.]+)\/call/);
  });

  it('shows the prompt under the cursor in the status bar when nothing is selected', async function () {
    const doc = editor.document;
    const outside = new vscode.Position(0, 0);
    editor.selection = new vscode.Selection(outside, outside);
    await waitFor(async () => {
      const t = await vscode.commands.executeCommand<string>('tokenomics._test.statusText');
      return t !== undefined && /Tokenomics: .*\/mo in this file/.test(t) ? t : undefined;
    }, 'the file’s monthly cost outside any site');
    const inside = positionOf(doc, 'quote invoice numbers');
    editor.selection = new vscode.Selection(inside, inside);
    await waitFor(async () => {
      const t = await vscode.commands.executeCommand<string>('tokenomics._test.statusText');
      return / in · .*\/call/.test(t ?? '') ? t : undefined;
    }, 'status bar text for the prompt under the cursor');
  });
});

describe('editor surfaces: Python agent with a bounded loop', function () {
  it('puts a CodeLens over the loop with its 6 steps', async function () {
    await activate();
    const editor = await openFixture('research.py');
    const titles = await waitFor(async () => {
      const t = await lensTitles(editor.document);
      return t.some((x) => /≤6 steps/.test(x)) ? t : undefined;
    }, 'a ≤6 steps CodeLens');
    assert.ok(titles.some((t) => /\/task/.test(t)));
  });

  it('hovers the system prompt, priced on the Claude model', async function () {
    const editor = await openFixture('research.py');
    const doc = editor.document;
    const text = await waitFor(() => tokenomicsHover(doc, positionOf(doc, 'precise summarisation', 3)), 'a hover on the Python prompt');
    assert.match(text, /claude/i);
  });
});

describe('editor surfaces: instruction file', function () {
  it('prices AGENTS.md per request and per 100 requests on the coding model', async function () {
    await activate();
    const editor = await openFixture('AGENTS.md');
    const titles = await waitFor(async () => {
      const t = await lensTitles(editor.document);
      return t.some((x) => /tokens\/request/.test(x)) ? t : undefined;
    }, 'the instruction-file CodeLens');
    assert.match(titles.join('\n'), /[\d,]+ tokens\/request · .+ per 100 requests on \S+/);
  });
});
