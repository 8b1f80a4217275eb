import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe("requests on a chat-model family object injected through a constructor (Python)", () => {
  it("self.x stored from a constructor parameter holds what the constructor's callers pass: a factory's object, handed on a second hop", async () => {
    const r = await scan('py-injected-family');
    // Planner(connect(), backend=build_backend(…)) → self.backend; Summarizer(self.backend) → self.engine (another name:
    // the data flow, not the name, links it).
    assert.deepEqual(file(r, 'app/planner.py').calls.map((c) => [c.line, c.role, c.rule]), [[13, undefined, 'py-family-injected']]);
    assert.deepEqual(file(r, 'app/summarizer.py').calls.map((c) => [c.line, c.role, c.rule]), [[8, undefined, 'py-family-injected']]);
    // The factory's pick depends on cfg["kind"], unknown here: no model of the code's, said so.
    const site = file(r, 'app/planner.py').calls[0];
    assert.notEqual(site.modelSource?.from, 'code', JSON.stringify(site.modelSource));
  });

  it('an Optional[Base] attribute of an abstract base with two working providers (one an SDK the table does not know) is a site', async () => {
    const r = await scan('py-injected-family');
    assert.deepEqual(file(r, 'app/search_tool.py').calls.map((c) => [c.line, c.rule]), [[13, 'py-chat-family']]);
    // The hosted provider's SDK request is the family's implementation: listed, not billed again.
    assert.deepEqual(file(r, 'backends/hosted.py').calls.map((c) => c.role), ['implementation']);
  });

  it('traps: an injected plain store with a method of the same name, an abstract base whose implementations send nothing, one provider beside a stand-in', async () => {
    const r = await scan('py-injected-family');
    // gallery.py: an abstract base with one provider and a stand-in (FakeVision calls something too, but is named a
    // stand-in): a wrapper, whose own request (vision.py:15) is the site.
    assert.deepEqual(file(r, 'backends/vision.py').calls.map((c) => [c.line, c.role]), [[15, undefined]]);
    for (const path of ['app/cache.py', 'app/reports.py', 'app/jobs.py', 'app/gallery.py']) {
      assert.deepEqual(r.files.find((f) => f.path === path)?.calls.map((c) => c.line) ?? [], [], path);
    }
  });
});
