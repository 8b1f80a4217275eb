import * as assert from 'node:assert/strict';
import { idleStatus, measuredStatus } from '../../../src/extension/statusbar/text';
import { priced, UNPRICED } from './sample-report';

describe('extension/statusbar text', () => {
  it('shows tokens and cost of what is measured', () => {
    const v = measuredStatus({ scope: 'selection', tokens: 1834, exact: true, price: priced(0.0042), model: 'gpt-4.1' });
    assert.equal(v.text, '$(symbol-number) 1.8k tokens · $0.0042');
    assert.equal(v.tooltip, 'Selection: 1,834 input tokens, $0.0042 per call on gpt-4.1. Click to pick the default model.');
  });

  it('marks approximations and unpriced models', () => {
    assert.equal(measuredStatus({ scope: 'prompt', tokens: 90, exact: false, price: UNPRICED, model: 'x' }).text, '$(symbol-number) ≈90 tokens · unpriced');
  });

  it('names the default model when idle', () => {
    assert.equal(idleStatus('gpt-4.1').text, '$(symbol-number) gpt-4.1');
  });
});
