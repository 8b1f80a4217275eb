import * as assert from 'node:assert/strict';
import { applyOverrides, findOffering, findProvider, getBundledCatalog, offeringsForModel, resolveModel } from '../../../src/core/catalog';

const bundled = getBundledCatalog();

describe('catalog/applyOverrides', () => {
  it('nothing to apply: the same catalog object, no issue', () => {
    const result = applyOverrides(bundled, { customModels: [], priceOverrides: [] }, 'settings');
    assert.equal(result.catalog, bundled);
    assert.deepEqual(result.issues, []);
    assert.equal(applyOverrides(bundled, undefined, 'settings').catalog, bundled);
  });

  it('adds a custom model with its own provider; it resolves by id and alias and is priced as written', () => {
    const { catalog, issues } = applyOverrides(
      bundled,
      {
        customModels: [
          {
            id: 'acme-coder-v2',
            aliases: ['acme/coder'],
            tokenizer: 'llama3',
            contextWindow: 65536,
            offerings: [{ provider: 'acme-cloud', providerModelId: 'coder-2', input: 0.4, output: 1.6, ttftMs: 300, outputTokensPerSecond: 90 }],
            source: 'ACME contract 2026-10',
            asOf: '2026-10-01',
          },
        ],
      },
      '/w/tokenomics.json',
    );
    assert.deepEqual(issues, []);
    const r = resolveModel(catalog, 'acme/coder');
    assert.equal(r.kind, 'resolved');
    assert.equal(r.kind === 'resolved' && r.model.tokenizer, 'llama3');
    const offering = findOffering(catalog, 'acme-cloud/acme-coder-v2')!;
    assert.deepEqual(offering.prices, { input: 0.4, output: 1.6 }, 'no invented cache prices');
    assert.deepEqual(offering.speed, { ttftMs: 300, outputTokensPerSecond: 90, source: 'ACME contract 2026-10', asOf: '2026-10-01' });
    assert.equal(findProvider(catalog, 'acme-cloud')?.caching.mode, 'none');
    assert.equal(catalog.models.length, bundled.models.length + 1);
    assert.ok(catalog.source.endsWith('+ overrides from /w/tokenomics.json'));
    // the bundled catalog is untouched
    assert.equal(resolveModel(bundled, 'acme/coder').kind, 'unknown');
  });

  it('a custom model with no offering resolves but stays unpriced', () => {
    const { catalog } = applyOverrides(bundled, { customModels: [{ id: 'private-llm', contextWindow: 8192 }] }, 'settings');
    assert.equal(resolveModel(catalog, 'private-llm').kind, 'resolved');
    assert.deepEqual(offeringsForModel(catalog, 'private-llm'), []);
  });

  it('overrides prices of one provider’s offering; unnamed prices stay, tiers go', () => {
    const { catalog, issues } = applyOverrides(bundled, { priceOverrides: [{ model: 'claude-sonnet-4-5-20250929', provider: 'anthropic', input: 2.4, output: 12, source: 'enterprise agreement' }] }, 'settings');
    assert.deepEqual(issues, []);
    const o = findOffering(catalog, 'anthropic/claude-sonnet-4-5')!;
    assert.deepEqual(o.prices, { input: 2.4, cacheWrite: 3.75, cachedRead: 0.3, output: 12, cacheWrite1h: 6 });
    assert.equal(o.tiers, undefined);
    assert.equal(o.source, 'enterprise agreement');
    // Bedrock's offering of the same model keeps its price
    assert.equal(findOffering(catalog, 'bedrock/claude-sonnet-4-5')?.prices.input, 3);
  });

  it('without a provider, overrides every offering of the model', () => {
    const { catalog } = applyOverrides(bundled, { priceOverrides: [{ model: 'llama-3.3-70b', output: 0.5 }] }, 'settings');
    const count = offeringsForModel(bundled, 'llama-3.3-70b').length;
    assert.ok(count >= 3, `${count} offerings`);
    assert.deepEqual(offeringsForModel(catalog, 'llama-3.3-70b').map((o) => o.prices.output), Array<number>(count).fill(0.5));
  });

  it('a provider prefix in the model names the provider', () => {
    const { catalog } = applyOverrides(bundled, { priceOverrides: [{ model: 'groq/llama-3.3-70b', input: 0.1 }] }, 'settings');
    assert.equal(findOffering(catalog, 'groq/llama-3.3-70b')?.prices.input, 0.1);
    assert.equal(findOffering(catalog, 'together/llama-3.3-70b')?.prices.input, 0.88);
  });

  it('a new provider for a known model adds an offering', () => {
    const { catalog, issues } = applyOverrides(bundled, { priceOverrides: [{ model: 'gpt-4o', provider: 'azure-eu', input: 2.75, output: 11 }] }, 'settings');
    assert.deepEqual(issues, []);
    assert.deepEqual(findOffering(catalog, 'azure-eu/gpt-4o')?.prices, { input: 2.75, output: 11 });
  });

  it('an unknown model in priceOverrides names the nearest known model and is skipped', () => {
    const { catalog, issues } = applyOverrides(bundled, { priceOverrides: [{ model: 'claude-sonet-4-5', input: 1 }, { model: 'gpt-4o-mini', input: 0.1 }] }, 'tokenomics.json');
    assert.deepEqual(issues, [
      {
        origin: 'tokenomics.json',
        path: 'priceOverrides[0].model',
        message: "unknown model 'claude-sonet-4-5'; nearest known model: 'claude-sonnet-4-5'; override skipped (add it under customModels to price a new model)",
        severity: 'error',
      },
    ]);
    assert.equal(findOffering(catalog, 'openai/gpt-4o-mini')?.prices.input, 0.1, 'the valid entry still applies');
  });

  it('invalid entries are skipped with a message naming entry and field; unknown fields only warn', () => {
    const { catalog, issues } = applyOverrides(
      bundled,
      {
        customModels: [{ id: 'no-window' }, { id: 'ok', contextWindow: 4096, colour: 'blue' }, 42],
        priceOverrides: [{ model: 'gpt-4o', input: -1 }, { model: 'gpt-4o' }, { provider: 'openai', input: 1 }],
      },
      'settings',
    );
    assert.deepEqual(
      issues.map((i) => [i.path, i.severity, i.message]),
      [
        ['customModels[0]', 'error', "is missing the required field 'contextWindow'; entry skipped"],
        ['customModels[1].colour', 'warning', "unknown field 'colour'; ignored"],
        ['customModels[2]', 'error', 'must be an object, got 42; entry skipped'],
        ['priceOverrides[0].input', 'error', 'must be >= 0 (got -1); entry skipped'],
        ['priceOverrides[1]', 'error', 'sets no price or speed to override (input, output, cachedRead, cacheWrite, cacheWrite1h, batchDiscount, ttftMs, outputTokensPerSecond); entry skipped'],
        ['priceOverrides[2]', 'error', "is missing the required field 'model'; entry skipped"],
      ],
    );
    assert.equal(resolveModel(catalog, 'ok').kind, 'resolved');
    assert.equal(resolveModel(catalog, 'no-window').kind, 'unknown');
    assert.equal(findOffering(catalog, 'openai/gpt-4o')?.prices.input, 2.5);
  });

  it('an alias that already names another model is dropped with a warning', () => {
    const { catalog, issues } = applyOverrides(bundled, { customModels: [{ id: 'my-gpt', contextWindow: 1000, aliases: ['gpt-4o', 'mine'] }] }, 'settings');
    assert.deepEqual(issues.map((i) => i.message), ["alias 'gpt-4o' already names catalog model 'gpt-4o'; alias ignored"]);
    const r = resolveModel(catalog, 'gpt-4o');
    assert.equal(r.kind === 'resolved' && r.model.id, 'gpt-4o');
    assert.equal(resolveModel(catalog, 'mine').kind, 'resolved');
  });

  it('garbage in never throws', () => {
    for (const bad of [null, 'x', { customModels: 'x' }, { priceOverrides: [null, [], {}] }]) {
      assert.doesNotThrow(() => applyOverrides(bundled, bad as never, 'settings'));
    }
  });
});
