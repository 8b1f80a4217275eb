/**
 * A cycle whose step runs a callable the engine hands down two constructors (ChatDev's
 * `CycleExecutionStrategy(execute_node_func=self._execute_node)` → `CycleExecutor(execute_node_func=self.execute_node_func)`
 * → `self.execute_node_func(node)` in the cycle's `while iteration < max_iterations`): calling the attribute runs
 * what the constructors' callers passed (repo/held-callables.ts), so the loop reaches the node's request.
 * (The middle file passes the detection gate by its `messages` import, as ChatDev's execution_strategy.py does.)
 * Traps: a progress callback held the same way that sends nothing; a poll of a held status function.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const GRAPH = `from openai import OpenAI
from app.strategy import CycleStrategy

client = OpenAI()


class AgentExecutor:
    def execute(self, node, inputs):
        resp = client.chat.completions.create(model="gpt-4o", messages=inputs)
        return [resp.choices[0].message.content]


class GraphExecutor:
    def __init__(self):
        self.agent = AgentExecutor()

    def run(self):
        strategy = CycleStrategy(nodes=["a", "b"], execute_node_func=self._execute_node)
        strategy.run()

    def _execute_node(self, node):
        return self.agent.execute(node, [{"role": "user", "content": node}])
`;

const STRATEGY = `from app.cycle import CycleExecutor
from app.messages import Message


class CycleStrategy:
    def __init__(self, nodes, execute_node_func):
        self.nodes = nodes
        self.execute_node_func = execute_node_func

    def run(self):
        executor = CycleExecutor(nodes=self.nodes, execute_node_func=self.execute_node_func)
        executor.execute()
`;

const CYCLE = `class CycleExecutor:
    def __init__(self, nodes, execute_node_func, max_iterations=100):
        self.nodes = nodes
        self.execute_node_func = execute_node_func
        self.max_iterations = max_iterations

    def execute(self):
        iteration = 0
        while iteration < self.max_iterations:
            self._run_layer()
            if not self.retriggered():
                break
            iteration += 1

    def _run_layer(self):
        for node in self.nodes:
            self.execute_node_func(node)

    def retriggered(self):
        return False
`;

const TRAPS = `import time
from app.messages import Message


def report(step):
    print("step", step)


def status():
    return "running"


class Progress:
    def __init__(self, on_step):
        self.on_step = on_step

    def run(self, items):
        step = 0
        while step < 10:
            self.on_step(step)
            step += 1


class Poller:
    def __init__(self, check):
        self.check = check

    def wait(self):
        while self.check() != "done":
            time.sleep(1)


def main():
    Progress(on_step=report).run([1, 2])
    Poller(check=status).wait()
`;

describe('loops: a step run through a callable held as an attribute, handed down constructors', () => {
  it('the cycle reaches the node’s request through two constructors; held callbacks that send nothing are no loops', async () => {
    const r = await scanTree({ 'app/graph.py': GRAPH, 'app/strategy.py': STRATEGY, 'app/cycle.py': CYCLE, 'app/traps.py': TRAPS });
    const loops = file(r, 'app/cycle.py').agentLoops.map((l) => [l.line, l.bounded, l.maxSteps]);
    assert.deepEqual(loops, [[9, true, 100]]);
    assert.deepEqual(file(r, 'app/cycle.py').agentLoops[0].stepSites, [{ path: 'app/graph.py', line: 9 }]);
    assert.deepEqual(r.files.find((f) => f.path === 'app/traps.py')?.agentLoops ?? [], []);
    assert.equal(r.files.reduce((n, f) => n + f.agentLoops.length, 0), 1);
  });
});
