import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';
import { modelTag } from '../../../bench/repos/census-tags';

/** The requests of a file (bindings left out), by line. */
function requests(r: ScanResult, path: string) {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  return f.calls.filter((c) => c.role !== 'binding');
}

const PROVIDERS = `import { customProvider, wrapLanguageModel, extractReasoningMiddleware, createProviderRegistry } from 'ai'
import { openai } from '@ai-sdk/openai'
import { anthropic } from '@ai-sdk/anthropic'
import { google } from '@ai-sdk/google'
import { createRetryable } from 'ai-retry'

export const myAi = customProvider({
  languageModels: {
    'chat-default': anthropic('claude-sonnet-4-5'),
    'chat-title': createRetryable({ model: google('gemini-2.5-flash-lite'), retries: [openai('gpt-4.1-nano')] }),
    'chat-think': wrapLanguageModel({ model: openai('o4-mini'), middleware: extractReasoningMiddleware({ tagName: 'think' }) }),
  },
  textEmbeddingModels: { docs: openai.textEmbeddingModel('text-embedding-3-small') },
  fallbackProvider: openai,
})

export const registry = createProviderRegistry({ openai, mine: myAi }, { separator: ' > ' })
`;

/** A Next.js app's `@/` import alias. */
const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } });

describe('a model named through an AI SDK provider alias map (provider-aliases)', () => {
  it('customProvider: a module export used from other files, wrapped entries (createRetryable, wrapLanguageModel), embeddings, a registry of providers', async () => {
    const r = await scanTree({
      'tsconfig.json': TSCONFIG,
      'ai/providers.ts': PROVIDERS,
      'lib/title.ts': `import { generateText } from 'ai'
import { myAi } from '@/ai/providers'
export async function title(text: string) {
  const { text: t } = await generateText({ model: myAi.languageModel('chat-title'), system: 'Write a short title.', prompt: text })
  return t
}
`,
      'lib/think.ts': `import { streamText } from 'ai'
import { myAi } from '../ai/providers'
export function think(prompt: string, alias = 'chat-think') {
  return streamText({ model: myAi.languageModel(alias), prompt })
}
`,
      'lib/embed.ts': `import { embed } from 'ai'
import { myAi, registry } from '../ai/providers'
export const vector = (value: string) => embed({ model: myAi.textEmbeddingModel('docs'), value })
export const fromRegistry = (prompt: string) => import('ai').then(({ generateText }) => generateText({ model: registry.languageModel('mine > chat-default'), prompt }))
`,
    });
    const [titled] = requests(r, 'lib/title.ts');
    assert.equal(titled.modelResolved, 'gemini-2.5-flash-lite');
    assert.match(titled.modelSource?.detail ?? '', /the alias "chat-title" of the provider's languageModels/);
    assert.equal(modelTag(titled, 'lib/title.ts').tag, 'model:provider-alias');
    assert.equal(requests(r, 'lib/think.ts')[0].modelResolved, 'o4-mini');
    const embedded = requests(r, 'lib/embed.ts');
    assert.equal(embedded.find((c) => c.line === 3)?.modelResolved, 'text-embedding-3-small');
    assert.equal(embedded.find((c) => c.line === 4)?.modelResolved, 'claude-sonnet-4-5');
  });

  it('look-alikes: a name the table lacks goes to the fallback provider as the id itself; an ordinary object with a languageModel method is no alias table', async () => {
    const r = await scanTree({
      'tsconfig.json': TSCONFIG,
      'ai/providers.ts': PROVIDERS,
      'lib/other.ts': `import { generateText } from 'ai'
import { myAi } from '../ai/providers'
export const direct = (prompt: string) => generateText({ model: myAi.languageModel('gpt-4o-mini'), prompt })
`,
      'lib/mine.ts': `import { generateText } from 'ai'
const catalog = { languageModels: { fast: 'claude-haiku-4-5' }, languageModel: (id: string) => id }
export const own = (prompt: string) => generateText({ model: catalog.languageModel('gpt-4.1'), prompt })
`,
    });
    assert.equal(requests(r, 'lib/other.ts')[0].modelResolved, 'gpt-4o-mini');
    assert.notEqual(requests(r, 'lib/mine.ts')[0].modelResolved, 'claude-haiku-4-5');
  });

  it('a name from the request body: the UI default names an alias; a route-local provider with one model sends that model whatever the name', async () => {
    const r = await scanTree({
      'tsconfig.json': TSCONFIG,
      'ai/providers.ts': PROVIDERS,
      'components/chat.tsx': `import { useLocalStorage } from '@/hooks/use-local-storage'
export function Chat() {
  const [selectedModel, setSelectedModel] = useLocalStorage('app-selected-model', 'chat-default')
  const [researchModel] = useLocalStorage('app-research-model', 'chat-think')
  return null
}
`,
      'app/api/chat/route.ts': `import { streamText } from 'ai'
import { openai } from '@ai-sdk/openai'
import { myAi } from '@/ai/providers'
export async function POST(req: Request) {
  const { messages, model, useSearchAgent } = await req.json()
  const result = streamText({ model: useSearchAgent ? openai.responses('gpt-4.1') : myAi.languageModel(model), messages })
  return result.toUIMessageStreamResponse()
}
`,
      'app/api/ext/route.ts': `import { customProvider, generateText } from 'ai'
import { google } from '@ai-sdk/google'
const local = customProvider({ languageModels: { 'only-one': google('gemini-2.5-pro') } })
export async function POST(req: Request) {
  const { prompt, model } = await req.json()
  return Response.json(await generateText({ model: local.languageModel(model), prompt }))
}
`,
    });
    const [chat] = requests(r, 'app/api/chat/route.ts');
    assert.equal(chat.modelResolved, 'claude-sonnet-4-5');
    assert.match(chat.modelSource?.detail ?? '', /default selectedModel/);
    assert.equal(requests(r, 'app/api/ext/route.ts')[0].modelResolved, 'gemini-2.5-pro');
  });

  it('a ternary with a literal special case keeps it only as the alternative; a ternary of two literals keeps its first arm', async () => {
    const r = await scanTree({
      'tsconfig.json': TSCONFIG,
      'ai/providers.ts': PROVIDERS,
      'lib/answer.ts': `import { generateText } from 'ai'
import { openai } from '@ai-sdk/openai'
import { myAi } from '../ai/providers'
export async function answer(prompt: string, multiAgent: boolean) {
  return generateText({ model: multiAgent ? openai('gpt-4.1') : myAi.languageModel('chat-default'), prompt })
}
export async function plain(prompt: string, fast: boolean) {
  return generateText({ model: fast ? openai('gpt-4.1-mini') : openai('gpt-4.1'), prompt })
}
`,
    });
    const [special, plain] = requests(r, 'lib/answer.ts');
    assert.equal(special.modelResolved, 'claude-sonnet-4-5');
    assert.equal(plain.modelResolved, 'gpt-4.1-mini');
  });
  it('a provider picked by a test switch (`isTestEnvironment ? mock provider : real provider`) serves the real models; another undecided flag keeps the first arm', async () => {
    const r = await scanTree({
      'lib/constants.ts': `export const isTestEnvironment = Boolean(process.env.PLAYWRIGHT_TEST_BASE_URL || process.env.CI_PLAYWRIGHT)
export const premium = Boolean(process.env.PREMIUM_TIER)
`,
      'lib/ai/mocks.ts': `import { MockLanguageModelV2 } from 'ai/test'
export const fakeChat = new MockLanguageModelV2({ doGenerate: async () => ({ text: 'hi' }) as never })
`,
      'lib/ai/providers.ts': `import { customProvider } from 'ai'
import { openai } from '@ai-sdk/openai'
import { isTestEnvironment, premium } from '../constants'
import { fakeChat } from './mocks'
export const appModels = isTestEnvironment
  ? customProvider({ languageModels: { 'chat-model': fakeChat } })
  : customProvider({ languageModels: { 'chat-model': openai('gpt-4.1-mini') } })
export const tiered = premium
  ? customProvider({ languageModels: { 'chat-model': openai('gpt-4.1') } })
  : customProvider({ languageModels: { 'chat-model': openai('gpt-4.1-nano') } })
`,
      'lib/chat.ts': `import { generateText } from 'ai'
import { appModels, tiered } from './ai/providers'
export const reply = (prompt: string) => generateText({ model: appModels.languageModel('chat-model'), prompt })
export const tieredReply = (prompt: string) => generateText({ model: tiered.languageModel('chat-model'), prompt })
`,
    });
    const [chat, tieredChat] = requests(r, 'lib/chat.ts');
    assert.equal(chat.modelResolved, 'gpt-4.1-mini');
    assert.equal(tieredChat.modelResolved, 'gpt-4.1');
  });
});
