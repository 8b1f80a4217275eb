/**
 * A LangGraph cycle whose counter fewer request nodes write than send is priced per pass: passes (bound ÷ writers)
 * × the requests each pass sends (company-researcher: research → extract → reflection, only reflection adds one to
 * `reflection_steps_taken`). Where every node writes the counter (a debate) the bound counts node runs; recursion
 * limits count super-steps; a node's provider alternatives are one request: today's pricing there.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { counterKey, counterSide, writesKey } from '../../../src/core/detect/graph-passes';
import type { AgentLoopReport } from '../../../src/core/report/types';
import type { ScanResult } from '../../../src/node/scan';
import { file, REPOS, scanTree } from '../repo/fixture-scan';
import { ring } from './graph-ring';


const loopOf = (r: ScanResult, path: string): AgentLoopReport => {
  const l = file(r, path).agentLoops.find((x) => x.framework === 'langgraph');
  assert.ok(l, 'the cycle is a loop');
  return l;
};
const usd = (l: AgentLoopReport): number => (l.costPerTask.kind === 'priced' ? l.costPerTask.usd : NaN);
const stepsNote = (l: AgentLoopReport): string => String(l.assumptions?.find((n) => n.subject === 'steps')?.detail ?? '');

function debateFiles(): Record<string, string> {
  const dir = join(REPOS, 'graph-router-methods');
  const out: Record<string, string> = { 'main.py': readFileSync(join(dir, 'main.py'), 'utf8') };
  for (const f of readdirSync(join(dir, 'debate'))) out[`debate/${f}`] = readFileSync(join(dir, 'debate', f), 'utf8');
  return out;
}

describe('loops: a graph cycle priced per pass', () => {
  it('reads the counter a router compares and the nodes that write it', () => {
    assert.equal(counterKey('state.reflection_steps_taken'), 'reflection_steps_taken');
    assert.equal(counterKey('state["debate"]["count"]'), 'count');
    assert.equal(counterKey('len(state["messages"])'), undefined);
    assert.equal(counterSide('state["debate"]["count"] >= 2 * self.max_rounds (self.max_rounds = 1, debate/routing.py:9)'), 'state["debate"]["count"]');
    assert.equal(counterSide('state.condenseCount <= 3'), 'state.condenseCount');
    assert.ok(writesKey('return {"n": 1, "steps": state["steps"] + 1}', 'steps'));
    assert.ok(writesKey('state.steps += 1', 'steps'));
    assert.ok(writesKey('return Out(steps=state.steps + 1)', 'steps'));
    assert.ok(writesKey('return { ...state, condenseCount: state.condenseCount + 1 };', 'condenseCount'));
    // Traps: reads and comparisons are not writes.
    assert.ok(!writesKey('if state["steps"] >= 3:\n    return END', 'steps'));
    assert.ok(!writesKey('print(state.steps == 2)', 'steps'));
    assert.ok(!writesKey('x = state.steps', 'steps'));
  });

  it('a ring whose counter one node of three writes sends all three requests each pass', async () => {
    const one = loopOf(await scanTree({ 'graph.py': ring(['reflect']) }), 'graph.py');
    const every = loopOf(await scanTree({ 'graph.py': ring(['research', 'extract', 'reflect']) }), 'graph.py');
    assert.equal(one.maxSteps, 2, 'two passes');
    assert.match(stepsNote(one), /each pass sends the requests at graph\.py:8, :13, :18 \(one node writes the counter\)/);
    assert.ok(usd(one) > 2 * usd(every), `3 requests × 2 passes (${usd(one)}) vs 2 node runs (${usd(every)})`);
    assert.ok(one.costPerTask.kind === 'priced' && one.costPerTask.low! <= usd(one) && usd(one) <= one.costPerTask.high!, 'the range holds the sum');
    assert.ok(one.costPerTask.kind === 'priced' && one.costPerTask.high! > 2 * (every.costPerTask.kind === 'priced' ? every.costPerTask.high! : 0), 'high includes every request');
  });

  it('trap: a ring where every node writes the counter counts node runs (unchanged)', async () => {
    const every = loopOf(await scanTree({ 'graph.py': ring(['research', 'extract', 'reflect']) }), 'graph.py');
    assert.equal(every.maxSteps, 2);
    assert.doesNotMatch(stepsNote(every), /each pass/);
  });

  it('trap: a ring bounded by recursion_limit counts super-steps (unchanged)', async () => {
    const src = (writers: string[]): string => `${ring(writers, '')}print(graph.invoke({"company": "x"}, {"recursion_limit": 12}))\n`;
    const l = loopOf(await scanTree({ 'graph.py': src(['reflect']) }), 'graph.py');
    const every = loopOf(await scanTree({ 'graph.py': src(['research', 'extract', 'reflect']) }), 'graph.py');
    assert.doesNotMatch(stepsNote(l), /each pass/);
    assert.equal(usd(l), usd(every), 'the writers do not matter to a recursion limit');
  });

  it('a cross-file debate where every speaker writes the count is unchanged; with one writer both speak each pass', async () => {
    const files = debateFiles();
    const debate = (r: ScanResult): AgentLoopReport => file(r, 'debate/setup.py').agentLoops.find((l) => l.line === 46)!;
    const all = debate(await scanTree(files));
    assert.doesNotMatch(stepsNote(all), /each pass/);
    files['debate/agents.py'] = files['debate/agents.py'].replace('"last": "Pro", "count": state["debate"]["count"] + 1', '"last": "Pro"');
    const one = debate(await scanTree(files));
    assert.match(stepsNote(one), /each pass sends the requests at agents\.py:3, :11|each pass sends the requests at agents\.py:11, :3/);
    assert.ok(usd(one) > 1.5 * usd(all), `2 passes × Pro and Con (${usd(one)}) vs 2 speeches (${usd(all)})`);
  });

  it('trap: a node that dispatches to provider alternatives sends one of them a pass (unchanged)', async () => {
    const files = {
      'llm.py': `from openai import OpenAI
from anthropic import Anthropic


def reply_openai(text):
    return OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])


def reply_anthropic(text):
    return Anthropic().messages.create(model="claude-3-5-sonnet-latest", max_tokens=500, messages=[{"role": "user", "content": text}])


def reply(provider, text):
    if provider == "openai":
        return reply_openai(text)
    return reply_anthropic(text)
`,
      'nodes.py': `from llm import reply


def agent(state):
    return {"answer": reply(state["provider"], state["question"])}


def tick(state):
    return {"turns": state["turns"] + 1}
`,
      'graph.py': `from langgraph.graph import END, START, StateGraph
from nodes import agent, tick


def route(state):
    if state["turns"] >= 3:
        return END
    return "agent"


builder = StateGraph(dict)
builder.add_node("agent", agent)
builder.add_node("tick", tick)
builder.add_edge(START, "agent")
builder.add_edge("agent", "tick")
builder.add_conditional_edges("tick", route)
graph = builder.compile()
`,
    };
    const r = await scanTree(files);
    const l = file(r, 'graph.py').agentLoops.find((x) => x.framework === 'langgraph');
    assert.ok(l, 'the cycle is a loop');
    assert.doesNotMatch(stepsNote(l), /each pass/, 'the two providers are alternatives, not two requests a pass');
  });
});
