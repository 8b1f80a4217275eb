import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalleeFact, FunctionFact, LoopFact } from '../../../src/core/repo/facts';
import { paramCall } from '../../../src/core/repo/late-edges';
import { innerLoopsOf, withoutTaskLoops } from '../../../src/core/repo/task-loops';
import { siteCosts } from '../../../src/core/report/totals';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import type { ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from '../repo/fixture-scan';

function fn(name: string, params: string[], locals: Record<string, string> = {}): FunctionFact {
  return {
    name,
    line: 1,
    endLine: 40,
    params: params.map((p) => ({ name: p })),
    locals: Object.fromEntries(Object.entries(locals).map(([k, v]) => [k, { k: 'name', v, line: 2 }])),
    calls: [],
    loops: [],
  };
}

function callOf(text: string, line = 5): CalleeFact {
  return { callee: text, line, expr: { k: 'call', callee: { k: 'unknown', text, line }, text, args: [], kw: {}, line } };
}

function loop(line: number, endLine: number): LoopFact {
  return { line, column: 5, endLine, endColumn: 1, kind: 'while', limits: [], calls: [] };
}

describe('loops: calls through a parameter\'s object graph', () => {
  it('keeps a call whose receiver chain starts at a parameter, for the callers to tell what it holds', () => {
    const respond = fn('respond', ['interpreter']);
    assert.deepEqual(
      (({ root, props }) => ({ root, props }))(paramCall('a.py', respond, callOf('interpreter.llm.run'))!),
      { root: 'interpreter', props: ['llm', 'run'] },
    );
    assert.equal(paramCall('a.py', fn('stream', ['llm']), callOf('llm.completions'))?.root, 'llm');
  });

  it('leaves calls on self, on locals shadowing a parameter, on modules and plain names to the first pass', () => {
    assert.equal(paramCall('a.py', fn('Agent.step', ['task']), callOf('self.model.query')), undefined);
    assert.equal(paramCall('a.py', fn('run', ['llm'], { llm: 'other' }), callOf('llm.run')), undefined, 'a local of the same name');
    assert.equal(paramCall('a.py', fn('run', ['messages']), callOf('litellm.completion')), undefined, 'not a parameter');
    assert.equal(paramCall('a.py', fn('run', ['helper']), callOf('helper')), undefined, 'no attribute: the first pass resolves it');
    assert.equal(paramCall('a.py', undefined, callOf('x.run')), undefined, 'module level has no parameters');
    assert.equal(paramCall('a.py', fn('run', ['x']), callOf('x.items()[0].run')), undefined, 'not a plain dotted chain');
  });
});

describe('loops: a loop that repeats whole runs of another agent loop is a loop of tasks', () => {
  it('drops the outer loop whose way to the request runs through a call inside an agent loop that runs to the end, and keeps that loop', () => {
    const inner = { path: 'respond.py', fn: fn('respond', ['a']), loop: loop(6, 20), runsToEnd: true, reached: { through: [{ fn: 'llm.py#Model.run', line: 14, hops: 1 }] } };
    const outer = { path: 'app.py', fn: fn('answer', []), loop: loop(21, 30), reached: { through: [{ fn: 'respond.py#respond', line: 9, hops: 2 }, { fn: 'core.py#Assistant.chat', line: 13, hops: 1 }] } };
    assert.deepEqual(withoutTaskLoops([inner, outer]), [inner]);
  });

  it('keeps a run loop around a bounded inner loop (a requery loop of at most 3 asks is part of each step)', () => {
    const requery = { path: 'agent.py', fn: fn('Agent.forward_with_handling', ['h']), loop: loop(24, 29), runsToEnd: false, reached: { through: [] } };
    const run = { path: 'agent.py', fn: fn('Agent.run', []), loop: loop(39, 40), reached: { through: [{ fn: 'agent.py#Agent.forward_with_handling', line: 26, hops: 2 }, { fn: 'agent.py#Agent.step', line: 33, hops: 1 }] } };
    assert.deepEqual(withoutTaskLoops([requery, run]), [requery, run]);
  });

  it('keeps a loop whose way passes a function with a loop elsewhere in it (the call is not inside that loop)', () => {
    const other = { path: 'respond.py', fn: fn('respond', ['a']), loop: loop(30, 40), runsToEnd: true, reached: { through: [] } };
    const outer = { path: 'app.py', fn: fn('answer', []), loop: loop(21, 30), reached: { through: [{ fn: 'respond.py#respond', line: 9, hops: 1 }] } };
    assert.deepEqual(withoutTaskLoops([other, outer]), [other, outer]);
  });
});

describe('loops: an unbounded agent loop reaching the model through a generator, a parameter\'s attribute and a function-valued attribute', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-param-graph');
  });

  it('finds the while True loop of respond(): respond → assistant.model.run → yield from stream_reply → model.completions → send_completion', () => {
    const loops = file(r, 'assistant/respond.py').agentLoops;
    assert.equal(loops.length, 1, 'one agent loop');
    assert.equal(loops[0].line, 6);
    assert.equal(loops[0].bounded, false, 'nothing bounds it: priced at the assumed steps and flagged');
    assert.deepEqual(loops[0].stepSites, [{ path: 'assistant/llm.py', line: 21 }]);
    const step = file(r, 'assistant/llm.py').calls.find((c) => c.line === 21);
    assert.ok(step?.stepOf, 'the request is priced as a step of the loop');
  });

  it('takes none of the traps: a REPL reading input(), a server loop reading a websocket, attempts around whole runs, a stream reader, a retry', () => {
    const loopsIn = (path: string) => r.files.find((f) => f.path === path)?.agentLoops.map((l) => l.line) ?? [];
    assert.deepEqual(loopsIn('server/app.py'), [], 'REPL (:9), attempts (:21) and websocket loop (:34) are loops of tasks');
    assert.deepEqual(loopsIn('assistant/stream.py'), [], 'reading the chunks of one response');
    assert.deepEqual(loopsIn('assistant/llm.py'), [], 'retrying one request');
    assert.equal(r.totals.agentLoops, 1);
  });

  it('the editor finds the same loop as the scan', async () => {
    const dir = join(REPOS, 'loops-param-graph');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'assistant', 'respond.py'), 'utf8');
    const edited = await analyzeText(text, 'assistant/respond.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.deepEqual(edited.agentLoops, file(r, 'assistant/respond.py').agentLoops);
  });

  it('an edit redoes the edges through parameters that it can change: cutting the held function loses the loop, restoring it brings it back', async () => {
    const dir = join(REPOS, 'loops-param-graph');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const env = { catalog, assumptions: DEFAULT_ASSUMPTIONS };
    const respond = readFileSync(join(dir, 'assistant', 'respond.py'), 'utf8');
    const llm = readFileSync(join(dir, 'assistant', 'llm.py'), 'utf8');
    const loopsOfRespond = async (): Promise<number> => (await analyzeText(respond, 'assistant/respond.py', 'python', env, workspace)).agentLoops.length;
    assert.equal(await loopsOfRespond(), 1, 'the loop through stream_reply → model.completions');
    // llm.py holds another function: stream.py's call through its parameter must be redone though stream.py did not change.
    const cut = llm.replace('self.completions = send_completion', 'self.completions = print');
    assert.notEqual(cut, llm);
    await analyzeText(cut, 'assistant/llm.py', 'python', env, workspace);
    assert.equal(await loopsOfRespond(), 0, 'no request is reached any more');
    await analyzeText(llm, 'assistant/llm.py', 'python', env, workspace);
    assert.equal(await loopsOfRespond(), 1, 'and the loop is back');
    assert.deepEqual((await analyzeText(respond, 'assistant/respond.py', 'python', env, workspace)).agentLoops, file(r, 'assistant/respond.py').agentLoops);
  });
});

describe('loops: a loop run inside each step of another is a step of that task, not a task of its own', () => {
  it('names each loop run inside another\'s steps with its distance; a loop whose way only passes beside it has none', () => {
    const requery = { path: 'agent.py', fn: fn('Agent.forward_with_handling', ['h']), loop: loop(24, 29), reached: { through: [] } };
    const run = { path: 'agent.py', fn: fn('Agent.run', []), loop: loop(39, 40), reached: { through: [{ fn: 'agent.py#Agent.forward_with_handling', line: 26, hops: 2 }, { fn: 'agent.py#Agent.step', line: 33, hops: 1 }] } };
    const retry = { path: 'retry.py', fn: fn('Retry.run', []), loop: loop(5, 9), reached: { through: [{ fn: 'agent.py#Agent.forward_with_handling', line: 26, hops: 4 }, { fn: 'agent.py#Agent.step', line: 33, hops: 3 }] } };
    const beside = { path: 'other.py', fn: fn('poll', []), loop: loop(3, 4), reached: { through: [{ fn: 'agent.py#Agent.forward_with_handling', line: 30, hops: 1 }] } };
    const spans = (path: string) => (path === 'agent.py' ? [{ path, line: 24, endLine: 29 }, { path, line: 39, endLine: 40 }] : []);
    const inner = innerLoopsOf([requery, run, retry, beside], spans);
    assert.deepEqual(inner.get(run), [{ path: 'agent.py', line: 24, hops: 2 }]);
    assert.deepEqual(inner.get(retry), [{ path: 'agent.py', line: 24, hops: 4 }], 'the index prices it in the nearer run loop');
    assert.equal(inner.get(beside), undefined, 'line 30 is after the requery loop');
    assert.equal(inner.get(requery), undefined);
  });

  it('a requery loop (at most 3 asks) inside each step of a run loop is priced in the run, not billed again with its own traffic', async () => {
    const r = await scan('loops-typed-dispatch');
    const f = file(r, 'agent/agent.py');
    const requery = f.agentLoops.find((l) => l.line === 24);
    const run = f.agentLoops.find((l) => l.line === 39);
    assert.ok(requery && run, `both loops reported (have ${f.agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(requery.stepOf, run.id, 'the requery loop is a step of the run loop');
    assert.equal(run.stepOf, undefined);
    assert.equal(run.costPerTask.kind, 'priced');
    assert.equal(f.monthlyCost.kind, 'priced');
    const perMonth = (run.costPerTask.kind === 'priced' ? run.costPerTask.usd : NaN) * run.workload.callsPerDay * 30;
    assert.ok(Math.abs((f.monthlyCost.kind === 'priced' ? f.monthlyCost.usd : NaN) - perMonth) < 1e-9 * Math.max(1, perMonth), 'the file bills the run loop only');
    const sites = siteCosts(f, r.assumptions).filter((s) => s.kind === 'loop');
    assert.deepEqual(sites.map((s) => s.line), [39], 'the totals count one task site');
  });
});
