import * as assert from 'node:assert/strict';
import { diagnosticSpecs } from '../../../src/extension/diagnostics/specs';
import { call, loop, priced, report } from './sample-report';

describe('extension/diagnostics specs', () => {
  it('keeps report diagnostics, with an anchor per code and the cost at the assumed steps', () => {
    const r = report({
      agentLoops: [loop({ bounded: false, maxSteps: 25, stepsFrom: 'assumed' })],
      diagnostics: [{ line: 10, column: 1, endLine: 14, endColumn: 2, severity: 'warning', code: 'unbounded-loop', message: 'Agent loop has no step limit', siteId: 'l1' }],
    });
    const [d] = diagnosticSpecs(r, {});
    assert.equal(d?.message, 'Agent loop has no step limit ($0.38 per task at 25 assumed steps)');
    assert.equal(d?.anchor, 'diagnostic-unbounded-loop');
    assert.equal(d?.severity, 'warning');
  });

  it('names the overflow step when the message lacks it', () => {
    const r = report({
      agentLoops: [loop({ overflowStep: 19 })],
      diagnostics: [{ line: 10, column: 1, endLine: 14, endColumn: 2, severity: 'error', code: 'context-overflow', message: 'Context window overflows', siteId: 'l1' }],
    });
    assert.equal(diagnosticSpecs(r, {})[0]?.message, 'Context window overflows (at step 19)');
  });

  it('checks per-call, per-task and monthly budgets from settings', () => {
    const r = report({ calls: [call({ costPerCall: priced(0.02) })], agentLoops: [loop()], monthlyCost: priced(900) });
    const specs = diagnosticSpecs(r, { perCallUsd: 0.01, perTaskUsd: 0.25, monthlyUsd: 500 });
    assert.deepEqual(specs.map((s) => [s.code, s.siteId, s.severity]), [
      ['over-budget-call', 'c1', 'warning'],
      ['over-budget-task', 'l1', 'warning'],
      ['over-budget-monthly', 'l1', 'warning'],
    ]);
    assert.equal(specs[0]?.message, '$0.02 per call is over the per-call budget of $0.01');
    assert.equal(specs[2]?.message, 'This file projects $900 a month, over the monthly budget of $500');
  });

  it('adds nothing when within budget, and does not duplicate a budget finding the report already made', () => {
    assert.deepEqual(diagnosticSpecs(report(), { perCallUsd: 0.01 }), []);
    const r = report({
      calls: [call({ costPerCall: priced(0.02) })],
      diagnostics: [{ line: 2, column: 1, endLine: 5, endColumn: 3, severity: 'warning', code: 'over-budget-call', message: 'over', siteId: 'c1' }],
    });
    assert.equal(diagnosticSpecs(r, { perCallUsd: 0.01 }).length, 1);
  });
});
