import * as assert from 'node:assert/strict';
import { callLensTitle, instructionsLensTitle, lensSpecs, loopLensTitle } from '../../../src/extension/codelens/titles';
import { call, loop, priced, report, UNPRICED } from './sample-report';

describe('extension/codelens titles', () => {
  it('prices a call: cost, tokens in → out, latency', () => {
    assert.equal(callLensTitle(call()), '$0.0042/call · 1.8k in → 500 out · 2.1 s');
  });

  it('prices a bounded loop with steps, task cost, agent tax and duration', () => {
    assert.equal(loopLensTitle(loop()), '≤15 steps · $0.38/task · agent tax ×31.2 · ~48 s');
  });

  it('says when steps are assumed and where the context overflows', () => {
    const title = loopLensTitle(loop({ bounded: false, maxSteps: 25, stepsFrom: 'assumed', agentTax: 4.26, overflowStep: 19, latencyMs: undefined }));
    assert.equal(title, 'unbounded (assumed 25 steps) · $0.38/task · agent tax ×4.3 · overflows at step 19');
  });

  it('shows the steps a task is priced at beside a framework limit far above them', () => {
    const title = loopLensTitle(loop({ maxSteps: 25, stepsFrom: 'assumed', stepLimit: 500, latencyMs: undefined }));
    assert.equal(title, '~25 steps (limit 500) · $0.38/task · agent tax ×31.2');
  });

  it('never shows an unpriced call as $0', () => {
    assert.equal(callLensTitle(call({ costPerCall: UNPRICED, latencyMs: undefined })), 'unpriced/call · 1.8k in → 500 out');
  });

  it('prices an instruction file per request and per 100 requests', () => {
    const info = { tokensPerRequest: 1234, model: 'claude-sonnet-4-5', costPerRequest: priced(0.0037), costPer100Requests: priced(0.37) };
    assert.equal(instructionsLensTitle(info), '1,234 tokens/request · $0.37 per 100 requests on claude-sonnet-4-5');
  });

  it('puts one lens per loop and per call, skipping a call its loop already covers on the same line', () => {
    const specs = lensSpecs(report({ calls: [call(), call({ id: 'c2', line: 10 })], agentLoops: [loop()] }));
    assert.deepEqual(specs.map((s) => [s.line, s.siteId]), [[2, 'c1'], [10, 'l1']]);
  });
});
