/**
 * A loop whose step changes the object it is handed (repo/mutating-methods.ts, extract-py-flags.ts changedParams):
 * `while run.turns < self.max_turns: await self._turn(run)` where `_turn` hands `run` to `_ask`, which sends
 * `run.messages`, appends the answer and raises `run.turns`. Each pass sends a longer conversation: an agent loop,
 * not samples of one request. Look-alikes: a callee that only reads what it is given, and one that copies it first
 * (`req = dict(req); req["n"] = 1`): those loops still draw samples of one unchanged request.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const SRC = `from openai import AsyncOpenAI

client = AsyncOpenAI()


class Run:
    def __init__(self, question):
        self.messages = [{"role": "user", "content": question}]
        self.turns = 0


class Engine:
    def __init__(self, max_turns: int = 12):
        self.max_turns = max_turns

    async def _ask(self, run):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=run.messages)
        run.messages.append({"role": "assistant", "content": reply.choices[0].message.content})
        run.turns += 1

    async def _turn(self, run):
        await self._ask(run)

    async def execute(self, question):
        run = Run(question)
        while run.turns < self.max_turns:
            await self._turn(run)
        return run.messages

    async def _once(self, req):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=req["messages"])
        return reply.choices[0].message.content

    async def samples(self, req):
        outs = []
        for _ in range(5):
            outs.append(await self._once(req))
        return outs

    async def _copied(self, req):
        req = dict(req)
        req["temperature"] = 1
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=req["messages"])
        return reply.choices[0].message.content

    async def copies(self, req):
        outs = []
        for _ in range(5):
            outs.append(await self._copied(req))
        return outs
`;

describe('loops: an object the step changes through its parameter', () => {
  it('a loop handing `run` to a method that appends to run.messages is an agent loop, bounded by its header (12)', async () => {
    const r = await scanTree({ 'engine/engine.py': SRC });
    const loop = file(r, 'engine/engine.py').agentLoops.find((l) => l.line === 26);
    assert.ok(loop, 'the engine loop is reported');
    assert.equal(loop.maxSteps, 12);
  });

  it('look-alikes: a callee that only reads, or changes its own copy, leaves the loop samples of one request', async () => {
    const r = await scanTree({ 'engine/engine.py': SRC });
    const lines = file(r, 'engine/engine.py').agentLoops.map((l) => l.line);
    assert.ok(!lines.includes(36) && !lines.includes(48), `no loop among ${lines.join(', ')}`);
  });
});
