import * as assert from 'node:assert/strict';
import { findSite, promptAt, sitesAt } from '../../../src/extension/analysis/sites';
import { parseCompareRequest } from '../../../src/extension/compare-request';
import { analysed, positionOf, UNBOUNDED_LOOP } from './analysed';

describe('extension/sites (core-built reports)', () => {
  it('finds the innermost site first: prompt, then call, then loop', async () => {
    const r = await analysed(UNBOUNDED_LOOP);
    const at = positionOf(UNBOUNDED_LOOP, 'You are an agent');
    assert.deepEqual(sitesAt(r, at.line, at.column).map((s) => s.kind), ['prompt', 'call', 'loop']);
    assert.equal(promptAt(r, at.line, at.column)?.id, 'p6.99');
    assert.equal(promptAt(r, at.line, 5), undefined, 'before the prompt starts');
    assert.deepEqual(sitesAt(r, 1, 1), []);
  });

  it('finds a site by id', async () => {
    const r = await analysed(UNBOUNDED_LOOP);
    assert.equal(findSite(r, 'l5.3')?.kind, 'loop');
    assert.equal(findSite(r, 'nope'), undefined);
  });

  it('accepts only small string ids as compare arguments', () => {
    assert.deepEqual(parseCompareRequest({ uri: 'file:///a.ts', siteId: 'p1', extra: 1 }), { uri: 'file:///a.ts', siteId: 'p1' });
    assert.deepEqual(parseCompareRequest({ uri: 42, siteId: 'x'.repeat(5000) }), {});
    assert.deepEqual(parseCompareRequest('file:///a.ts'), {});
  });
});
