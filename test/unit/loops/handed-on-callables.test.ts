/**
 * A loop whose step hands a closure to a thread-pool helper that passes it on through its own parameter before
 * calling it (ChatDev's `self.parallel_executor.execute_items_parallel(layer, executor_func)` →
 * `self._execute_sequential_batch(items, executor_func)` → `executor_func(item)`, and `executor.submit(executor_func,
 * item)` for the rest). The helper's file names nothing of a model: it passes the detection gate as a thread-pool
 * helper (detect/index.ts THREAD_HINT), and the call of the parameter runs what the first caller passed
 * (repo/callable-params.ts, followed through the helper that hands it on).
 * Trap: the same helper handed a closure that sends nothing, in a loop of its own.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const POOL = `import concurrent.futures
from typing import Any, Callable, List


class ParallelRunner:
    def run_items(self, items: List[Any], executor_func: Callable) -> None:
        first, rest = items[:1], items[1:]
        self._run_sequential(first, executor_func)
        self._run_parallel(rest, executor_func)

    def _run_sequential(self, items, executor_func):
        for item in items:
            executor_func(item)

    def _run_parallel(self, items, executor_func):
        with concurrent.futures.ThreadPoolExecutor() as executor:
            futures = [executor.submit(executor_func, item) for item in items]
            for future in futures:
                future.result()
`;

const CYCLE = `from openai import OpenAI
from app.pool import ParallelRunner

client = OpenAI()


class Cycle:
    def __init__(self):
        self.runner = ParallelRunner()

    def run(self, task):
        def step(item):
            resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": item}])
            return resp.choices[0].message.content

        rounds = 0
        while rounds < 5:
            self.runner.run_items([task], step)
            rounds += 1


class Counter:
    def __init__(self):
        self.runner = ParallelRunner()
        self.total = 0

    def count(self, items):
        def tally(item):
            self.total += len(item)

        passes = 0
        while passes < 3:
            self.runner.run_items(items, tally)
            passes += 1
`;

describe('loops: a step handed to a thread-pool helper that passes the callable on before calling it', () => {
  it('the cycle reaches the closure’s request through the helper; the counting loop is no agent loop', async () => {
    const r = await scanTree({ 'app/pool.py': POOL, 'app/cycle.py': CYCLE });
    const loops = file(r, 'app/cycle.py').agentLoops.map((l) => [l.line, l.bounded, l.maxSteps]);
    assert.deepEqual(loops, [[17, true, 5]]);
  });
});
