/**
 * A client base class whose `__call__` holds the retry loop and leaves the request to each provider's subclass
 * (`self._send(convo)` where the base's `_send` only raises NotImplementedError): the loop reaches the
 * subclasses' requests (repo/self-dispatch.ts), re-asks with feedback because `convo.user(…)` appends to the
 * conversation through the repository's own method (repo/mutating-methods.ts), and is bounded by a countdown
 * (`remaining = max_retries; remaining -= 1; if remaining == 0: raise`, repo/loop-bound.ts).
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: a base class calling its own stub method that subclasses override', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-self-dispatch');
  });

  it('finds the retry-with-feedback loop of __call__, stepping through the subclass request, 3 passes from the countdown', () => {
    const llm = file(r, 'app/llm.py');
    const loop = llm.agentLoops.find((l) => l.line === 32);
    assert.ok(loop, `loop of __call__ found (have ${llm.agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.maxSteps, 3, 'max_retries = 3, lowered once a pass, checked against 0 before the request');
    assert.equal(loop.boundKind, 'parameter');
    assert.ok(llm.calls.some((c) => c.line === 56), 'the subclass request is a site');
    assert.deepEqual(loop.stepSites, [{ path: 'app/llm.py', line: 56 }], JSON.stringify(loop.stepSites));
  });

  it('a countdown in the head (`while rounds_left > 0`, lowered before the request) gives its start', () => {
    const loop = file(r, 'app/countdown.py').agentLoops.find((l) => l.line === 9);
    assert.ok(loop, 'countdown loop found');
    assert.equal(loop.maxSteps, 2);
  });

  it('traps: a loop over a stub whose overrides send nothing, and samples of an unchanged conversation', () => {
    const llm = file(r, 'app/llm.py');
    assert.ok(!llm.agentLoops.some((l) => l.line === 48), 'describe_all reaches no request');
    const samples = r.files.find((f) => f.path === 'app/samples.py');
    assert.deepEqual(samples?.agentLoops ?? [], [], '`convo.preview()` reads the conversation and changes nothing: the same request n times');
  });
});
