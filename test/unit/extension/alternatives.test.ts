import * as assert from 'node:assert/strict';
import type { CompareResult, CompareRow } from '../../../src/core/compare/types';
import { pickAlternatives } from '../../../src/extension/hover/pick-alternatives';
import { priced, UNPRICED, WORKLOAD } from './sample-report';

function row(id: string, usd: number | undefined, latencyMs: number, pareto = false): CompareRow {
  const [provider = '', model = ''] = id.split('/');
  return {
    kind: 'api', id, provider, model, openWeight: false, tokenizer: 'o200k_base', tokensExact: true, tokenRatio: 1,
    tokens: { input: 1800, output: 500, reasoning: 0 }, perUnit: usd === undefined ? UNPRICED : priced(usd), monthly: UNPRICED,
    ttftMs: 300, outputTokensPerSecond: 100, latencyMs, latencyBasis: 'catalog', maxContextTokens: 2300, pareto,
  };
}

function result(rows: CompareRow[]): CompareResult {
  return { unit: 'call', workload: WORKLOAD, workloadTokenizer: 'o200k_base', sort: 'cost', rows, excluded: [] };
}

describe('extension/hover alternatives', () => {
  it('picks the cheapest, the fastest and a balanced Pareto row, never the current offering or an unpriced one', () => {
    const picks = pickAlternatives(result([
      row('openai/gpt-4.1', 0.0076, 2100, true),
      row('google/gemini-flash', 0.0003, 1500, true),
      row('groq/llama-70b', 0.0012, 400, true),
      row('deepinfra/llama-70b', 0.0009, 900, true),
      row('acme/free-lunch', undefined, 10),
    ]), 'openai/gpt-4.1');
    assert.deepEqual(picks.map((p) => [p.label, p.offeringId]), [
      ['cheapest that fits', 'google/gemini-flash'],
      ['fastest', 'groq/llama-70b'],
      ['balanced', 'deepinfra/llama-70b'],
    ]);
  });

  it('lists one row once when it is both cheapest and fastest, and nothing when nothing is priced', () => {
    assert.deepEqual(pickAlternatives(result([row('a/x', 0.001, 100, true), row('b/y', 0.002, 200)])).map((p) => p.label), ['cheapest that fits']);
    assert.deepEqual(pickAlternatives(result([row('a/x', undefined, 100)])), []);
  });
});
