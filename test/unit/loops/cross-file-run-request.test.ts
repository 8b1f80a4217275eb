import * as assert from 'node:assert/strict';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { file, scan } from '../repo/fixture-scan';

describe('loops: the request of an Agents SDK run of an agent defined in another file', () => {
  it('the run is a request at its line, on the agent’s model (found where the agent is defined), priced as its loop’s task and not billed again', async () => {
    const r = await scan('agent-run-request');
    const api = file(r, 'support/api.py');
    const requests = api.calls.filter((c) => c.role === undefined);
    assert.deepEqual(
      requests.map((c) => [c.line, c.framework, c.modelResolved]),
      [[7, 'openai-agents', 'gpt-4.1-mini']],
      'the run of billing_agent; the run of a parameter is left alone',
    );
    assert.deepEqual(requests[0].modelSource?.at, { path: 'support/team.py', line: 3 });
    assert.equal(requests[0].stepOf, api.agentLoops[0].id, 'priced in the run’s loop');
    assert.deepEqual(
      api.agentLoops.map((l) => [l.line, l.maxSteps]),
      [[7, 4]],
    );
    const monthly = api.monthlyCost.kind === 'priced' ? api.monthlyCost.usd : NaN;
    const task = api.agentLoops[0].costPerTask.kind === 'priced' ? api.agentLoops[0].costPerTask.usd : NaN;
    const tasks = DEFAULT_ASSUMPTIONS.callsPerDay * 30;
    assert.ok(Math.abs(monthly - task * tasks) < 0.01, `the file's month is its loop's tasks only (${monthly} vs ${task} × ${tasks})`);
  });
});
