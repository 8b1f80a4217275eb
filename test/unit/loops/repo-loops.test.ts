import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { AgentLoopReport, FileReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');
const catalog = getBundledCatalog();

function scan(name: string): Promise<ScanResult> {
  const dir = join(REPOS, name);
  return scanPaths([dir], { catalog, assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
}

function loopsOf(r: ScanResult, path: string): readonly AgentLoopReport[] {
  const f: FileReport | undefined = r.files.find((x) => x.path === path);
  return f?.agentLoops ?? [];
}

describe('loops: agent loops found through the repository call graph', () => {
  let typed: ScanResult;
  before(async () => {
    typed = await scan('loops-typed-dispatch');
  });

  it('a while loop reaching the model three calls away, through a parameter typed as a base class, is bounded by the cost limit a subclass checks', () => {
    const run = loopsOf(typed, 'agent/agent.py').find((l) => l.line === 39);
    assert.ok(run, `the run loop is found (have ${loopsOf(typed, 'agent/agent.py').map((l) => l.line).join(', ')})`);
    assert.equal(run.bounded, true);
    assert.equal(run.boundKind, 'cost-limit');
    // The limit is the config class's field default, read through the attribute's annotation.
    assert.deepEqual(run.boundAt, { path: 'agent/config.py', line: 6 });
    assert.deepEqual(run.stepSites, [{ path: 'agent/models.py', line: 28 }]);
    const step = typed.files.find((f) => f.path === 'agent/models.py')!.calls.find((c) => c.line === 28)!;
    assert.equal(step.costPerCall.kind, 'priced');
    // Each step resends the growing context: the $2 limit is spent in fewer steps than $2 ÷ the first step's cost.
    const firstStep = step.costPerCall.kind === 'priced' ? step.costPerCall.usd : NaN;
    assert.ok(run.maxSteps > 1 && run.maxSteps < Math.floor(2.0 / firstStep), `${run.maxSteps} steps`);
    assert.equal(run.costPerTask.kind, 'priced');
    assert.ok(run.costPerTask.kind === 'priced' && run.costPerTask.usd <= 2.0 && run.costPerTask.usd > 1.5, JSON.stringify(run.costPerTask));
  });

  it('a requery loop that asks again on the repository\'s own parse error is an agent loop bounded by its parameter default', () => {
    const requery = loopsOf(typed, 'agent/agent.py').find((l) => l.line === 24);
    assert.ok(requery, 'the requery loop is found');
    assert.deepEqual([requery.bounded, requery.maxSteps, requery.boundKind], [true, 3, 'parameter']);
    assert.deepEqual(requery.boundAt, { path: 'agent/agent.py', line: 7 });
  });

  it('a retry with back-off and samples of one request are not agent loops', () => {
    assert.deepEqual(loopsOf(typed, 'agent/tools.py'), []);
  });
});

describe('loops: bounds counted from the code', () => {
  it('a guard after the request lets the last pass send it: max_reflections = 3 is 4 requests; a REPL reading input is not a loop', async () => {
    const r = await scan('loops-reflection');
    const loops = loopsOf(r, 'app/editor.py');
    assert.deepEqual(
      loops.map((l) => [l.line, l.bounded, l.maxSteps, l.boundKind]),
      [[23, true, 4, 'parameter']],
    );
    assert.deepEqual(loops[0].boundAt, { path: 'app/editor.py', line: 6 });
    assert.deepEqual(loops[0].stepSites, [{ path: 'app/llm.py', line: 9 }]);
  });

  it('a conversation over turns calling module instances (__call__ → forward) is bounded by its turn parameter default', async () => {
    const r = await scan('loops-module-call');
    const loops = loopsOf(r, 'research/conversation.py');
    assert.equal(loops.length, 1);
    assert.deepEqual([loops[0].line, loops[0].bounded, loops[0].maxSteps], [12, true, 3]);
    assert.deepEqual(loops[0].boundAt, { path: 'research/conversation.py', line: 19 });
  });
});

describe('loops: an Agents SDK agent run from another file', () => {
  it('the run is the task (framework default turns); the agent and its handoff targets are steps of it, not tasks of their own', async () => {
    const r = await scan('loops-agent-run');
    const runs = loopsOf(r, 'app/server.py');
    assert.deepEqual(
      runs.map((l) => [l.line, l.framework, l.bounded, l.maxSteps, l.stepsFrom]),
      [[12, 'openai-agents', true, 10, 'framework-default']],
    );
    assert.deepEqual(runs[0].stepSites?.map((s) => s.line).sort((a, b) => a - b), [12, 19]);
    assert.deepEqual(loopsOf(r, 'app/agents.py'), [], 'the definitions are not loops of their own');
    const definitions = r.files.find((f) => f.path === 'app/agents.py')!.calls;
    assert.ok(definitions.every((c) => c.role === 'binding' && c.stepOf === 'app/server.py#l12.0'), JSON.stringify(definitions.map((c) => [c.line, c.role, c.stepOf])));
    assert.equal(r.totals.agentLoops, 1);
  });
});
