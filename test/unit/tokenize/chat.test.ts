import * as assert from 'node:assert/strict';
import { countChatTokens, countTokens, renderOpenAiToolNamespace } from '../../../src/core/tokenize';
import type { ToolSchema } from '../../../src/core/tokenize';

const weather: ToolSchema = {
  name: 'get_weather',
  description: 'Get the weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name' }, unit: { type: 'string', enum: ['c', 'f'] } },
    required: ['city'],
  },
};

describe('tokenize: chat framing', () => {
  it('one user message, o200k_base: "user"(1) + "hello world"(2) + 3 per message + 3 reply priming = 9', () => {
    const count = countChatTokens([{ role: 'user', content: 'hello world' }], undefined, 'o200k_base');
    assert.equal(count.tokens, 9);
    assert.equal(count.exact, true);
    assert.deepEqual(count.breakdown, { content: 3, framing: 6, tools: 0, toolSystemPrompt: 0 });
    assert.match(count.basis, /OpenAI cookbook/);
  });

  it('system + user with a name, cl100k_base: (1+2) + (1+1+1 name "Hi") + 2×3 + 1 name + 3 = 16', () => {
    // system: "system"(1) + "hello world"(2); user: "user"(1) + "Hi"(1) + name "Hi"(1) (+1 per name framing)
    const count = countChatTokens(
      [
        { role: 'system', content: 'hello world' },
        { role: 'user', content: 'Hi', name: 'Hi' },
      ],
      [],
      'cl100k_base',
    );
    assert.deepEqual(count.breakdown, { content: 6, framing: 10, tools: 0, toolSystemPrompt: 0 });
    assert.equal(count.tokens, 16);
  });

  it('no messages and no tools: 0 tokens', () => {
    assert.equal(countChatTokens([], undefined, 'o200k_base').tokens, 0);
  });

  it('renders OpenAI function tools as the TypeScript-like namespace', () => {
    assert.equal(
      renderOpenAiToolNamespace([weather]),
      [
        '# Tools',
        '',
        '## functions',
        '',
        'namespace functions {',
        '',
        '// Get the weather for a city.',
        'type get_weather = (_: {',
        '// City name',
        'city: string,',
        'unit?: "c" | "f",',
        '}) => any;',
        '',
        '} // namespace functions',
      ].join('\n'),
    );
  });

  it('OpenAI with tools and no system message: adds the namespace and a system message frame; approximate', () => {
    const namespaceTokens = countTokens(renderOpenAiToolNamespace([weather]), 'o200k_base').tokens;
    const count = countChatTokens([{ role: 'user', content: 'hello world' }], [weather], 'o200k_base');
    assert.equal(count.breakdown.tools, namespaceTokens);
    assert.equal(count.breakdown.framing, 6 + 3 + 1); // + a system message's frame and its role token
    assert.equal(count.tokens, 3 + 10 + namespaceTokens);
    assert.equal(count.exact, false);
  });

  it('accepts OpenAI-shaped {type:"function", function:{…}} tools and skips malformed ones', () => {
    const wrapped = { type: 'function', function: { name: 'get_weather', description: weather.description, parameters: weather.parameters } };
    const a = countChatTokens([{ role: 'user', content: 'x' }], [weather], 'o200k_base');
    const b = countChatTokens([{ role: 'user', content: 'x' }], [wrapped as unknown as ToolSchema, { nope: 1 } as unknown as ToolSchema], 'o200k_base');
    assert.equal(a.tokens, b.tokens);
  });

  it('Claude with tools adds the documented 346-token tool-use system prompt (313 for tool_choice any)', () => {
    const auto = countChatTokens([{ role: 'user', content: 'hello world' }], [weather], 'claude');
    assert.equal(auto.breakdown.toolSystemPrompt, 346);
    assert.equal(auto.exact, false);
    assert.match(auto.basis, /346 tokens of Anthropic's tool-use system prompt/);
    const any = countChatTokens([{ role: 'user', content: 'hello world' }], [weather], 'claude', { toolChoice: 'any' });
    assert.equal(any.breakdown.toolSystemPrompt, 313);
    assert.equal(auto.tokens - any.tokens, 33);
    const none = countChatTokens([{ role: 'user', content: 'hello world' }], undefined, 'claude');
    assert.equal(none.breakdown.toolSystemPrompt, 0);
  });

  it('Llama 3 framing from its chat template: 4 per message (role counted as text) + 5 per request', () => {
    const count = countChatTokens([{ role: 'user', content: 'hello world' }], undefined, 'llama3');
    assert.equal(count.breakdown.framing, 9);
  });

  it('a catalog framing overrides the built-in table', () => {
    const count = countChatTokens([{ role: 'user', content: 'hello world' }], undefined, 'gemini', {
      framing: { tokensPerMessage: 5, tokensPerRequest: 1, source: 'test', asOf: '2026-01-01' },
    });
    assert.equal(count.breakdown.framing, 6);
    assert.match(count.basis, /catalog: test, 2026-01-01/);
  });

  it('bad input does not throw', () => {
    const count = countChatTokens(null as never, 'x' as never, 'o200k_base');
    assert.equal(count.tokens, 0);
  });
});
