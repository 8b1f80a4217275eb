/**
 * The Vercel AI SDK's own surface, read from its source rather than from the repositories we scan
 * (github:vercel/ai at ed857f5, 2026-08):
 *
 * - **Request functions** exported by `ai` (`packages/ai/src/index.ts` and each directory's `index.ts`):
 *   `generate-text` (generateText, streamText), `generate-object` (generateObject, streamObject), `embed`
 *   (embed, embedMany), `rerank` (rerank), `transcribe` (transcribe, its deprecated alias experimental_transcribe,
 *   experimental_streamTranscribe), `generate-speech` (generateSpeech, experimental_generateSpeech),
 *   `generate-image` (generateImage; experimental_generateImage in AI SDK 4), `generate-video`
 *   (experimental_generateVideo, experimental_startVideo). Each sends one request on the `model` it is given;
 *   what it sends decides how it is priced (report/audio-pricing.ts). Left out: `experimental_startTextBatch` (a
 *   provider batch job of many text requests, not one request), `experimental_streamTranslate` (speech-to-speech).
 * - **Provider instances**: the default instance each provider package exports (`packages/<p>/src/index.ts`,
 *   `export { openai, createOpenAI } from './openai-provider'`), and the community providers in wide use.
 * - **Provider model methods** (`packages/<p>/src/<p>-provider.ts`, the `ProviderV4` interface): the method that
 *   makes a model of each kind from its id, `openai.textEmbeddingModel(id)`, `elevenlabs.transcription(id)`,
 *   `cohere.reranking(id)`.
 * - **Alias providers** (`packages/ai/src/registry`): `customProvider({ languageModels: { alias: model }, … ,
 *   fallbackProvider })` and `createProviderRegistry({ openai, mine }, { separator })` (repo/provider-aliases.ts).
 */

/** What a request sends, for pricing: tokens in and out (`chat`), tokens in (`embedding`), or a unit no token count measures. */
export type RequestKind = 'chat' | 'embedding' | 'rerank' | 'transcription' | 'speech' | 'image' | 'video';

/** The request functions of `ai`, by their exported names (an aliased import is classified by the name it imports). */
export const AI_SDK_REQUESTS: ReadonlyMap<string, RequestKind> = new Map<string, RequestKind>([
  ['generateText', 'chat'],
  ['streamText', 'chat'],
  ['generateObject', 'chat'],
  ['streamObject', 'chat'],
  ['embed', 'embedding'],
  ['embedMany', 'embedding'],
  ['rerank', 'rerank'],
  ['transcribe', 'transcription'],
  ['experimental_transcribe', 'transcription'],
  ['experimental_streamTranscribe', 'transcription'],
  ['generateSpeech', 'speech'],
  ['experimental_generateSpeech', 'speech'],
  ['generateImage', 'image'],
  ['experimental_generateImage', 'image'],
  ['experimental_generateVideo', 'video'],
  ['experimental_startVideo', 'video'],
]);

/** The default provider instances of the `@ai-sdk/*` packages (both spellings where a package renamed one), and community providers. */
const PROVIDER_INSTANCES = [
  'openai', 'anthropic', 'anthropicAws', 'google', 'vertex', 'googleVertex', 'gateway', 'mistral', 'groq', 'xai', 'deepseek', 'deepSeek',
  'bedrock', 'amazonBedrock', 'azure', 'cohere', 'perplexity', 'fireworks', 'togetherai', 'cerebras', 'deepinfra', 'deepInfra', 'alibaba',
  'baseten', 'huggingface', 'huggingFace', 'moonshotai', 'minimax', 'gmicloud', 'fal', 'replicate', 'luma', 'klingai', 'prodia',
  'blackForestLabs', 'bytedance', 'byteDance', 'quiverai', 'elevenlabs', 'elevenLabs', 'deepgram', 'assemblyai', 'gladia', 'revai', 'lmnt',
  'hume', 'cartesia', 'fishAudio', 'voyage',
  // Community providers (`ollama-ai-provider`, `@openrouter/ai-sdk-provider`).
  'ollama', 'openrouter',
];

/** `ProviderV4` methods that make a model from its id, with the kind of request the model serves. */
const PROVIDER_MODEL_METHODS: ReadonlyMap<string, RequestKind> = new Map<string, RequestKind>([
  ...['languageModel', 'chat', 'chatModel', 'responses', 'completion', 'completionModel', 'messages'].map((m) => [m, 'chat'] as const),
  ...['textEmbeddingModel', 'textEmbedding', 'embedding', 'embeddingModel'].map((m) => [m, 'embedding'] as const),
  ...['image', 'imageModel'].map((m) => [m, 'image'] as const),
  ...['transcription', 'transcriptionModel'].map((m) => [m, 'transcription'] as const),
  ...['speech', 'speechModel'].map((m) => [m, 'speech'] as const),
  ...['reranking', 'rerankingModel'].map((m) => [m, 'rerank'] as const),
  ...['video', 'videoModel'].map((m) => [m, 'video'] as const),
]);

/** A provider instance called with a model id, or one of its model methods: `openai('gpt-4.1')`, `cohere.reranking('rerank-v3.5')`. */
export const PROVIDER_FACTORY = new RegExp(`^(${PROVIDER_INSTANCES.join('|')})(\\.(${[...PROVIDER_MODEL_METHODS.keys()].join('|')}))?$`);

/** The kind of model a provider method makes (`transcription` → transcription), or undefined for another method. */
export function providerMethodKind(method: string): RequestKind | undefined {
  return PROVIDER_MODEL_METHODS.get(method);
}

/** `customProvider(…)` and `createProviderRegistry(…)` (and their experimental_ names): objects that map names to models. */
export const ALIAS_PROVIDER = /^(experimental_)?(customProvider|createProviderRegistry)$/;

/**
 * The methods an alias provider answers, each with the options key of `customProvider` holding that kind's table
 * (`languageModels`; embeddings under `textEmbeddingModels` before AI SDK 5 and `embeddingModels` since).
 */
export const ALIAS_TABLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['languageModel', ['languageModels']],
  ['textEmbeddingModel', ['textEmbeddingModels', 'embeddingModels']],
  ['embeddingModel', ['embeddingModels', 'textEmbeddingModels']],
  ['imageModel', ['imageModels']],
  ['transcriptionModel', ['transcriptionModels']],
  ['speechModel', ['speechModels']],
  ['rerankingModel', ['rerankingModels']],
  ['videoModel', ['videoModels']],
]);
