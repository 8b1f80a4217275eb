import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const requestLines = async (src: string, path: string): Promise<number[]> =>
  (await detectFile(src, path)).calls.filter((c) => c.role !== 'binding').map((c) => c.line);

describe('detect: exclusive arms that send different prompts are different requests', () => {
  it('a guard on the input with its own prompt, then the text request: two sites (scira text-translate)', async () => {
    const src = `import { generateText } from 'ai';
import { google } from '@ai-sdk/google';
import { cohere } from '@ai-sdk/cohere';

export async function translate(text: string, images: string[], to: string) {
  if (images.length > 0) {
    const imagePrompt = \`Extract the text of the image and translate it into \${to}. Reply with the translation only.\`;
    const { text: out } = await generateText({
      model: google('gemini-2.5-flash'),
      messages: [{ role: 'user', content: [{ type: 'text', text: imagePrompt }, ...images.map((i) => ({ type: 'image' as const, image: i }))] }],
    });
    return out;
  }
  const promptText = \`Translate the following text into \${to}. Reply with the translation only.\\n\\n\${text}\`;
  const { text: out } = await generateText({ model: cohere('command-a-translate-08-2025'), prompt: promptText });
  return out;
}
`;
    const f = await detectFile(src, 'translate.ts');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => [c.line, c.model]), [[8, 'gemini-2.5-flash'], [15, 'command-a-translate-08-2025']]);
    assert.ok(requests.every((c) => !c.alternatives?.length), 'neither is an alternative of the other');
  });

  it('if/else arms whose prompts come from different builders: two sites (deep-research runSearchTask)', async () => {
    const src = `import { streamText } from 'ai';
import { processResultPrompt, processSearchResultPrompt } from './prompts';

export async function runSearchTask(model: any, provider: string, query: string, sources: string[]) {
  let result;
  if (provider === 'model') {
    result = streamText({ model, prompt: [processResultPrompt(query), languagePrompt()].join('\\n\\n') });
  } else {
    result = streamText({ model, prompt: [processSearchResultPrompt(query, sources), languagePrompt()].join('\\n\\n') });
  }
  return result;
}
function languagePrompt() { return 'Respond in English.'; }
`;
    assert.deepEqual(await requestLines(src, 'search.ts'), [7, 9]);
  });

  it('trap: a streaming guard sending the same messages stays one site with its alternative', async () => {
    const src = `from openai import AsyncOpenAI
client = AsyncOpenAI()

async def ask(messages, stream: bool = True):
    if not stream:
        response = await client.chat.completions.create(model="gpt-4o", messages=build_messages(messages), stream=False)
        return response
    response = await client.chat.completions.create(model="gpt-4o", messages=build_messages(messages), stream=True)
    return response
`;
    const f = await detectFile(src, 'ask.py');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => c.line), [8]);
    assert.deepEqual(requests[0].alternatives?.map((a) => a.line), [6]);
  });

  it('trap: provider branches sending one prompt variable stay one site', async () => {
    const src = `import anthropic, openai

def complete(prompt, provider="openai"):
    if provider == "anthropic":
        return anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=[{"role": "user", "content": prompt}])
    return openai.OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
`;
    const f = await detectFile(src, 'complete.py');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.equal(requests.length, 1, requests.map((c) => `${c.line} ${c.model}`).join('; '));
    assert.equal(requests[0].model, 'gpt-4o');
  });

  it('trap: arms whose prompts come from one builder stay one site', async () => {
    const src = `import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { buildPrompt } from './prompts';

export async function answer(q: string, stream = false) {
  if (stream) {
    return streamText({ model: openai('gpt-4o'), prompt: buildPrompt(q) });
  }
  return generateText({ model: openai('gpt-4o'), prompt: buildPrompt(q) });
}
`;
    assert.equal((await requestLines(src, 'answer.ts')).length, 1);
  });

  it('trap: the same literal prompt written in both arms (a streaming copy) stays one site', async () => {
    const src = `import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function summarize(doc: string, stream = false) {
  if (stream) {
    return streamText({ model: openai('gpt-4o'), system: 'You summarize documents in three sentences.', prompt: doc });
  }
  return generateText({ model: openai('gpt-4o'), system: 'You summarize documents in three sentences.', prompt: doc });
}
`;
    assert.equal((await requestLines(src, 'summarize.ts')).length, 1);
  });
});
