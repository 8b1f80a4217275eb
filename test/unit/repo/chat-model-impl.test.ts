import * as assert from 'node:assert/strict';
import { sumPrices } from '../../../src/core/cost';
import { callEstimate } from '../../../src/core/estimate/site';
import { siteCosts } from '../../../src/core/report/totals';
import { diagnosticSpecs } from '../../../src/extension/diagnostics/specs';
import { pricedSites } from '../../../src/extension/statusbar/pick';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { catalog, file, scan } from './fixture-scan';

describe("requests inside the repository's own chat-model classes", () => {
  it('are listed as the implementation, not billed: the invokes are the call sites, and the report and the hover agree', async () => {
    const r = await scan('chat-model-impl');
    const llm = file(r, 'app/llm.py');
    const inside = llm.calls.filter((c) => c.role === 'implementation');
    assert.deepEqual(inside.map((c) => c.line).sort((a, b) => a - b), [15, 25], 'both classes’ requests, the ones in a helper method of the class and in a function nested in a method included');
    assert.deepEqual(siteCosts(llm, DEFAULT_ASSUMPTIONS), [], 'no bill of their own in the report');
    assert.equal(pricedSites(llm), 0, "the status bar counts no site in the file's monthly figure either");
    assert.deepEqual(diagnosticSpecs(llm, { perCallUsd: 0 }).filter((d) => d.code === 'over-budget-call'), [], 'nor does the editor check them against the per-call budget');
    for (const c of inside) {
      const e = callEstimate(llm, c, catalog, DEFAULT_ASSUMPTIONS);
      assert.equal(e.monthly, undefined, 'the hover shows no monthly figure for it either');
      assert.equal(e.notBilled, 'implementation');
      assert.equal(c.costPerCall.kind, 'priced', 'still priced per call, on its own line');
    }
    const step = file(r, 'app/agent.py').calls.find((c) => c.line === 9);
    assert.ok(step && step.role === undefined, 'the invoke is a billed call site');
    assert.equal(step.modelResolved, 'gpt-4o-mini', "priced on the chat-model class's default");
    // Trap: a class that sends a request from a method nobody invokes as a chat model stays billed.
    const summary = file(r, 'app/report.py');
    assert.equal(summary.calls.length, 1);
    assert.equal(summary.calls[0].role, undefined);
    assert.equal(siteCosts(summary, DEFAULT_ASSUMPTIONS).length, 1);
    assert.equal(pricedSites(summary), 1);
    assert.equal(diagnosticSpecs(summary, { perCallUsd: 0 }).filter((d) => d.code === 'over-budget-call').length, 1);
    // The headline is the billed sites: the agent's invoke and the summarizer, not the classes' requests.
    const billed = r.files.flatMap((f) => siteCosts(f, r.assumptions));
    assert.deepEqual(billed.map((s) => `${s.path}:${s.line}`).sort(), ['app/agent.py:9', 'app/report.py:10']);
    assert.deepEqual(r.totals.monthlyCost, sumPrices(billed.map((s) => s.monthly)));
  });

  it('nothing is an implementation where no chat model is invoked in the repository', async () => {
    const r = await scan('chat-class-uninvoked');
    const calls = file(r, 'app/llm.py').calls;
    assert.ok(calls.length >= 2, `both requests reported (${calls.map((c) => c.line).join(', ')})`);
    assert.ok(calls.every((c) => c.role !== 'implementation'));
  });
});
