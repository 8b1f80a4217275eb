import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

const HEAD = [
  'from llama_index.agent.openai import OpenAIAgent',
  'from llama_index.core.agent import ReActAgent',
  'from llama_index.llms.openai import OpenAI',
  'from llama_index.core.llms.utils import is_function_calling_model',
  '',
];

function loopsOf(r: Awaited<ReturnType<typeof scanTree>>, path: string) {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported`);
  return f;
}

describe('agents built in mutually exclusive branches are one loop (detect/loop-groups.ts)', () => {
  it('a function-calling agent or a ReAct fallback: one loop on the function-calling branch, the fallback widening the range and named in its steps note', async () => {
    const r = await scanTree({
      'app/agents.py': [
        ...HEAD,
        'def construct_agent(tools, llm, system_prompt):',
        '    if isinstance(llm, OpenAI) and is_function_calling_model(llm.model):',
        '        agent = OpenAIAgent.from_tools(tools=tools, llm=llm, system_prompt=system_prompt)',
        '    else:',
        '        agent = ReActAgent.from_tools(tools=tools, llm=llm)',
        '    return agent',
        '',
      ].join('\n'),
    });
    const f = loopsOf(r, 'app/agents.py');
    assert.equal(f.agentLoops.length, 1, JSON.stringify(f.agentLoops.map((l) => [l.line, l.maxSteps])));
    const loop = f.agentLoops[0];
    assert.equal(loop.line, 8);
    const single = loopsOf(await scanTree({
      'app/agents.py': [...HEAD, 'def construct_agent(tools, llm):', '    return OpenAIAgent.from_tools(tools=tools, llm=llm)', ''].join('\n'),
    }), 'app/agents.py').agentLoops[0];
    assert.equal(loop.maxSteps, single.maxSteps, 'priced as the function-calling agent alone');
    const steps = loop.assumptions?.find((a) => a.subject === 'steps');
    assert.match(steps?.detail ?? '', /another branch builds the agent with \d+ at line 10 \(otherwise\)/);
    assert.ok(loop.costPerTask.kind === 'priced' && single.costPerTask.kind === 'priced');
    assert.ok(loop.costPerTask.high! > single.costPerTask.high!, 'the ReAct fallback runs more steps: the range is wider');
    // The fallback's agent is a step of the loop, not a call billed on its own.
    assert.deepEqual(f.calls.filter((c) => c.role !== 'binding' && c.stepOf !== loop.id).map((c) => c.line), []);
    const fallback = f.calls.find((c) => c.line === 10);
    assert.equal(fallback?.role, 'binding', 'the fallback agent is a definition, listed, never billed');
    assert.equal(fallback?.stepOf, loop.id);
  });

  it('two agents built one after the other, or in two functions, stay two loops (traps)', async () => {
    const r = await scanTree({
      'app/agents.py': [
        ...HEAD,
        'def build_both(tools, llm):',
        '    planner = OpenAIAgent.from_tools(tools=tools, llm=llm)',
        '    writer = ReActAgent.from_tools(tools=tools, llm=llm)',
        '    return planner, writer',
        '',
        'def build_one(tools, llm, fast):',
        '    if fast:',
        '        return OpenAIAgent.from_tools(tools=tools, llm=llm)',
        '    return None',
        '',
        'def build_other(tools, llm, fast):',
        '    if not fast:',
        '        return ReActAgent.from_tools(tools=tools, llm=llm)',
        '    return None',
        '',
      ].join('\n'),
    });
    assert.deepEqual(loopsOf(r, 'app/agents.py').agentLoops.map((l) => l.line).sort((a, b) => a - b), [7, 8, 13, 18]);
  });
});
