import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { file, REPOS, scan } from './fixture-scan';

describe("requests through the repository's own chat-model type (TypeScript)", () => {
  it('a method called on a value typed with the abstract class whose subclasses send the request is a call site', async () => {
    const r = await scan('typed-chat-model');
    const answer = file(r, 'src/agents/answer.ts');
    const lines = answer.calls.map((c) => c.line).sort((a, b) => a - b);
    // input.config.llm (through two type aliases), llm: ChatModel<any> (a parameter), and input.llm in a function
    // typed only by the object it is a property of (`run: async (input) => …` in `const titleStep: Step`).
    assert.deepEqual(lines, [7, 13, 19]);
    for (const c of answer.calls) {
      assert.equal(c.role, undefined, `line ${c.line} is billed`);
      assert.ok(c.promptIds.length > 0, `line ${c.line} sends the message written in place`);
    }
    // Its model is followed like any handed-in model: the instance the caller passes (src/main.ts).
    const rewrite = answer.calls.find((c) => c.line === 13)!;
    assert.equal(rewrite.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(rewrite.modelSource?.at, { path: 'src/main.ts', line: 4 });
    // The SDK request inside the subclass is its implementation: listed, billed at the call sites above.
    const impl = file(r, 'src/models/openai.ts').calls;
    assert.equal(impl.length, 1);
    assert.equal(impl[0].role, 'implementation');
  });

  it('traps: methods named like a request on other typed values of the repository stay out', async () => {
    const r = await scan('typed-chat-model');
    const answer = file(r, 'src/agents/answer.ts');
    // input.store.generate(…) (a class of the repository holding no request) and input.notifier.chat(…) (an
    // interface nothing implementing sends a request) are not calls.
    assert.ok(!answer.calls.some((c) => c.line === 5 || c.line === 6), answer.calls.map((c) => `${c.line} ${c.framework}`).join(', '));
  });

  it('trap: a call on a concrete class whose own method sends the request is a use of that request, not a second site', async () => {
    const r = await scan('typed-chat-model');
    // this.caller.generateText(…) on a field typed StructuredCaller: the class has no subclasses, its method holds
    // the request itself; billing the caller too would count the one request twice.
    assert.deepEqual(file(r, 'src/wrappers/planner.ts').calls.filter((c) => c.role === undefined).map((c) => c.line), []);
    const inside = file(r, 'src/wrappers/structured.ts').calls;
    assert.deepEqual(inside.map((c) => [c.line, c.role]), [[8, undefined]], 'the request inside the wrapper is the billed site');
  });

  it('one file alone cannot tell a chat-model type from any other: it reports no call for it', async () => {
    const path = 'src/agents/answer.ts';
    const d = await detectFile(readFileSync(join(REPOS, 'typed-chat-model', path), 'utf8'), path);
    assert.deepEqual(d.calls, []);
    const typed = d.facts?.typedCalls ?? [];
    assert.deepEqual(
      typed.map((c) => `${c.line} ${c.receiverType?.type} ${c.receiverType?.path.join('.')}`),
      ['5 AgentInput store', '6 AgentInput notifier', '7 AgentInput config.llm', '13 ChatModel ', '19 Step run#0.config.llm'],
    );
  });
});
