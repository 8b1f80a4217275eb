import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { detectFixture, promptLines } from './helpers';

describe('detect: TypeScript', () => {
  it('finds the prompts, calls and both loops of a hand-written OpenAI agent', async () => {
    const f = await detectFixture('openai-loop.ts');
    // The parameter description of the tool's JSON schema is sent with every request too.
    assert.deepEqual(promptLines(f), ['7:system', '15:tool-description', '16:tool-description', '24:user-template']);
    const system = f.prompts[0];
    assert.match(system.text, /^You are a careful code reviewer\./);
    assert.deepEqual(f.prompts[3].placeholders, ['diff']);
    assert.equal(f.prompts[3].text, 'Review this diff:\n{diff}');

    assert.equal(f.calls.length, 2);
    const [review, forever] = f.calls;
    assert.equal(review.framework, 'openai');
    assert.equal(review.model, 'gpt-4.1', 'the MODEL constant is resolved');
    assert.equal(review.maxOutputTokens, 1000);
    assert.deepEqual(review.tools, ['read_file']);
    assert.deepEqual([...review.promptIds].sort(), ['p15.20', 'p16.88', 'p24.30', 'p7.23']);
    assert.equal(forever.model, 'gpt-4o-mini');
    assert.deepEqual(forever.inputPlaceholders, ['question'], 'a user message that is only a variable is a placeholder input');

    assert.equal(f.loops.length, 2);
    const [bounded, unbounded] = f.loops;
    assert.equal(bounded.framework, 'hand-written');
    assert.equal(bounded.maxSteps, 8, 'turn < MAX_TURNS with MAX_TURNS = 8');
    assert.equal(bounded.unbounded, false);
    assert.equal(bounded.callId, review.id);
    assert.deepEqual(bounded.annotation, { output: 800, placeholders: { diff: 3000 } });
    assert.equal(unbounded.unbounded, true);
    assert.equal(unbounded.maxSteps, undefined);
    assert.equal(review.usedBy, bounded.id);
  });

  it('leaves tool results, log lines and labels out', async () => {
    const f = await detectFixture('openai-loop.ts');
    assert.ok(!f.prompts.some((p) => p.text === 'x'), "a {role: 'tool'} result is data, not a prompt");
    assert.ok(!f.prompts.some((p) => p.text.includes('log line')));
  });

  it('reads the Vercel AI SDK: provider factories, stopWhen, join(), agent classes', async () => {
    const f = await detectFixture('vercel-agent.ts');
    assert.deepEqual(promptLines(f), ['7:tool-description', '15:system', '16:user-template', '27:user-template', '33:system']);
    assert.equal(f.prompts[3].text, 'Summarize the article below in three bullet points.\n\n{article}');
    const [ask, summarize, planner] = f.calls;
    assert.deepEqual([ask.model, ask.providerHint, ask.maxOutputTokens, ask.agent], ['gpt-4.1', 'openai', 400, true]);
    assert.deepEqual([summarize.model, summarize.providerHint, summarize.agent], ['claude-3-5-haiku-latest', 'anthropic', false]);
    assert.deepEqual([planner.framework, planner.model, planner.agent], ['vercel-ai', 'openai/gpt-4o', true]);
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.maxSteps, l.stepOption]),
      [
        [13, 5, 'stopWhen'],
        [31, undefined, undefined],
      ],
      'stopWhen applies to its own call only; the agent class takes the framework default',
    );
    assert.ok(!f.prompts.some((p) => p.text === 'Weather' || p.text === 'system'));
  });

  it('reads Mastra agents and Google generateContent with nested config', async () => {
    const f = await detectFixture('mastra-google.ts');
    const [agent, gemini] = f.calls;
    assert.deepEqual([agent.framework, agent.model, agent.agent], ['mastra', 'gpt-4o-mini', true]);
    assert.deepEqual([gemini.framework, gemini.model, gemini.maxOutputTokens], ['google', 'gemini-2.5-flash', 200]);
    assert.deepEqual(promptLines(f), ['7:instructions', '19:user-template', '20:system']);
    assert.match(f.prompts[0].text, /You are a helpful weather assistant/);
  });

  it('turns template substitutions into placeholders and inlines constants of the file', async () => {
    const src = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "const PERSONA = 'a terse senior engineer';",
      'export async function run(topic: string) {',
      '  return client.responses.create({',
      "    model: process.env.MODEL ?? 'gpt-4o',",
      '    instructions: `You are ${PERSONA}. Explain ${topic} briefly.`,',
      "    input: 'Go.',",
      '    max_output_tokens: 300,',
      '  });',
      '}',
    ].join('\n');
    const f = await detectFile(src, 'a.ts');
    assert.equal(f.calls[0].model, 'gpt-4o', 'the fallback of `env ?? default`');
    assert.equal(f.calls[0].maxOutputTokens, 300);
    const instr = f.prompts.find((p) => p.kind === 'instructions')!;
    assert.equal(instr.text, 'You are a terse senior engineer. Explain {topic} briefly.');
    assert.deepEqual(instr.placeholders, ['topic']);
  });

  it('parses .tsx and .js by extension and the editor language id', async () => {
    const src = "const r = await anthropic.messages.create({ model: 'claude-sonnet-4-5', system: 'Be brief and kind.', messages: [], max_tokens: 64 });";
    for (const [path, lang] of [
      ['a.tsx', undefined],
      ['b.mjs', undefined],
      ['untitled', 'typescript'],
    ] as const) {
      const f = await detectFile(src, path, lang);
      assert.equal(f.calls.length, 1, path);
      assert.equal(f.calls[0].model, 'claude-sonnet-4-5');
    }
  });
});
