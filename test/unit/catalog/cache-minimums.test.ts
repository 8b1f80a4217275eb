import * as assert from 'node:assert/strict';
import { getBundledCatalog } from '../../../src/core/catalog/bundled';
import { findOffering, findProvider } from '../../../src/core/catalog';

describe('bundled catalog: per-model cache minimums', () => {
  const catalog = getBundledCatalog();
  const min = (id: string): number | undefined => findOffering(catalog, id)?.minCacheableTokens;

  it('carries the documented minimums that differ from the provider value', () => {
    assert.equal(min('anthropic/claude-haiku-4-5'), 4096);
    assert.equal(min('bedrock/claude-haiku-4-5'), 4096);
    assert.equal(min('anthropic/claude-3-5-haiku'), 2048);
    assert.equal(min('google/gemini-2.5-pro'), 2048);
    assert.equal(min('google/gemini-2.5-flash'), 2048);
  });

  it('leaves models that follow the provider minimum without an override', () => {
    assert.equal(min('anthropic/claude-sonnet-4-5'), undefined);
    assert.equal(min('openai/gpt-4o'), undefined);
    assert.equal(findProvider(catalog, 'anthropic')?.caching.minCacheableTokens, 1024);
  });

  it('every override names its source and is a positive whole number', () => {
    const overridden = catalog.offerings.filter((o) => o.minCacheableTokens !== undefined);
    assert.ok(overridden.length >= 10);
    for (const o of overridden) {
      assert.ok(Number.isInteger(o.minCacheableTokens) && o.minCacheableTokens! > 0, o.id);
      assert.match(o.minCacheableSource ?? '', /^https:\/\//, o.id);
    }
  });

  it('speed figures: at least 40 offerings, each with a source and date; notes mark estimates', () => {
    const withSpeed = catalog.offerings.filter((o) => o.speed);
    assert.ok(withSpeed.length >= 40, `${withSpeed.length}`);
    for (const o of withSpeed) {
      assert.match(o.speed!.source, /https?:\/\//, o.id);
      assert.match(o.speed!.asOf, /^\d{4}-\d{2}-\d{2}$/, o.id);
    }
    assert.match(findOffering(catalog, 'openai/gpt-5-mini')?.speed?.note ?? '', /estimate/);
  });
});
