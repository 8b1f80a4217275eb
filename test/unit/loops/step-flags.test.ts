/**
 * A loop bounded by the flag its step returns (repo/extract-py-flags.ts, step-flags.ts): `while True` over
 * `obs, done = self.step()` leaving on `if done: break`, where `step` raises `self.tries` once per call and returns
 * `done = self.tries >= self.max_tries or success`. Look-alikes: a step whose flag needs the cap AND the model's
 * verdict (`and`: the cap alone does not stop it), and a step that never raises the counter it compares.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const SRC = `from openai import OpenAI

client = OpenAI()


class Rollout:
    def __init__(self, max_tries: int = 4):
        self.max_tries = max_tries
        self.tries = -1
        self.messages = []

    def reset(self, task):
        self.tries = 0
        self.messages = [{"role": "user", "content": task}]

    def step(self):
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=self.messages)
        answer = reply.choices[0].message.content
        self.messages = self.messages + [{"role": "assistant", "content": answer}]
        success = "DONE" in answer
        self.tries += 1
        done = self.tries >= self.max_tries or success
        return self.messages, 0, done

    def rollout(self, task):
        self.reset(task)
        while True:
            messages, reward, done = self.step()
            if done:
                break
        return messages

    def run_until(self, task):
        self.reset(task)
        finished = False
        while not finished:
            finished = self.check()
        return self.messages

    def check(self):
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=self.messages)
        answer = reply.choices[0].message.content
        self.messages = self.messages + [{"role": "assistant", "content": answer}]
        self.tries += 1
        return self.tries > 2 and "DONE" in answer

    def patient(self, task):
        self.reset(task)
        while True:
            ok = self.stuck()
            if ok:
                break
        return self.messages

    def stuck(self):
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=self.messages)
        answer = reply.choices[0].message.content
        self.messages = self.messages + [{"role": "assistant", "content": answer}]
        return self.tries >= self.max_tries
`;

describe('loops: a loop bounded by the flag its step returns', () => {
  it('while True over `…, done = self.step()` is bounded by the step\'s counter and cap (4 passes)', async () => {
    const r = await scanTree({ 'agent/rollout.py': SRC });
    const loop = file(r, 'agent/rollout.py').agentLoops.find((l) => l.line === 27);
    assert.ok(loop, 'the rollout loop is reported');
    assert.equal(loop.bounded, true);
    assert.equal(loop.maxSteps, 4);
  });

  it('look-alikes: a flag needing the cap and the verdict, and a counter the step never raises, give no bound', async () => {
    const r = await scanTree({ 'agent/rollout.py': SRC });
    const loops = file(r, 'agent/rollout.py').agentLoops;
    for (const line of [36, 49]) {
      const loop = loops.find((l) => l.line === line);
      assert.ok(loop, `the loop at ${line} is reported`);
      assert.equal(loop.bounded, false, `the loop at ${line} is not bounded by the step's flag`);
    }
  });
});
