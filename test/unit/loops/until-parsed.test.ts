/**
 * Retry-until-parsed loops (repo/until-parsed.ts): `while parsed is None and tries < n` around one request whose
 * answer is only parsed is a retry of that request, not an agent loop. Kept as agent loops: a loop that feeds the
 * parsed answer back into the next request, one that acts on it (runs a command), and one whose request is the
 * loop's own object's method (it builds the question from state the pass changes).
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from '../repo/fixture-scan';

const LLM = `from openai import OpenAI

client = OpenAI()


class Asker:
    def ask(self, question: str) -> str:
        reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
        return reply.choices[0].message.content
`;

const PLAN = `import json
import subprocess

from app.llm import Asker


def run_command(command):
    return subprocess.run(command, shell=True, capture_output=True).stdout


class Planner:
    def __init__(self):
        self.asker = Asker()
        self.notes = []

    def outline(self, topic):
        outline = None
        tries = 0
        while outline is None and tries < 3:
            answer = self.asker.ask(f"Outline {topic} as JSON")
            data = json.loads(answer)
            outline = data.get("outline")
            tries += 1
        return outline

    def solve(self, task):
        done = None
        tries = 0
        history = [task]
        while not done and tries < 5:
            answer = self.asker.ask("\\n".join(history))
            data = json.loads(answer)
            history.append(data.get("next"))
            done = data.get("final")
            tries += 1
        return done

    def act(self, goal):
        result = None
        tries = 0
        while result is None and tries < 4:
            command = self.asker.ask(f"{goal} (attempt {tries})")
            result = run_command(command)
            tries += 1
        return result

    def think(self):
        return self.asker.ask("\\n".join(self.notes))

    def reflect(self):
        verdict = None
        tries = 0
        while verdict is None and tries < 6:
            answer = self.think()
            verdict = json.loads(answer).get("verdict")
            tries += 1
        return verdict
`;

describe('loops: a retry until the answer parses is not an agent loop', () => {
  let r: ScanResult;
  before(async () => {
    r = await scanTree({ 'app/__init__.py': '', 'app/llm.py': LLM, 'app/plan.py': PLAN });
  });

  it('`while outline is None and tries < 3` around one request whose answer is parsed is a retry', () => {
    const lines = file(r, 'app/plan.py').agentLoops.map((l) => l.line);
    assert.ok(!lines.includes(19), `no agent loop at 19 (have ${lines.join(', ')})`);
  });

  it('a parse step does not hide an agent loop: the answer goes back into the next request (5 passes)', () => {
    const loop = file(r, 'app/plan.py').agentLoops.find((l) => l.line === 30);
    assert.ok(loop, 'the solve loop is an agent loop');
    assert.equal(loop.maxSteps, 5);
  });

  it('an answer acted on (a command run) and a request by the object’s own method keep their agent loops', () => {
    const lines = file(r, 'app/plan.py').agentLoops.map((l) => l.line);
    assert.ok(lines.includes(41), `the act loop is an agent loop (have ${lines.join(', ')})`);
    assert.ok(lines.includes(53), `the reflect loop is an agent loop (have ${lines.join(', ')})`);
  });
});
