import * as assert from 'node:assert/strict';
import { diagnosticSpecs } from '../../../src/extension/diagnostics/specs';
import { fixPlans } from '../../../src/extension/quickfix/plans';
import { cacheControlEdit, outputCapEdit } from '../../../src/extension/quickfix/savings-edits';
import type { TextEditSpec } from '../../../src/extension/quickfix/edits';
import type { DiagnosticCode, FileReport } from '../../../src/core/report/types';
import { SAVINGS_ASSUMPTIONS, SAVINGS_CATALOG } from '../findings/catalog';
import { analysed } from './analysed';

/** Applies one edit to a text, the way VS Code would (1-based positions). */
function apply(text: string, e: TextEditSpec): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number): number => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return text.slice(0, offset(e.line, e.column)) + e.newText + text.slice(offset(e.endLine, e.endColumn));
}

const RULES = 'You are a careful support agent. Cite the policy section for every answer, never guess, keep replies short. '.repeat(60);

/** The quick fixes the editor offers for the report's finding `code`, on the core-built report of `text`. */
async function fixesFor(text: string, code: DiagnosticCode, path: string, languageId: string) {
  const report: FileReport = await analysed(text, path, languageId, SAVINGS_ASSUMPTIONS, SAVINGS_CATALOG);
  const spec = diagnosticSpecs(report, {}).find((s) => s.code === code);
  assert.ok(spec, `the core reports ${code}: ${JSON.stringify(report.diagnostics.map((d) => d.code))}`);
  return fixPlans({ spec, report, text, languageId, frameworks: [] });
}

describe('extension/quickfix: savings findings', function () {
  this.timeout(60000);

  it('no-output-cap: adds the SDK option with the cap the finding computed (TypeScript options object, Python keyword)', async () => {
    const ts = "import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Summarize the notes.' }] });\n";
    const [plan] = await fixesFor(ts, 'no-output-cap', 'a.ts', 'typescript');
    assert.equal(plan?.title, 'Cap the reply at 256 tokens (max_completion_tokens)');
    assert.equal(plan.preferred, true);
    assert.equal(apply(ts, plan.edit), ts.replace("content: 'Summarize the notes.' }] }", "content: 'Summarize the notes.' }], max_completion_tokens: 256 }"));
    const py = 'from openai import OpenAI\nc = OpenAI()\nc.responses.create(model="gpt-4.1", input="Summarize the notes.")\n';
    const [pyPlan] = await fixesFor(py, 'no-output-cap', 'a.py', 'python');
    assert.equal(apply(py, pyPlan!.edit), py.replace('input="Summarize the notes.")', 'input="Summarize the notes.", max_output_tokens=256)'));
  });

  it('no-output-cap: no edit where it would not be mechanical (options passed as a variable, **kwargs)', () => {
    const ts = 'c.chat.completions.create(params)';
    assert.equal(outputCapEdit(ts, { line: 1, column: 1, endLine: 1, endColumn: ts.length + 1 }, 'typescript', 'max_completion_tokens', 256), undefined);
    const py = 'c.chat.completions.create(model="gpt-4.1", **opts)';
    assert.equal(outputCapEdit(py, { line: 1, column: 1, endLine: 1, endColumn: py.length + 1 }, 'python', 'max_completion_tokens', 256), undefined);
  });

  it('model-fit: replaces the model literal with the cheaper model, offered and never preferred', async () => {
    const ts = "import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: 'Classify: great product.' }] });\n";
    const [plan] = await fixesFor(ts, 'model-fit', 'a.ts', 'typescript');
    assert.equal(plan?.title, 'Switch to tiny (cheaper; check that quality holds)');
    assert.equal(plan.preferred, false);
    assert.equal(apply(ts, plan.edit), ts.replace("model: 'gpt-4.1'", "model: 'tiny'"));
  });

  it('cache-opportunity: wraps a string system prompt in a cached text block (Python), or marks the last block of a literal list (TypeScript)', async () => {
    const py = `import anthropic\nclient = anthropic.Anthropic()\nSYSTEM = "${RULES}"\nclient.messages.create(model="claude-test", max_tokens=300, system=SYSTEM, messages=[{"role": "user", "content": q}])\n`;
    const [plan] = await fixesFor(py, 'cache-opportunity', 'a.py', 'python');
    assert.equal(plan?.title, 'Cache the system prompt (cache_control)');
    assert.equal(apply(py, plan.edit), py.replace('system=SYSTEM,', 'system=[{"type": "text", "text": SYSTEM, "cache_control": {"type": "ephemeral"}}],'));
    const ts = `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nawait client.messages.create({ model: 'claude-test', max_tokens: 300, messages: [{ role: 'user', content: q }],\n  system: [{ type: 'text', text: '${RULES}' }] });\n`;
    const [tsPlan] = await fixesFor(ts, 'cache-opportunity', 'a.ts', 'typescript');
    assert.equal(apply(ts, tsPlan!.edit), ts.replace(`text: '${RULES}' }`, `text: '${RULES}', cache_control: { type: 'ephemeral' } }`));
  });

  it('cache-control edit: nothing when the text at the span no longer has the shape the report saw', () => {
    const text = 'system=build()';
    assert.equal(cacheControlEdit(text, { line: 1, column: 8, endLine: 1, endColumn: 15 }, 'blocks', 'python'), undefined);
    assert.equal(cacheControlEdit('system=[]', { line: 1, column: 8, endLine: 1, endColumn: 10 }, 'text', 'python'), undefined);
  });

  it('batchable offers no edit: moving to a batch API is not mechanical', async () => {
    const py = 'from openai import OpenAI\nclient = OpenAI()\nfor doc in docs:\n    client.chat.completions.create(model="gpt-4.1", max_tokens=300, messages=[{"role": "user", "content": doc}])\n\nif __name__ == "__main__":\n    pass\n';
    assert.deepEqual(await fixesFor(py, 'batchable', 'job.py', 'python'), []);
  });
});
