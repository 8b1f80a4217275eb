import * as assert from 'node:assert/strict';
import { countChatTokensForModel, countTokensForModel, ratioProfileForModel, tokenizerForModel } from '../../../src/core/tokenize';
import type { ModelEntry } from '../../../src/core/catalog/types';

describe('tokenize: tokenizerForModel', () => {
  const cases: [string, string][] = [
    ['gpt-4o', 'o200k_base'],
    ['openai/gpt-4o-mini', 'o200k_base'],
    ['openai:gpt-4.1', 'o200k_base'],
    ['gpt-5-mini', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['gpt-oss-120b', 'o200k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['claude-sonnet-4-5-20250929', 'claude'],
    ['us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude'],
    ['models/gemini-2.5-pro', 'gemini'],
    ['gemma-3-27b-it', 'gemma'],
    ['meta-llama/Llama-3.3-70B-Instruct', 'llama3'],
    ['llama-4-maverick', 'llama4'],
    ['Qwen/Qwen3-235B-A22B', 'qwen'],
    ['deepseek-chat', 'deepseek'],
    ['mistral-large-latest', 'mistral'],
    ['grok-4', 'grok'],
    ['my-private-model', 'other'],
    ['', 'other'],
  ];
  for (const [id, tokenizer] of cases) it(`${id || '(empty)'} → ${tokenizer}`, () => assert.equal(tokenizerForModel(id), tokenizer));

  it('trusts a catalog entry\'s tokenizer', () => {
    const entry = { id: 'custom', tokenizer: 'qwen' } as unknown as ModelEntry;
    assert.equal(tokenizerForModel(entry), 'qwen');
  });

  it('gives Claude 4.7 and later the new-tokenizer profile, earlier Claude the 3–4.6 one', () => {
    assert.equal(ratioProfileForModel('claude-opus-4-7'), 'claude-opus-4.7');
    assert.equal(ratioProfileForModel('claude-sonnet-5'), 'claude-opus-4.7');
    assert.equal(ratioProfileForModel('claude-opus-4-6'), 'claude');
    assert.equal(ratioProfileForModel('claude-opus-4-20250514'), 'claude');
    assert.equal(ratioProfileForModel('claude-3-5-sonnet-latest'), 'claude');
    assert.equal(ratioProfileForModel('gpt-4o'), undefined);
  });

  it('countTokensForModel: prose on Claude Opus 4.7 is 10 × 1.51 → 15; on GPT-4o exact 10', () => {
    const prose = 'The quick brown fox jumps over the lazy dog.';
    assert.equal(countTokensForModel(prose, 'claude-opus-4-7').tokens, 15);
    assert.deepEqual(
      [countTokensForModel(prose, 'gpt-4o').tokens, countTokensForModel(prose, 'gpt-4o').exact],
      [10, true],
    );
  });

  it('countChatTokensForModel uses the model\'s profile: Claude Opus 4.7 content 10 × 1.51 → 15, plus "user" 1 × 1.51 → 2', () => {
    const count = countChatTokensForModel([{ role: 'user', content: 'The quick brown fox jumps over the lazy dog.' }], undefined, 'claude-opus-4-7');
    assert.deepEqual(count.breakdown, { content: 17, framing: 6, tools: 0, toolSystemPrompt: 0 });
    assert.match(count.basis, /Claude Opus 4\.7/);
  });
});
