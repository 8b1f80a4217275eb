/**
 * Recursions whose requests sit in helpers or feed the next level (repo/reduce-recursion.ts, recursion-loops.ts):
 * a condenser recursing with `iteration=iteration + 1` and raising past a module constant is bounded by it, its
 * requests two methods away; a tree summary calling itself on the summaries its requests made is unbounded (no level
 * count). Look-alikes: a walk passing each child on, and a recursion on a repacked input that no request feeds.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const SRC = `from openai import AsyncOpenAI

client = AsyncOpenAI()
MAX_CONDENSE_ITERATIONS = 2


async def gather_all(tasks):
    import asyncio
    return await asyncio.gather(*tasks)


class Condenser:
    def __init__(self, max_length: int = 1000):
        self.max_length = max_length

    async def _summarize(self, text):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
        return reply.choices[0].message.content

    async def _summary_left(self, history):
        return await self._summarize("\\n".join(history))

    async def condense(self, history, iteration: int = 0):
        if iteration > MAX_CONDENSE_ITERATIONS:
            raise ValueError("could not condense")
        summary = await self._summary_left(history[: len(history) // 2])
        history = [summary] + history[len(history) // 2 :]
        if sum(len(h) for h in history) > self.max_length:
            return await self.condense(history, iteration=iteration + 1)
        return history


class TreeSummarizer:
    async def summarize(self, query, chunks):
        if len(chunks) == 1:
            return chunks[0]
        tasks = [client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": query + c}]) for c in chunks]
        responses = await gather_all(tasks)
        summaries = [r.choices[0].message.content for r in responses]
        return await self.summarize(query, summaries)


class Walker:
    async def visit(self, node):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": node.text}])
        node.summary = reply.choices[0].message.content
        for child in node.children:
            await self.visit(child)

    async def shrink(self, query, chunks):
        reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": query}])
        if len(chunks) <= 1:
            return reply
        halves = chunks[: len(chunks) // 2]
        return await self.shrink(query, halves)
`;

describe('loops: recursions bounded by an iteration keyword, and tree reductions on their own answers', () => {
  it('the condenser is bounded by the module constant (3 levels); the tree summary is unbounded, priced at the assumed count', async () => {
    const r = await scanTree({ 'app/summaries.py': SRC });
    const loops = file(r, 'app/summaries.py').agentLoops.map((l) => [l.line, l.bounded, l.stepsFrom, l.rule]);
    assert.deepEqual(loops.filter((l) => l[0] === 23 || l[0] === 34), [
      [23, true, 'code', 'recursion'],
      [34, false, 'assumed', 'reduce-recursion'],
    ]);
    assert.equal(file(r, 'app/summaries.py').agentLoops.find((l) => l.line === 23)?.maxSteps, 3);
  });

  it('look-alikes: a walk passing each child on, and a recursion on a repacked input no request feeds, are no reductions', async () => {
    const r = await scanTree({ 'app/summaries.py': SRC });
    const rules = file(r, 'app/summaries.py').agentLoops.filter((l) => l.line > 44).map((l) => l.rule);
    assert.ok(!rules.includes('reduce-recursion'), `no reduction among ${rules.join(', ')}`);
  });
});
