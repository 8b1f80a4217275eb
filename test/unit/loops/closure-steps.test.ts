/**
 * A loop's step reached through a closure (repo/graph.ts, callable-params.ts, mutating-methods.ts): the method the
 * loop calls writes `async def _close(handler): await self._ask(messages)` and either calls it by name or hands it
 * to a helper (`await self._pipe(producer=_close)`) whose own closure calls `producer(handler)`. Either way each pass
 * sends the conversation `_ask` appends to: an agent loop, bounded here by its guard (`iteration >= 40`).
 * Look-alike: the closure is written but neither called nor handed on, so no pass reaches a request.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const engine = (inter: string): string => `import asyncio
from openai import AsyncOpenAI

client = AsyncOpenAI()


class Engine:
    def __init__(self, max_iterations: int = 40):
        self._max_iterations = max_iterations

    async def core(self, messages, iteration: int = 0):
        while True:
            if iteration >= self._max_iterations:
                return messages
            state = await self._inter(messages)
            iteration = state["iteration"]

    async def _pipe(self, producer):
        async def _wrapped(handler):
            await producer(handler)

        task = asyncio.create_task(_wrapped(handler=None))
        await task

    async def _inter(self, messages):
        async def _close(handler):
            await self._ask(messages)

        ${inter}
        return {"iteration": len(messages)}

    async def _ask(self, messages):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=messages)
        messages.append(reply.choices[0].message)
`;

describe('loops: a step reached through a closure', () => {
  for (const [how, inter] of [
    ['called by name', 'await _close(None)'],
    ['handed to a helper that calls it', 'await self._pipe(producer=_close)'],
  ]) {
    it(`the closure ${how}: the loop is an agent loop bounded at 40`, async () => {
      const r = await scanTree({ 'eng/engine.py': engine(inter) });
      const loop = file(r, 'eng/engine.py').agentLoops.find((l) => l.line === 12);
      assert.ok(loop, 'the loop is reported');
      assert.equal(loop.maxSteps, 40);
    });
  }

  it('look-alike: a closure written but never called or handed on reaches no request', async () => {
    const r = await scanTree({ 'eng/engine.py': engine('await self._pipe(producer=None)') });
    assert.equal(file(r, 'eng/engine.py').agentLoops.length, 0);
  });
});
