import * as assert from 'node:assert/strict';
import { findModel, findProvider, getBundledCatalog, offeringsForModel, resolveModel } from '../../../src/core/catalog';
import type { ModelResolution } from '../../../src/core/catalog/types';

const catalog = getBundledCatalog();

function resolved(query: string): Extract<ModelResolution, { kind: 'resolved' }> {
  const r = resolveModel(catalog, query);
  assert.equal(r.kind, 'resolved', `'${query}' should resolve`);
  return r as Extract<ModelResolution, { kind: 'resolved' }>;
}

describe('catalog/resolveModel', () => {
  const cases: [query: string, model: string, provider: string | undefined][] = [
    // canonical ids
    ['gpt-4o', 'gpt-4o', undefined],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5', undefined],
    ['llama-3.3-70b', 'llama-3.3-70b', undefined],
    // case and whitespace
    ['  GPT-4o ', 'gpt-4o', undefined],
    // provider prefixes as SDKs and gateways write them
    ['openai/gpt-4o', 'gpt-4o', undefined],
    ['openai:gpt-4o', 'gpt-4o', undefined],
    ['openai:gpt-4.1-mini', 'gpt-4.1-mini', undefined],
    ['anthropic/claude-haiku-4-5', 'claude-haiku-4-5', undefined],
    ['anthropic:claude-opus-4-1', 'claude-opus-4-1', undefined],
    ['models/gemini-2.5-pro', 'gemini-2.5-pro', undefined],
    ['google:gemini-2.5-flash', 'gemini-2.5-flash', undefined],
    ['groq/llama-3.3-70b', 'llama-3.3-70b', 'groq'],
    ['together_ai/llama-3.3-70b', 'llama-3.3-70b', 'together'],
    ['openrouter/openai/gpt-4o', 'gpt-4o', 'openrouter'],
    // dated snapshots
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 'anthropic'],
    ['gpt-4o-2024-08-06', 'gpt-4o', undefined],
    ['gpt-4o-2099-01-01', 'gpt-4o', undefined],
    ['claude-haiku-4-5@20251001', 'claude-haiku-4-5', undefined],
    ['o4-mini-2025-04-16', 'o4-mini', undefined],
    // cloud wrappers
    ['bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'bedrock'],
    ['bedrock/anthropic.claude-opus-4-1-20250805-v1:0', 'claude-opus-4-1', 'bedrock'],
    ['eu.meta.llama3-3-70b-instruct-v1:0', 'llama-3.3-70b', 'bedrock'],
    ['fireworks_ai/accounts/fireworks/models/deepseek-v3-0324', 'deepseek-v3', 'fireworks'],
    // provider API ids bind their provider
    ['llama-3.3-70b-versatile', 'llama-3.3-70b', 'groq'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b', 'together'],
    ['deepseek-chat', 'deepseek-v3', 'deepseek'],
    // Hugging Face ids do not
    ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b', undefined],
    ['meta-llama/Llama-4-Maverick-17B-128E-Instruct', 'llama-4-maverick', undefined],
    ['openai/gpt-oss-120b', 'gpt-oss-120b', undefined],
    ['meta-llama/Meta-Llama-Guard-3-8B', 'llama-guard-3-8b', undefined], // the organisation repeated in the name
    ['Qwen/Qwen3-235B-A22B-Instruct-2507-FP8', 'qwen3-235b-a22b', undefined], // a host's serving precision
    ['Qwen/Qwen3-235B-A22B-Instruct-2507-tput', 'qwen3-235b-a22b', undefined], // … or throughput tier
    ['qwen3-coder-next-fp8', 'qwen3-coder-next-fp8', undefined], // a catalog id that ends so stays itself
    // spellings found in the labelled corpus of public agent code (test/corpus)
    ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo', undefined],
    ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet', undefined],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4', 'anthropic'],
    ['llama3.2', 'llama-3.2-3b', undefined],
    // upstream's own exact spellings
    ['gpt-5-2', 'gpt-5.2', undefined],
    ['gpt-5.6', 'gpt-5.6-sol', undefined],
  ];
  for (const [query, model, provider] of cases) {
    it(`'${query}' → ${model}${provider ? ` on ${provider}` : ''}`, () => {
      const r = resolved(query);
      assert.equal(r.model.id, model);
      assert.equal(r.provider, provider);
    });
  }

  it('prices with the named provider, else the vendor, else the cheapest offering', () => {
    assert.equal(resolved('bedrock/claude-sonnet-4-5').offering?.id, 'bedrock/claude-sonnet-4-5');
    assert.equal(resolved('claude-sonnet-4-5').offering?.id, 'anthropic/claude-sonnet-4-5');
    // Llama 3.3 70B: Groq 0.59+0.79, Together 0.88+0.88, Bedrock 0.72+0.72 → Groq is cheapest.
    assert.equal(resolved('llama-3.3-70b').offering?.id, 'groq/llama-3.3-70b');
  });

  it('an unknown model is an unknown result with the nearest known id', () => {
    assert.deepEqual(resolveModel(catalog, 'gpt-4oo'), { kind: 'unknown', query: 'gpt-4oo', suggestion: 'gpt-4o' });
    assert.deepEqual(resolveModel(catalog, 'claude-sonet-4-5'), { kind: 'unknown', query: 'claude-sonet-4-5', suggestion: 'claude-sonnet-4-5' });
    assert.deepEqual(resolveModel(catalog, 'openai:gpt-4.2'), { kind: 'unknown', query: 'openai:gpt-4.2', suggestion: 'gpt-4.1' });
    assert.deepEqual(resolveModel(catalog, 'gemini-2.5-prro'), { kind: 'unknown', query: 'gemini-2.5-prro', suggestion: 'gemini-2.5-pro' });
  });

  it('reads a Hugging Face organisation before a known model as the weights\' author, not a host', () => {
    const bge = resolveModel(catalog, 'BAAI/bge-large-en-v1.5');
    assert.equal(bge.kind === 'resolved' ? bge.model.id : bge.kind, 'bge-large-en-v1.5');
    assert.equal(resolveModel(catalog, 'someorg/not-a-model-at-all').kind, 'unknown');
  });

  it('a name far from every model gets no suggestion, and nothing throws on bad input', () => {
    assert.deepEqual(resolveModel(catalog, 'my-private-finetune-xyz'), { kind: 'unknown', query: 'my-private-finetune-xyz' });
    // Models the catalog lacks, which half-resemble others of another family: no "did you mean" (and no quick fix).
    for (const name of ['intfloat/multilingual-e5-large-instruct', 'openai/whisper-large-v3']) {
      assert.deepEqual(resolveModel(catalog, name), { kind: 'unknown', query: name }, name);
    }
    assert.deepEqual(resolveModel(catalog, 'gemni-2.5-pro'), { kind: 'unknown', query: 'gemni-2.5-pro', suggestion: 'gemini-2.5-pro' }, 'a typo in the family word still gets one');
    assert.equal(resolveModel(catalog, '').kind, 'unknown');
    assert.equal(resolveModel(catalog, '   ').kind, 'unknown');
    assert.equal(resolveModel(catalog, undefined as unknown as string).kind, 'unknown');
    assert.equal(resolveModel(catalog, 42 as unknown as string).kind, 'unknown');
  });

  it('looks up models, providers and offerings by id', () => {
    assert.equal(findModel(catalog, 'gpt-5')?.contextWindow, 400000);
    assert.equal(findModel(catalog, 'openai/gpt-5'), undefined, 'findModel takes canonical ids only');
    assert.equal(findProvider(catalog, 'anthropic')?.caching.mode, 'explicit');
    assert.equal(findProvider(catalog, 'nope'), undefined);
    const hosts = offeringsForModel(catalog, 'llama-3.3-70b').map((o) => o.provider);
    for (const p of ['bedrock', 'groq', 'together', 'openrouter']) assert.ok(hosts.includes(p), p);
    assert.equal(new Set(hosts).size, hosts.length, 'one offering per provider');
    assert.deepEqual(offeringsForModel(catalog, 'no-such-model'), []);
  });

  it("a gateway's lab-prefixed id is the lab's model, not a gateway-only copy (scripts/catalog/expand.mjs)", () => {
    // OpenRouter lists these twice upstream, bare and prefixed; the prefixed spelling once minted a second model
    // (`o1-mini-openrouter`) that only OpenRouter offered, so `openai/o1-mini` was priced at the gateway.
    const pairs: [prefixed: string, lab: string, vendorProvider: string][] = [
      ['openai/o1-mini', 'o1-mini', 'openai'],
      ['openai/gpt-3.5-turbo-0613', 'gpt-3.5-turbo-0613', 'openai'],
      ['openai/gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', 'openai'],
      ['anthropic/claude-3-sonnet', 'claude-3-sonnet', 'anthropic'],
      ['cohere/command-r', 'command-r', 'cohere'],
      ['google/gemini-flash-1.5', 'gemini-flash-1.5', 'google'],
    ];
    for (const [prefixed, lab, vendorProvider] of pairs) {
      const model = resolved(prefixed).model;
      assert.equal(model.id, resolved(lab).model.id, prefixed);
      assert.ok(offeringsForModel(catalog, model.id).some((o) => o.provider === vendorProvider), `${prefixed} offered by ${vendorProvider}`);
    }
    // A second listing at another price stays its own model, but owns none of the lab's spellings.
    assert.ok(!findModel(catalog, 'o1-mini-openrouter')?.aliases.some((a) => a.includes('/')));
  });
});
