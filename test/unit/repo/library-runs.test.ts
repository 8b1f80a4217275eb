import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('requests through well-known library objects (Python)', () => {
  it("a method that sends on an aider Coder built in another file is the call site, on the model of the branch the CLI default takes", async () => {
    const r = await scan('py-library-runs');
    const steps = file(r, 'app/steps.py');
    // coder.run(…) twice (the coder is a parameter filled by launch.py); subprocess.run and Job.run are no requests.
    assert.deepEqual(steps.calls.map((c) => c.line).sort((a, b) => a - b), [16, 18]);
    for (const c of steps.calls) {
      assert.equal(c.role, undefined, `line ${c.line} is billed`);
      // --model defaults to claude-3-5-sonnet-20240620 (read through parse_arguments()), which takes the else
      // branch: Model(model). The first assignment (deepseek) is on a branch the default does not take.
      assert.match(c.modelResolved ?? '', /^claude-3-5-sonnet/, `line ${c.line}`);
      assert.deepEqual(c.modelSource?.at, { path: 'app/launch.py', line: 11 });
    }
  });

  it('the builder is a binding: nothing is reported where the Coder and its Model are built', async () => {
    const r = await scan('py-library-runs');
    const launch = r.files.find((f) => f.path === 'app/launch.py');
    assert.deepEqual(launch?.calls.map((c) => c.line) ?? [], []);
  });

  it("a LlamaIndex LLM's complete() is a request on its model; an object of the repository's own package of the same name is not", async () => {
    const r = await scan('py-library-runs');
    const calls = file(r, 'app/summarize.py').calls;
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[9, 'gpt-4o-mini']]);
  });

  it("a request on a branch of a wrapper switching on the model it is given is priced on the callers' model that takes that branch", async () => {
    const r = await scan('py-library-runs');
    const calls = file(r, 'app/llm.py').calls;
    // The claude branch (line 7; the gpt branch is its alternative): review() passes gpt-4o first, which this
    // branch never sends; ideas() passes the Claude model, the one it runs on.
    const site = calls.find((c) => c.line === 7);
    assert.ok(site, JSON.stringify(calls.map((c) => c.line)));
    assert.match(site.modelResolved ?? '', /^claude-3-5-sonnet/);
    assert.deepEqual(site.modelSource?.at, { path: 'app/review.py', line: 12 });
  });
});

describe('camel ChatAgent requests (Python)', () => {
  it("step/astep on a ChatAgent held in self are requests: the model from ModelFactory.create's model_type, else unresolved; a tracker's step is none", async () => {
    const r = await scan('py-library-runs');
    const calls = file(r, 'society/pair.py').calls;
    // 20 planner.step (model from **kwargs: unknown), 22 critic.step (gpt-4o-mini), 25 planner.astep; 21 Tracker.step is the repository's own.
    assert.deepEqual(calls.map((c) => c.line).sort((a, b) => a - b), [20, 22, 25]);
    assert.equal(calls.find((c) => c.line === 22)?.modelResolved, 'gpt-4o-mini');
    assert.ok(calls.every((c) => c.framework === 'camel'));
  });
});
