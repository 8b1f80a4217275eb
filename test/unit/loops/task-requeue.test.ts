/**
 * A queued task that re-enqueues itself is an agent loop (repo/requeue-loops.ts): each job runs one pass (a request
 * reached through the repository's functions) and puts the next job on the queue — Celery's `apply_async`/`delay`,
 * RQ's `enqueue`. The bound is the test that leaves before the enqueue once a count reaches a limit, in the function
 * or in a helper it calls, the limit read from the code or, where only the UI sets it, from the UI's default.
 * Traps: a task enqueued once from elsewhere, a job that enqueues another function once.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import type { ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from '../repo/fixture-scan';

describe('loops: tasks that re-enqueue themselves', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-task-requeue');
  });

  it('Celery: a step that re-enqueues its task through the worker module is a loop of 30 passes, the UI’s max_iterations default', () => {
    const loop = file(r, 'app/executor.py').agentLoops.find((l) => l.line === 7);
    assert.ok(loop, `next_step found (have ${file(r, 'app/executor.py').agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.endLine, 17);
    assert.equal(loop.bounded, true);
    assert.equal(loop.maxSteps, 30);
    assert.equal(loop.rule, 'task-requeue');
    assert.deepEqual(loop.stepSites, [{ path: 'app/llm.py', line: 7 }]);
    assert.deepEqual(loop.boundAt, { path: 'web/AgentForm.jsx', line: 5 }, 'the limit is the form’s initial value');
  });

  it('RQ: a job enqueuing itself with the round + 1 until MAX_ROUNDS runs 6 rounds', () => {
    const loop = file(r, 'app/critique.py').agentLoops.find((l) => l.line === 11);
    assert.ok(loop, 'critique_round found');
    assert.equal(loop.maxSteps, 6);
    assert.deepEqual(loop.boundAt, { path: 'app/critique.py', line: 6 });
  });

  it('traps: a task enqueued once from the API, a job enqueuing another function once', () => {
    for (const path of ['app/api.py', 'app/worker.py', 'app/summary.py']) {
      const f = r.files.find((x) => x.path === path);
      assert.deepEqual(f?.agentLoops.map((l) => l.line) ?? [], [], path);
    }
    assert.ok(!file(r, 'app/critique.py').agentLoops.some((l) => l.line === 20), 'publish_later enqueues the critique once');
  });

  it('the editor reports the same loop for the open file as the scan', async () => {
    const dir = join(REPOS, 'loops-task-requeue');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'app', 'executor.py'), 'utf8');
    const edited = await analyzeText(text, 'app/executor.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    const shape = (l: { line: number; maxSteps: number; bounded: boolean; boundAt?: unknown }) => [l.line, l.maxSteps, l.bounded, l.boundAt];
    assert.deepEqual(edited.agentLoops.map(shape), file(r, 'app/executor.py').agentLoops.map(shape));
  });
});
