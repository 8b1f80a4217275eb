import * as assert from 'node:assert/strict';
import { findSite, promptAt, sitesAt } from '../../../src/extension/analysis/sites';
import { parseCompareRequest } from '../../../src/extension/compare-request';
import { loop, report } from './sample-report';

describe('extension/sites', () => {
  const r = report({ agentLoops: [loop({ line: 1, endLine: 20 })] });

  it('finds the innermost site first: prompt, then call, then loop', () => {
    assert.deepEqual(sitesAt(r, 3, 20).map((s) => s.kind), ['prompt', 'call', 'loop']);
    assert.equal(promptAt(r, 3, 20)?.id, 'p1');
    assert.equal(promptAt(r, 3, 5), undefined, 'before the prompt starts');
    assert.deepEqual(sitesAt(r, 30, 1), []);
  });

  it('finds a site by id', () => {
    assert.equal(findSite(r, 'l1')?.kind, 'loop');
    assert.equal(findSite(r, 'nope'), undefined);
  });

  it('accepts only small string ids as compare arguments', () => {
    assert.deepEqual(parseCompareRequest({ uri: 'file:///a.ts', siteId: 'p1', extra: 1 }), { uri: 'file:///a.ts', siteId: 'p1' });
    assert.deepEqual(parseCompareRequest({ uri: 42, siteId: 'x'.repeat(5000) }), {});
    assert.deepEqual(parseCompareRequest('file:///a.ts'), {});
  });
});
