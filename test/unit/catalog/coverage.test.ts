/**
 * Coverage of the upstream price database: every token-priced model of the
 * providers users name most must resolve by its own id to a catalog model whose
 * offering at that provider was built from that very upstream entry. The ids
 * that do not are listed in the output (and in the failure message).
 */
import * as assert from 'node:assert/strict';
import { getBundledCatalog, offeringsForModel, resolveModel } from '../../../src/core/catalog';

interface UpstreamModel {
  id: string;
  prices: Record<string, unknown> | { prices: Record<string, unknown> }[];
}
interface UpstreamProvider {
  id: string;
  models: UpstreamModel[];
}

/** Upstream provider id → catalog provider id, for the 15 providers issue 14 names. */
const PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistral',
  deepseek: 'deepseek',
  'x-ai': 'xai',
  groq: 'groq',
  together: 'together',
  fireworks: 'fireworks',
  aws: 'bedrock',
  azure: 'azure',
  cohere: 'cohere',
  cerebras: 'cerebras',
  moonshotai: 'moonshotai',
  perplexity: 'perplexity',
};

/** Priced per token: some price set lists an input or output price per million tokens. */
function tokenPriced(model: UpstreamModel): boolean {
  const sets = Array.isArray(model.prices) ? model.prices.map((p) => p.prices) : [model.prices];
  return sets.some((s) => typeof s.input_mtok === 'number' || typeof s.output_mtok === 'number' || typeof (s.input_mtok as { base?: unknown })?.base === 'number');
}

describe('catalog/coverage of the upstream database', () => {
  it('prices at least 95% of the token-priced models of the 15 main providers by their own ids', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const upstream = require('@pydantic/genai-prices') as { waitForUpdate(): Promise<UpstreamProvider[]> };
    const providers = await upstream.waitForUpdate();
    const catalog = getBundledCatalog();
    let total = 0;
    let priced = 0;
    const misses: string[] = [];
    const lines: string[] = [];
    for (const [up, oursDefault] of Object.entries(PROVIDERS)) {
      const provider = providers.find((p) => p.id === up);
      assert.ok(provider, `upstream provider ${up}`);
      let n = 0;
      let ok = 0;
      for (const model of provider.models.filter(tokenPriced)) {
        n++;
        // AWS's `regional.…` entries are Bedrock's in-region / geographic price: a provider of their own here.
        const ours = up === 'aws' && model.id.startsWith('regional.') ? 'bedrock-regional' : oursDefault;
        const r = resolveModel(catalog, model.id);
        const offering = r.kind === 'resolved' ? offeringsForModel(catalog, r.model.id).find((o) => o.provider === ours) : undefined;
        // Built from this very entry (`… aws:anthropic.claude-…-v1:0; …`), and priced.
        const fromEntry = offering !== undefined && offering.source.includes(` ${up}:${model.id}`) && (offering.prices.input !== undefined || offering.prices.output !== undefined);
        if (fromEntry) ok++;
        else misses.push(`${up}:${model.id}${r.kind === 'resolved' ? ` → ${r.model.id}${offering ? ` (${offering.source.split(' ')[3]})` : ' (no offering here)'}` : ' → unknown'}`);
      }
      total += n;
      priced += ok;
      lines.push(`${up} ${ok}/${n}`);
    }
    const share = priced / total;
    console.log(`      upstream coverage: ${priced}/${total} = ${(share * 100).toFixed(1)}% (${lines.join(', ')})`);
    if (misses.length > 0) console.log(`      not priced by their own id (${misses.length}):\n        ${misses.join('\n        ')}`);
    assert.ok(total >= 450, `the 15 providers list ${total} token-priced models upstream`);
    assert.ok(share >= 0.95, `${(share * 100).toFixed(1)}% priced; missing: ${misses.join(', ')}`);
  });

  it('resolves the spellings issue 14 names to their own provider and price', () => {
    const catalog = getBundledCatalog();
    const cases: [string, string, string][] = [
      // [query, model, provider of the chosen offering]
      ['claude-opus-4-20250514', 'claude-opus-4', 'anthropic'],
      // Bedrock in-region and geographic (`us.`) ids: the regional price; `global.`: the global one.
      ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet', 'bedrock-regional'],
      ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'bedrock-regional'],
      ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5', 'bedrock'],
      ['accounts/fireworks/models/deepseek-v3-0324', 'deepseek-v3', 'fireworks'],
      ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b', 'together'],
      ['gpt-5.4-pro', 'gpt-5.4-pro', 'openai'],
      ['command-r-plus', 'command-r-plus', 'cohere'],
      ['sonar-pro', 'sonar-pro', 'perplexity'],
    ];
    for (const [query, model, provider] of cases) {
      const r = resolveModel(catalog, query);
      assert.equal(r.kind, 'resolved', query);
      if (r.kind !== 'resolved') continue;
      assert.equal(r.model.id, model, query);
      assert.equal(r.offering?.provider, provider, query);
      assert.ok(r.offering?.prices.input !== undefined && r.offering.prices.output !== undefined, `${query} priced`);
    }
  });

  it('prices embedding models on input tokens only, and marks them as embeddings', () => {
    const catalog = getBundledCatalog();
    const r = resolveModel(catalog, 'text-embedding-3-small');
    assert.equal(r.kind, 'resolved');
    if (r.kind !== 'resolved') return;
    assert.equal(r.model.kind, 'embedding');
    assert.equal(r.offering?.prices.input, 0.02);
    assert.equal(r.offering?.prices.output, undefined);
    assert.equal(r.model.capabilities?.tools, false);
  });
});
