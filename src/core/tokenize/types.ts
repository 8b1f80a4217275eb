import type { TokenizerId } from '../catalog/types';

/** The token count of a text under one tokenizer, and how much to trust it. */
export interface TokenCount {
  readonly tokens: number;
  /** True when counted by the model's own tokenizer; false for a calibrated approximation. */
  readonly exact: boolean;
  readonly tokenizer: TokenizerId;
  /** For approximations: relative uncertainty of the count (0.1 = ±10%), from the calibration. */
  readonly uncertainty?: number;
  /** One line saying how the count was made, e.g. "exact, js-tiktoken o200k_base" or "≈ o200k_base × 1.12 (±8%, calibrated on …)". */
  readonly basis: string;
}
