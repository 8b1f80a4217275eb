/**
 * Requests billed per unit that no token count measures: speech to text (`audio.transcriptions.create`, AI SDK
 * `transcribe`) per minute of audio, text to speech per character or audio second, images and videos per item,
 * reranking per search. The catalog lists prices per token only, and the amount (the audio's length, the number of
 * images) is not in the code: such a site is unpriced, with the reason, never $0. Embeddings are priced (input only).
 */
import type { Price } from '../cost/types';
import type { DetectedCall } from '../detect/types';
import type { ModelChoice } from './models';

const PER_UNIT: Readonly<Record<string, string>> = {
  transcription: 'audio minutes: speech to text is billed per minute of audio, and the catalog has no per-minute price for this model',
  speech: 'audio output: text to speech is billed per character or second of audio generated, which the catalog does not price per request',
  image: 'images: image generation is billed per image (by size and quality), which the catalog does not price per request',
  video: 'video: video generation is billed per second of video generated, which the catalog does not price',
  rerank: 'searches: reranking is billed per search (query and documents), which the catalog does not price',
};

export function audioUnpriced(call: DetectedCall): Price | undefined {
  const missing = call.kind ? PER_UNIT[call.kind] : undefined;
  return missing ? { kind: 'unpriced', missing: [missing] } : undefined;
}

/**
 * The price a request's kind rules out before its tokens are counted: a per-unit kind above, or an embedding
 * request that fell to a default chat model: the code names no embedding model and nothing in the repository
 * does either. A chat model's input price is not what an embedding costs (an order of magnitude apart), so
 * such a site is unpriced with the reason. A model the code names is priced as written.
 */
export function kindUnpriced(call: DetectedCall, model: ModelChoice): Price | undefined {
  const perUnit = audioUnpriced(call);
  if (perUnit || call.kind !== 'embedding' || model.source !== 'default' || !model.entry || model.entry.kind === 'embedding') return perUnit;
  return {
    kind: 'unpriced',
    missing: [`embedding model: this embedding request names none and ${model.id}, the default it fell to, is a chat model; name it in the code, tokenomics.defaultModels or an annotation`],
  };
}
