/**
 * Speech-to-text requests (`audio.transcriptions.create`) are billed per minute of audio. The catalog lists
 * prices per token only, and the length of the audio a user sends is not in the code: such a site is
 * unpriced, with the reason, never $0.
 */
import type { Price } from '../cost/types';
import type { DetectedCall } from '../detect/types';

export function audioUnpriced(call: DetectedCall): Price | undefined {
  if (call.kind !== 'transcription') return undefined;
  return { kind: 'unpriced', missing: ['audio minutes: speech to text is billed per minute of audio, and the catalog has no per-minute price for this model'] };
}
