/**
 * Models held in application state: a store library's store (state-stores.ts), read through `getState()`, the
 * hook or a selector; a factory keyed on the provider the store names (keyed-returns.ts); an options object passed
 * whole into a destructured parameter (evaluate.ts boundArg).
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const STORE = [
  'import { create } from "zustand";',
  'import { persist } from "zustand/middleware";',
  '',
  'export const defaults = {',
  '  provider: "openai",',
  '  chatModel: "gpt-4o-mini",',
  '  summaryModel: "gpt-4o",',
  '};',
  '',
  'export const usePrefs = create<typeof defaults>()(',
  '  persist(',
  '    (set) => ({',
  '      ...defaults,',
  '      update: (values: Partial<typeof defaults>) => set(values),',
  '    }),',
  '    { name: "prefs" },',
  '  ),',
  ');',
  '',
].join('\n');

const PROVIDER = [
  'import { createOpenAI } from "@ai-sdk/openai";',
  'import { createAnthropic } from "@ai-sdk/anthropic";',
  '',
  'export interface ProviderOptions { provider: string; model: string; apiKey?: string }',
  '',
  'export function buildModel({ provider, model, apiKey }: ProviderOptions) {',
  '  if (provider === "anthropic") {',
  '    const anthropic = createAnthropic({ apiKey });',
  '    return anthropic(model);',
  '  } else if (provider === "openai") {',
  '    const openai = createOpenAI({ apiKey });',
  '    return openai(model);',
  '  }',
  '  throw new Error("unsupported provider " + provider);',
  '}',
  '',
].join('\n');

describe('repository: models held in application state stores', () => {
  it('a zustand store default read by getState(), a selector and the hook is the model of each request', async () => {
    const hook = [
      'import { streamText } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'import { usePrefs } from "@/store/prefs";',
      '',
      'export function useWriter() {',
      '  async function summarize(text: string) {',
      '    const { summaryModel } = usePrefs.getState();',
      '    return streamText({ model: openai(summaryModel), prompt: text });',
      '  }',
      '  return { summarize };',
      '}',
      '',
      'export function ChatBox({ text }: { text: string }) {',
      '  const chatModel = usePrefs((s) => s.chatModel);',
      '  return streamText({ model: openai(chatModel), prompt: text });',
      '}',
      '',
      'export function Other({ text }: { text: string }) {',
      '  const { chatModel } = usePrefs();',
      '  return streamText({ model: openai(chatModel), prompt: text });',
      '}',
      '',
    ].join('\n');
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } });
    const r = await scanTree({ 'tsconfig.json': tsconfig, 'src/store/prefs.ts': STORE, 'src/hooks/writer.ts': hook });
    const calls = file(r, 'src/hooks/writer.ts').calls.filter((c) => [8, 15, 20].includes(c.line) && c.role !== 'binding');
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[8, 'gpt-4o'], [15, 'gpt-4o-mini'], [20, 'gpt-4o-mini']]);
    assert.deepEqual(calls[0].modelSource?.at, { path: 'src/store/prefs.ts', line: 7 });
  });

  it('look-alike: the same initializer handed to a `create` of the repository’s own is no store', async () => {
    const own = [
      'export function create<T>(init: (set: unknown) => T) { return { init }; }',
      '',
    ].join('\n');
    const store = STORE.replace('import { create } from "zustand";', 'import { create } from "./own";');
    const hook = [
      'import { streamText } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'import { usePrefs } from "./prefs";',
      '',
      'export function summarize(text: string) {',
      '  const { summaryModel } = usePrefs.getState();',
      '  return streamText({ model: openai(summaryModel), prompt: text });',
      '}',
      '',
    ].join('\n');
    const r = await scanTree({ 'src/store/own.ts': own, 'src/store/prefs.ts': store, 'src/store/use.ts': hook });
    const call = file(r, 'src/store/use.ts').calls.find((c) => c.line === 7 && c.role !== 'binding');
    assert.ok(call, 'the request is detected');
    // The flow does not read the look-alike; what is left is a stated guess at most (the repository's own default,
    // repository-default.ts), never a model resolved through the store.
    assert.ok(['repository-default', 'vendor-default', 'default'].includes(call.modelSource?.from ?? 'default'), JSON.stringify(call.modelSource));
  });

  it('a provider factory keyed on the store’s provider takes its branch, with the options object passed whole', async () => {
    const store = STORE.replace('provider: "openai"', 'provider: "anthropic"').replace('summaryModel: "gpt-4o"', 'summaryModel: "claude-3-5-haiku-latest"');
    const caller = [
      'import { generateText } from "ai";',
      'import { usePrefs } from "./prefs";',
      'import { buildModel, type ProviderOptions } from "./provider";',
      '',
      'export async function summarize(text: string) {',
      '  const { provider, summaryModel } = usePrefs.getState();',
      '  const options: ProviderOptions = { provider, model: summaryModel };',
      '  return generateText({ model: buildModel(options), prompt: text });',
      '}',
      '',
    ].join('\n');
    const r = await scanTree({ 'src/prefs.ts': store, 'src/provider.ts': PROVIDER, 'src/summarize.ts': caller });
    const call = file(r, 'src/summarize.ts').calls.find((c) => c.line === 8 && c.role !== 'binding');
    assert.match(call?.modelResolved ?? '', /^claude-3-5-haiku/);
    assert.equal(call?.modelSource?.at?.path, 'src/prefs.ts');
  });

  it('a keyed factory returns the branch of the key passed, the fall-through for another key', async () => {
    const models = [
      'export function modelsFor(provider: string) {',
      '  switch (provider) {',
      '    case "anthropic":',
      '      return { chat: "claude-3-5-haiku-latest" };',
      '    case "openai":',
      '    case "azure":',
      '      return { chat: "gpt-4o-mini" };',
      '    default:',
      '      return { chat: "gpt-4.1-mini" };',
      '  }',
      '}',
      '',
    ].join('\n');
    const caller = (provider: string) =>
      [
        'import OpenAI from "openai";',
        'import { modelsFor } from "./models";',
        '',
        'const client = new OpenAI();',
        'export async function ask(q: string) {',
        `  return client.chat.completions.create({ model: modelsFor(${provider}).chat, messages: [{ role: "user", content: q }] });`,
        '}',
        '',
      ].join('\n');
    const modelOf = async (provider: string) => {
      const r = await scanTree({ 'src/models.ts': models, 'src/ask.ts': caller(provider) });
      return file(r, 'src/ask.ts').calls.find((c) => c.line === 6 && c.role !== 'binding')?.modelResolved;
    };
    assert.equal(await modelOf('"azure"'), 'gpt-4o-mini', 'a key of an empty case falls through to the next case');
    assert.equal(await modelOf('"groq"'), 'gpt-4.1-mini', 'an unlisted key takes default:');
  });
});
