/**
 * Approximate counts for model families whose tokenizer we do not ship: the exact `o200k_base`
 * count times a calibrated ratio from `ratios.json`. Ratios differ between prose and code, so the
 * text's code share (estimated from the density of code punctuation) blends the two.
 */
import type { TokenizerId } from '../catalog/types';
import ratioData from './ratios.json';

export interface RatioProfile {
  readonly label: string;
  readonly prose: number;
  readonly code: number;
  readonly uncertainty: number;
  readonly method: 'measured' | 'published' | 'estimated' | 'assumed';
  readonly source: string;
  readonly asOf: string;
}

export type RatioProfileId = keyof typeof ratioData.profiles;

const PROFILES = ratioData.profiles as Record<RatioProfileId, RatioProfile>;

/** The profile each approximate tokenizer id uses by default. */
const PROFILE_OF_TOKENIZER: Record<Exclude<TokenizerId, 'o200k_base' | 'cl100k_base'>, RatioProfileId> = {
  claude: 'claude',
  gemini: 'gemini',
  gemma: 'gemma',
  llama3: 'llama3',
  llama4: 'llama4',
  qwen: 'qwen',
  deepseek: 'deepseek',
  mistral: 'mistral',
  grok: 'grok',
  other: 'other',
};

export const RATIO_CORPUS: string = ratioData.corpus.description;

export function ratioProfile(id: RatioProfileId): RatioProfile {
  return PROFILES[id];
}

export function isRatioProfileId(id: string): id is RatioProfileId {
  return Object.prototype.hasOwnProperty.call(PROFILES, id);
}

/** The default profile of an approximate tokenizer id; unknown ids fall back to `other`. */
export function profileForTokenizer(tokenizer: TokenizerId): RatioProfileId {
  return (PROFILE_OF_TOKENIZER as Record<string, RatioProfileId>)[tokenizer] ?? 'other';
}

// Share of non-space characters that are code punctuation. On the calibration corpus English prose
// measures 0.000–0.007 and TypeScript/Python 0.063–0.109, so below PROSE_DENSITY counts as prose,
// above CODE_DENSITY as code, and in between the two ratios are blended linearly.
const PROSE_DENSITY = 0.01;
const CODE_DENSITY = 0.06;
const CODE_PUNCTUATION = new Set('{}()[];=<>_|&*+#`'.split('').map((c) => c.charCodeAt(0)));

/** Estimated share of code in `text`, 0 (prose) to 1 (code). Scans at most the first 64k characters. */
export function codeShare(text: string): number {
  const limit = Math.min(text.length, 65536);
  let nonSpace = 0;
  let punctuation = 0;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    nonSpace++;
    if (CODE_PUNCTUATION.has(c)) punctuation++;
  }
  if (nonSpace === 0) return 0;
  const density = punctuation / nonSpace;
  return Math.min(1, Math.max(0, (density - PROSE_DENSITY) / (CODE_DENSITY - PROSE_DENSITY)));
}

/** The ratio to apply to an o200k_base count of `text` under `profile`. */
export function blendedRatio(profile: RatioProfile, text: string): number {
  const share = codeShare(text);
  return profile.prose + (profile.code - profile.prose) * share;
}
