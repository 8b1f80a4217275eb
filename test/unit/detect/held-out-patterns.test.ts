import * as assert from 'node:assert/strict';
import { detectFixture, promptLines } from './helpers';

/** Patterns found missing on held-out set 3 of the corpus (and the older known misses), each in a small fixture. */
describe('detect: patterns from the held-out corpus', () => {
  it('LangGraph on a model made elsewhere: bind_tools(…).ainvoke is the call, the graph loop uses it; tool docstrings, formatted examples, unused drafts', async () => {
    const f = await detectFixture('foreign_model_graph.py');
    assert.deepEqual(promptLines(f), ['8:tool-description', '13:few-shot', '18:other', '23:system']);
    assert.equal(f.prompts[1].text, 'show failed logins\nSELECT * FROM logins WHERE ok = false', 'the values of the examples, not their keys');
    assert.ok(!f.prompts.some((p) => p.line === 17), 'a draft the function never reads is not sent');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.callee, c.framework]),
      [[23, 'model.ainvoke', 'langchain']],
      'report_graph.abatch runs a compiled graph (with_config on a graph is not a model)',
    );
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.framework, l.callId]),
      [
        [31, 'langgraph', f.calls[0].id],
        [32, 'langgraph', f.calls[0].id],
      ],
    );
  });

  it('agents picked by name, named tool instances, enum roles, a model object called with messages, a model in a returned dict', async () => {
    const f = await detectFixture('agents_by_name.py');
    assert.deepEqual(promptLines(f), ['5:tool-description', '6:instructions', '12:user-template', '16:system', '32:tool-description']);
    assert.ok(!f.prompts.some((p) => p.line === 34), 'listed in TOOLS, but description_override replaces the docstring');
    assert.deepEqual(f.prompts[3].placeholders, ['task']);
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.callee, c.model ?? null]),
      [
        [6, 'Agent', 'gemini-2.0-flash'],
        [17, 'reformulation_model', null],
        [29, 'self.client.messages.create', 'claude-sonnet-4-20250514'],
      ],
    );
    assert.equal(f.calls[2].maxOutputTokens, 512);
  });

  it('TypeScript: Agent.create and a chained StateGraph on an imported model', async () => {
    const f = await detectFixture('agent_create_graph.ts');
    assert.deepEqual(promptLines(f), ['8:instructions']);
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.callee, c.framework, c.agent]),
      [
        [6, 'Agent.create', 'openai-agents', true],
        [13, 'modelWithTools.invoke', 'langchain', false],
      ],
    );
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.framework, l.callId]),
      [
        [6, 'openai-agents', f.calls[0].id],
        [12, 'langgraph', f.calls[1].id],
      ],
    );
  });
});
