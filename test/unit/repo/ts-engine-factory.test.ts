import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe("requests through a factory of the repository's own engine interface (TypeScript)", () => {
  it("engine.generateSummary(…) on the result of a factory declared to return the engine interface is a call site", async () => {
    const r = await scan('ts-engine-factory');
    const caller = file(r, 'src/lib/summarize.ts');
    // `const engine = pickEngine()`: pickEngine is declared `: SummaryEngine`, an interface whose implementations
    // (an arrow-function class property in one, a method in the other) send the request.
    assert.deepEqual(caller.calls.map((c) => [c.line, c.role]), [[6, undefined]]);
    // The SDK requests inside the engines are its implementation: listed, billed at the call site.
    for (const path of ['src/engines/openai.ts', 'src/engines/anthropic.ts']) {
      assert.deepEqual(file(r, path).calls.map((c) => c.role), ['implementation'], path);
    }
  });

  it('trap: a method named like a request on a factory result whose type nothing sends through stays out', async () => {
    const r = await scan('ts-engine-factory');
    // store.generateReport(…): openStore() is declared `: ChangeStore`, whose only implementation sends nothing.
    assert.ok(!file(r, 'src/lib/summarize.ts').calls.some((c) => c.line === 12));
  });
});
