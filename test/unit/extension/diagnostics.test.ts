import * as assert from 'node:assert/strict';
import { diagnosticSpecs } from '../../../src/extension/diagnostics/specs';
import { analysed, ASSUMPTIONS, ONE_CALL, UNBOUNDED_LOOP } from './analysed';

describe('extension/diagnostics specs (core-built reports)', () => {
  it('keeps the report’s unbounded-loop warning, its figure and an anchor', async () => {
    const [d] = diagnosticSpecs(await analysed(UNBOUNDED_LOOP), {});
    assert.equal(d?.code, 'unbounded-loop');
    assert.equal(d?.message, 'This loop has no step bound: a task may run until the context overflows. Priced at an assumed 3 steps ($0.004 per task); up to $0.10 per task at 12 steps, the stated high of its range.');
    assert.equal(d?.anchor, 'diagnostic-unbounded-loop');
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.siteId, 'l5.3');
  });

  it('checks per-call, per-task and monthly budgets from settings; a loop’s step call only against the task budget', async () => {
    const call = diagnosticSpecs(await analysed(ONE_CALL), { perCallUsd: 0.0005, monthlyUsd: 0.1 });
    assert.deepEqual(call.map((s) => [s.code, s.siteId, s.message]), [
      ['over-budget-call', 'c7.10', '$0.00081 per call is over the per-call budget of $0.0005'],
      ['over-budget-monthly', 'c7.10', 'This file projects $0.24 a month, over the monthly budget of $0.10'],
    ]);
    const loop = diagnosticSpecs(await analysed(UNBOUNDED_LOOP), { perCallUsd: 0.0005, perTaskUsd: 0.001 });
    assert.deepEqual(loop.map((s) => [s.code, s.siteId]), [['unbounded-loop', 'l5.3'], ['over-budget-task', 'l5.3']]);
  });

  it('adds nothing within budget, and does not repeat a budget finding the report already made', async () => {
    assert.deepEqual(diagnosticSpecs(await analysed(ONE_CALL), { perCallUsd: 0.01 }), []);
    const flagged = await analysed(ONE_CALL, 'src/agent.ts', 'typescript', { ...ASSUMPTIONS, budgets: { perCallUsd: 0.0005 } });
    assert.equal(flagged.diagnostics.filter((d) => d.code === 'over-budget-call').length, 1, 'the core flagged it');
    assert.equal(diagnosticSpecs(flagged, { perCallUsd: 0.0005 }).filter((d) => d.code === 'over-budget-call').length, 1);
  });
});
