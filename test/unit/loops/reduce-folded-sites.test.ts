/**
 * A tree summary whose one-chunk answer and per-chunk requests sit on exclusive branches of one method: detection
 * folds them into one site (the first branch's, site-groups.ts) with the per-chunk request as an alternative; that
 * alternative feeds the recursive call, so the method is a reduction loop (repo/reduce-recursion.ts). Look-alike: a
 * halving whose `else` sends a request whose answer is not passed on.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const SRC = `from openai import AsyncOpenAI

client = AsyncOpenAI()


async def gather_all(tasks):
    import asyncio
    return await asyncio.gather(*tasks)


class FoldedTree:
    def __init__(self, output_cls=None):
        self._output_cls = output_cls

    async def summarize(self, query, chunks):
        if len(chunks) == 1:
            if self._output_cls is None:
                reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": query + chunks[0]}])
            else:
                reply = await client.beta.chat.completions.parse(model="gpt-4o-mini", messages=[{"role": "user", "content": chunks[0]}], response_format=self._output_cls)
            return reply.choices[0].message.content
        else:
            if self._output_cls is None:
                tasks = [client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": c}]) for c in chunks]
            else:
                tasks = [client.beta.chat.completions.parse(model="gpt-4o-mini", messages=[{"role": "user", "content": c}], response_format=self._output_cls) for c in chunks]
            responses = await gather_all(tasks)
            summaries = [r.choices[0].message.content for r in responses]
            return await self.summarize(query, summaries)


class Halver:
    async def halve(self, query, chunks):
        if len(chunks) == 1:
            reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": query}])
            return reply
        else:
            await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "progress"}])
            halves = chunks[: len(chunks) // 2]
            return await self.halve(query, halves)
`;

describe('loops: a tree reduction whose per-chunk request is a folded alternative of the one-chunk answer', () => {
  it('the summary method is an unbounded reduction; the halving whose request feeds nothing is not', async () => {
    const r = await scanTree({ 'app/tree.py': SRC });
    const loops = file(r, 'app/tree.py').agentLoops.map((l) => [l.line, l.bounded, l.rule]);
    assert.deepEqual(loops.filter((l) => l[2] === 'reduce-recursion'), [[15, false, 'reduce-recursion']]);
    assert.ok(!loops.some((l) => l[0] === 33 && l[2] === 'reduce-recursion'), JSON.stringify(loops));
  });
});
