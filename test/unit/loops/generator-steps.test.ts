/**
 * A chat loop whose step is a generator of the repository's own (`for msg in step(log)` / `list(step(log))`), where
 * the step's request sits in a package that imports its backends under other names (`from .openai_backend import
 * stream as stream_openai`): the call graph follows the aliased names, so the loop reaches the request. A slash
 * command handled inside a helper only when one was typed (`if …: for out in handle(cmd)`) asks the user on some
 * passes only: the `for` header runs where the loop stands, under the `if`, so the loop is no REPL. Trap: a loop
 * whose every pass iterates a generator that reads the user's input first is a REPL.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: generator steps reaching a request through aliased imports', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-generator-steps');
  });

  it('the step loop reaches the backend request through the aliased import and is unbounded', () => {
    const loop = file(r, 'agent/chat.py').agentLoops.find((l) => l.line === 18);
    assert.ok(loop, `step loop found (have ${JSON.stringify(file(r, 'agent/chat.py').agentLoops.map((l) => l.line))})`);
    assert.equal(loop.bounded, false);
    assert.ok(loop.stepSites?.every((s) => s.path === 'agent/llm/openai_backend.py'), JSON.stringify(loop.stepSites));
  });

  it('trap: a loop that reads the user through a generator on every pass is a REPL', () => {
    const chat = r.files.find((f) => f.path === 'agent/chat.py');
    assert.ok(!chat?.agentLoops.some((l) => l.line === 29), 'repl() is interactive');
  });
});
