/**
 * The context window that applies to a request at one offering, and whether a
 * request fits it. A window no source states is `unknown`: nothing is checked
 * against a guess, and surfaces say so.
 */
import type { ModelEntry, Offering } from './types';

export interface ContextWindowFacts {
  /** Tokens, input and output together; absent when no source states the window. */
  readonly tokens?: number;
  /** Where the figure comes from. */
  readonly source?: string;
  /** Set when sources disagree: what each says and which one is used. */
  readonly conflict?: string;
}

/** The offering's own window where its provider serves less (or the overlay decided), else the model's. */
export function contextWindowOf(model: ModelEntry | undefined, offering: Offering | undefined): ContextWindowFacts {
  // The generator sets an offering's window only where it applies there (a host serving less, a sourced decision).
  const own = offering?.contextWindow;
  const tokens = own ?? model?.contextWindow;
  const source = tokens === undefined ? undefined : own !== undefined ? `${offering?.id} (this provider's window)` : model?.contextWindowSource ?? model?.source;
  return {
    ...(tokens !== undefined ? { tokens } : {}),
    ...(source ? { source } : {}),
    ...(offering?.contextWindowNote ? { conflict: offering.contextWindowNote } : {}),
  };
}

export type ContextFit =
  | { readonly kind: 'fits'; readonly requestTokens: number; readonly window: ContextWindowFacts & { readonly tokens: number } }
  | { readonly kind: 'exceeds'; readonly requestTokens: number; readonly window: ContextWindowFacts & { readonly tokens: number } }
  | { readonly kind: 'unknown'; readonly requestTokens: number; readonly window: ContextWindowFacts };

/** Whether `requestTokens` (prompt + output + reasoning) fits the window that applies at `offering`. */
export function checkContextFit(model: ModelEntry | undefined, offering: Offering | undefined, requestTokens: number): ContextFit {
  const window = contextWindowOf(model, offering);
  const tokens = window.tokens;
  if (tokens === undefined) return { kind: 'unknown', requestTokens, window };
  return { kind: requestTokens > tokens ? 'exceeds' : 'fits', requestTokens, window: { ...window, tokens } };
}
