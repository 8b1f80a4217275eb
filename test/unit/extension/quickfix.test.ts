import * as assert from 'node:assert/strict';
import { fixPlans } from '../../../src/extension/quickfix/plans';
import { analysed, UNBOUNDED_LOOP } from './analysed';
import { annotationEdit, boundWhileTrueEdit, replaceModelEdit, stepLimitEdit, type TextEditSpec } from '../../../src/extension/quickfix/edits';

/** Applies one edit to a text, the way VS Code would (1-based positions). */
function apply(text: string, e: TextEditSpec): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number): number => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return text.slice(0, offset(e.line, e.column)) + e.newText + text.slice(offset(e.endLine, e.endColumn));
}

describe('extension/quickfix edits', () => {
  it('adds a step limit to a TypeScript options object', () => {
    const text = 'const r = await generateText({\n  model,\n  tools,\n});\n';
    const e = stepLimitEdit(text, { line: 1, column: 17, endLine: 4, endColumn: 2 }, 'typescript', 'maxSteps', 10);
    assert.equal(apply(text, e!), 'const r = await generateText({\n  model,\n  tools, maxSteps: 10\n});\n');
  });

  it('writes stopWhen as a condition and handles a trailing comma', () => {
    const text = 'generateText({ model, tools, })';
    const e = stepLimitEdit(text, { line: 1, column: 1, endLine: 1, endColumn: 31 }, 'typescript', 'stopWhen', 5);
    assert.equal(apply(text, e!), 'generateText({ model, tools, stopWhen: stepCountIs(5) })');
  });

  it('adds an options object when the call has none', () => {
    const text = 'await run(agent, input)';
    const e = stepLimitEdit(text, { line: 1, column: 7, endLine: 1, endColumn: 23 }, 'typescript', 'maxTurns', 8);
    assert.equal(apply(text, e!), 'await run(agent, input, { maxTurns: 8 })');
  });

  it('adds a Python keyword argument', () => {
    const text = 'result = Runner.run_sync(agent, "hi")\n';
    const e = stepLimitEdit(text, { line: 1, column: 10, endLine: 1, endColumn: 37 }, 'python', 'max_turns', 10);
    assert.equal(apply(text, e!), 'result = Runner.run_sync(agent, "hi", max_turns=10)\n');
    const empty = 'agent.run()';
    assert.equal(apply(empty, stepLimitEdit(empty, { line: 1, column: 1, endLine: 1, endColumn: 11 }, 'python', 'max_steps', 3)!), 'agent.run(max_steps=3)');
  });

  it('inserts an annotation comment above the line with the same indentation', () => {
    const text = 'def f():\n    while True:\n        step()\n';
    assert.equal(apply(text, annotationEdit(text, 2, 'python', { steps: 25 })), 'def f():\n    # tokenomics: steps=25\n    while True:\n        step()\n');
    const md = '# Rules\n';
    assert.equal(apply(md, annotationEdit(md, 1, 'markdown', { model: 'gpt-4.1' })), '<!-- tokenomics: model=gpt-4.1 -->\n# Rules\n');
  });

  it('replaces only the quoted model name inside the call', () => {
    const text = 'const m = "gpt-4o";\nclient.chat.completions.create({ model: "gpt-4o", messages })';
    const e = replaceModelEdit(text, { line: 2, column: 1, endLine: 2, endColumn: 62 }, 'gpt-4o', 'gpt-4.1-mini');
    assert.equal(apply(text, e!), 'const m = "gpt-4o";\nclient.chat.completions.create({ model: "gpt-4.1-mini", messages })');
    assert.equal(replaceModelEdit(text, { line: 2, column: 1, endLine: 2, endColumn: 62 }, 'claude-x', 'y'), undefined);
  });
});

describe('extension/quickfix plans (core-built reports)', () => {
  const frameworks = [{ framework: 'vercel-ai', language: 'typescript' as const, stepOption: 'maxSteps', defaultSteps: 1, source: 's', asOf: '2025-01-01' }];

  async function unboundedSpec(code: string) {
    const report = await analysed(code);
    const d = report.diagnostics.find((x) => x.code === 'unbounded-loop');
    assert.ok(d, 'the core flags the loop');
    return { report, spec: { ...d, anchor: 'a' } };
  }

  it('offers a counted loop, then the annotation, for a hand-written while (true)', async () => {
    const code = UNBOUNDED_LOOP;
    const { report, spec } = await unboundedSpec(code);
    const plans = fixPlans({ spec, report, text: code, languageId: 'typescript', frameworks });
    assert.deepEqual(plans.map((p) => p.title), ['Limit the loop to 3 iterations', 'State the expected steps in an annotation (steps=3)']);
    assert.equal(apply(code, plans[0]!.edit), code.replace('while (true)', 'for (let step = 0; step < 3; step++)'));
  });

  it('bounds a Python while True the same way, or offers only the annotation when the loop is written otherwise', () => {
    const py = 'def run():\n    while True:\n        step()\n';
    const e = boundWhileTrueEdit(py, { line: 2, column: 5, endLine: 3, endColumn: 15 }, 'python', 8);
    assert.equal(apply(py, e!), 'def run():\n    for _step in range(8):\n        step()\n');
    assert.equal(boundWhileTrueEdit('while (!done) {}', { line: 1, column: 1, endLine: 1, endColumn: 17 }, 'typescript', 8), undefined);
  });

  it('switches an unknown model to the suggestion', async () => {
    const code = "import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat.completions.create({ model: 'gpt-4.2', messages: [{ role: 'user', content: 'Summarise the release notes.' }] });\n";
    const report = await analysed(code);
    const d = report.diagnostics.find((x) => x.code === 'unknown-model');
    assert.ok(d, 'the core reports the unknown model');
    assert.equal(d.suggestion, 'gpt-4.1');
    const plans = fixPlans({ spec: { ...d, anchor: 'a' }, report, text: code, languageId: 'typescript', frameworks });
    assert.equal(plans[0]?.title, 'Switch to gpt-4.1');
    assert.equal(apply(code, plans[0]!.edit), code.replace("'gpt-4.2'", "'gpt-4.1'"));
  });
});
