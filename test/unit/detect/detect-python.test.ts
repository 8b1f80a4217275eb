import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { detectFixture, promptLines } from './helpers';

describe('detect: Python', () => {
  it('finds an Anthropic tool loop: dedented system prompt, tool schema, unbounded while True', async () => {
    const f = await detectFixture('anthropic_loop.py');
    assert.deepEqual(promptLines(f), ['7:system', '15:tool-description', '22:user-template']);
    assert.equal(f.prompts[0].text, 'You are a research assistant. Use the search tool to find facts,\nthen answer with citations.\n');
    const call = f.calls[0];
    assert.deepEqual([call.framework, call.model, call.maxOutputTokens], ['anthropic', 'claude-sonnet-4-5', 1024]);
    assert.deepEqual(call.tools, ['search']);
    assert.deepEqual(
      f.loops.map((l) => [l.framework, l.unbounded, l.callId]),
      [['hand-written', true, call.id]],
    );
    assert.ok(!f.prompts.some((p) => /SELECT|Submit/.test(p.text)), 'SQL and labels are not prompts');
  });

  it('reads LangChain / LangGraph: chat model handed to create_react_agent, recursion_limit, tool docstrings, prompt templates', async () => {
    const f = await detectFixture('langgraph_agent.py');
    assert.deepEqual(promptLines(f), ['10:tool-description', '16:system', '21:system', '22:user-template', '25:user-template']);
    assert.deepEqual(f.prompts[2].placeholders, ['input_language', 'output_language']);
    const [llm, agent] = f.calls;
    assert.deepEqual([llm.framework, llm.model, llm.providerHint, llm.maxOutputTokens, llm.usedBy], ['langchain', 'gpt-4o-mini', 'openai', 600, agent.id]);
    assert.deepEqual([agent.framework, agent.model, agent.agent, agent.tools], ['langgraph', 'gpt-4o-mini', true, ['get_stock_price']]);
    assert.deepEqual(
      f.loops.map((l) => [l.framework, l.maxSteps, l.stepOption]),
      [['langgraph', 12, 'recursion_limit']],
    );
  });

  it('reads CrewAI agents and tasks', async () => {
    const f = await detectFixture('crew.py');
    assert.deepEqual(promptLines(f), ['4:system', '5:system', '6:system', '13:user-template', '14:instructions']);
    assert.deepEqual(f.prompts[1].placeholders, ['topic']);
    assert.equal(f.calls.length, 1, 'Task and Crew carry prompts; the Agent is the call');
    assert.deepEqual([f.calls[0].framework, f.calls[0].model], ['crewai', 'anthropic/claude-3-5-sonnet-20241022']);
    // The crew's kickoff is the task; the agent's own loop is a step of it.
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.maxSteps, l.stepOption, l.stepOf]),
      [
        [3, 15, 'max_iter', 'l19.1'],
        [19, 15, 'max_iter of its agents', undefined],
      ],
    );
  });

  it('reads the OpenAI Agents SDK: max_turns given to Runner.run, the run input, function_tool docstrings', async () => {
    const f = await detectFixture('agents_sdk.py');
    // 8: the f-string the tool returns is the tool result sent back to the model (tool-results.ts).
    assert.deepEqual(promptLines(f), ['7:tool-description', '8:other', '13:instructions', '20:user-template']);
    assert.deepEqual([f.calls[0].framework, f.calls[0].model, f.calls[0].tools], ['openai-agents', 'gpt-4.1-mini', ['get_weather']]);
    assert.deepEqual(
      f.loops.map((l) => [l.framework, l.maxSteps, l.stepOption]),
      [['openai-agents', 6, 'max_turns']],
    );
  });

  it('reads PydanticAI (aliased import), smolagents and the Claude Agent SDK', async () => {
    const f = await detectFixture('pydantic_smol_claude.py');
    assert.deepEqual(
      f.calls.map((c) => [c.framework, c.model]),
      [
        ['pydantic-ai', 'openai:gpt-4o'],
        ['smolagents', 'Qwen/Qwen2.5-Coder-32B-Instruct'],
        ['claude-agent-sdk', 'claude-sonnet-4-5'],
      ],
    );
    assert.deepEqual(
      f.loops.map((l) => [l.framework, l.maxSteps ?? null]),
      [
        ['pydantic-ai', null],
        ['smolagents', 12],
        ['claude-agent-sdk', 3],
      ],
    );
    assert.deepEqual(promptLines(f), ['7:system', '13:tool-description', '20:system', '27:user-template']);
  });

  it('reads f-strings, implicit concatenation, join, format templates and parameter defaults', async () => {
    const src = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'RULES = ["Be concise.", "Cite sources."]',
      'def ask(question, model="gpt-4o-mini"):',
      '    system = "You are a librarian. " "Follow these rules:\\n" + "\\n".join(RULES)',
      '    return client.chat.completions.create(',
      '        model=model,',
      '        messages=[',
      '            {"role": "system", "content": system},',
      '            {"role": "user", "content": f"Question: {question!r}"},',
      '            {"role": "assistant", "content": "Sure, here is an answer with sources."},',
      '        ],',
      '        max_completion_tokens=256,',
      '    )',
    ].join('\n');
    const f = await detectFile(src, 'ask.py');
    assert.equal(f.calls[0].model, 'gpt-4o-mini', 'the parameter default');
    assert.equal(f.calls[0].maxOutputTokens, 256);
    assert.deepEqual(
      f.prompts.map((p) => [p.kind, p.text]),
      [
        ['system', 'You are a librarian. Follow these rules:\nBe concise.\nCite sources.'],
        ['user-template', 'Question: {question}'],
        ['few-shot', 'Sure, here is an answer with sources.'],
      ],
    );
  });

  it('reads a hand-written loop bounded by range() of a constant and by a guard in the body', async () => {
    const src = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'MAX_STEPS = 6',
      'def run(messages):',
      '    for _ in range(MAX_STEPS):',
      '        r = client.messages.create(model="claude-haiku-4-5", max_tokens=500, messages=messages)',
      '        if r.stop_reason != "tool_use":',
      '            return r',
      'def run2(messages):',
      '    turns = 0',
      '    while True:',
      '        turns += 1',
      '        if turns > 10:',
      '            break',
      '        r = client.messages.create(model="claude-haiku-4-5", max_tokens=500, messages=messages)',
      '        if r.stop_reason == "end_turn":',
      '            return r',
    ].join('\n');
    const f = await detectFile(src, 'loops.py');
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.maxSteps, l.unbounded]),
      [
        [5, 6, false],
        // Raised before the guard, the request after it: turns 1..10 send, the 11th pass leaves first (guard-order.test.ts).
        [11, 10, false],
      ],
    );
  });

  it('does not take a batch loop over data for an agent loop', async () => {
    const src = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'for doc in documents:',
      '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": doc}])',
      '    print(r.choices[0].finish_reason)',
    ].join('\n');
    const f = await detectFile(src, 'batch.py');
    assert.equal(f.calls.length, 1);
    assert.equal(f.loops.length, 0);
  });
  it("a while the request's output keeps going (a flag and a queue fed from the parsed reply) is an unbounded agent loop; a while draining a queue is not", async () => {
    const f = await detectFixture('request_fed_while.py');
    const fed = f.calls.find((c) => c.line === 15);
    assert.ok(fed, JSON.stringify(f.calls.map((c) => c.line)));
    // explore's while (line 11) through the nested for; summarise_all's while (line 32) only pops its queue.
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.unbounded, l.callId, l.rule]),
      [[11, true, fed.id, 'request-fed-loop']],
    );
  });
});
