/**
 * Library agent factories (frameworks.ts LIBRARY_AGENT_FACTORIES): a call that builds a tool-calling agent the
 * library runs is the request site and the agent loop, bounded by the graph's recursion limit. Deep Agents'
 * `create_deep_agent` / the managed runtime's `define_deep_agent` join LangGraph's `create_react_agent` and
 * LangChain's `create_agent`. Traps: a same-named factory of the application's own, LangChain's
 * `create_tool_calling_agent` and the classic `langchain.agents` `create_react_agent` (one step for an AgentExecutor).
 */
import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { analyzeFile } from '../../../src/core/report/analyze';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';

const env = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS };

describe('detect: library agent factories', () => {
  it('define_deep_agent(model=…) from a Deep Agents package: one agent call on its model, a LangGraph-bounded loop', async () => {
    const src = [
      'from managed_deepagents import define_deep_agent',
      'from tools import search',
      '',
      'agent = define_deep_agent(',
      '    name="docs",',
      '    model="google_genai:gemini-2.5-flash",',
      '    tools=[search],',
      ')',
      '',
    ].join('\n');
    const f = await detectFile(src, 'agent.py');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.framework, c.model, c.agent]),
      [[4, 'deepagents', 'google_genai:gemini-2.5-flash', true]],
    );
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.framework, l.callId, l.unbounded]),
      [[4, 'deepagents', f.calls[0].id, false]],
    );
  });

  it('create_deep_agent with a system prompt and a recursion limit set on the returned graph', async () => {
    const src = [
      'from deepagents import create_deep_agent',
      '',
      'agent = create_deep_agent(',
      '    model="anthropic:claude-sonnet-4-5",',
      '    tools=[],',
      '    system_prompt="You are a careful researcher. Plan, then search.",',
      ')',
      'result = agent.invoke({"messages": []}, config={"recursion_limit": 40})',
      '',
    ].join('\n');
    const f = await detectFile(src, 'research.py');
    const agent = f.calls.find((c) => c.agent);
    assert.ok(agent, 'the deep agent is a call');
    assert.equal(agent.model, 'anthropic:claude-sonnet-4-5');
    assert.ok(f.prompts.some((p) => p.line === 6 && p.kind === 'system'), 'system_prompt is the agent’s system prompt');
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.maxSteps, l.stepOption]),
      [[3, 40, 'recursion_limit']],
    );
  });

  it('traps: an application’s own create_deep_agent, LangChain’s create_tool_calling_agent', async () => {
    const own = [
      'from app.factory import create_deep_agent',
      '',
      'agent = create_deep_agent(model="gpt-4o")',
      '',
    ].join('\n');
    const f = await detectFile(own, 'main.py');
    assert.ok(!f.calls.some((c) => c.agent), 'a factory of the application’s own module is not the library’s');
    assert.equal(f.loops.length, 0);
    const step = [
      'from langchain.agents import create_tool_calling_agent',
      '',
      'runnable = create_tool_calling_agent(llm, tools, prompt)',
      '',
    ].join('\n');
    const g = await detectFile(step, 'step.py');
    assert.ok(!g.calls.some((c) => c.agent), 'one agent step for an AgentExecutor, not a loop');
    assert.equal(g.loops.length, 0);
  });

  it('LangChain’s AgentExecutor(agent=…, tools=…) is an agent; an application’s own AgentExecutor().execute_next_step(…) is not', async () => {
    const lc = ['from langchain.agents import AgentExecutor', '', 'executor = AgentExecutor(agent=agent, tools=tools, max_iterations=8)', ''].join('\n');
    const f = await detectFile(lc, 'chain.py');
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.framework, l.maxSteps]),
      [[3, 'langchain', 8]],
    );
    const own = ['def execute_agent(run_id):', '    from app.jobs.agent_executor import AgentExecutor', '', '    AgentExecutor().execute_next_step(agent_execution_id=run_id)', ''].join('\n');
    const g = await detectFile(own, 'worker.py');
    assert.deepEqual(g.calls, [], 'a job runner of the application, not a model call');
    assert.deepEqual(g.loops, []);
  });

  it('report: a LangGraph-built agent its file does not run is served as it is — the definition is the request, priced as its loop’s steps; an Agents SDK agent stays a binding', async () => {
    const served = ['from deepagents import create_deep_agent', '', 'agent = create_deep_agent(model="gpt-4.1", tools=[lookup])', ''].join('\n');
    const r = await analyzeFile(served, 'graph.py', undefined, env);
    const call = r.calls.find((c) => c.line === 3);
    assert.ok(call, 'the definition is listed');
    assert.equal(call.role, undefined, 'a request, not a binding');
    assert.equal(call.stepOf, r.agentLoops[0]?.id, 'billed as the steps of its loop, not on its own');
    const sdk = ['from agents import Agent', '', 'agent = Agent(name="x", instructions="Answer.", model="gpt-4.1", tools=[lookup])', ''].join('\n');
    const s = await analyzeFile(sdk, 'agents.py', undefined, env);
    assert.equal(s.calls.find((c) => c.line === 3)?.role, 'binding', 'an Agents SDK agent is run by Runner.run: its definition sends nothing');
  });
  it("LangChain's classic create_react_agent (langchain.agents) builds one runnable step, not a LangGraph agent: no agent at the factory; LangGraph's is one", async () => {
    const body = ['', 'def find(tools):', '    llm = ChatOpenAI(model="gpt-4o")', '    agent = create_react_agent(llm, tools)', '    return agent', ''];
    const classic = await detectFile(['from langchain.agents.react.agent import create_react_agent', 'from langchain_openai import ChatOpenAI', ...body].join('\n'), 'classic.py');
    assert.ok(!classic.calls.some((c) => c.agent || c.line === 6), JSON.stringify(classic.calls.map((c) => [c.line, c.callee])));
    assert.equal(classic.loops.length, 0);
    const graph = await detectFile(['from langgraph.prebuilt import create_react_agent', 'from langchain_openai import ChatOpenAI', ...body].join('\n'), 'graph.py');
    assert.deepEqual(graph.calls.filter((c) => c.agent).map((c) => [c.line, c.framework, c.model]), [[6, 'langgraph', 'gpt-4o']]);
  });
});
