/**
 * One call priced only when it fits the context window: a request over the
 * window is rejected by the API, so it has no price. The same kind of result
 * `simulateAgentLoop` gives a loop whose first step overflows (unpriced, naming
 * the window it would need), so `estimate` and `agent` agree.
 */
import { checkContextFit, type ContextFit } from '../catalog/context';
import type { ModelEntry, Offering, ProviderEntry } from '../catalog/types';
import { priceCall, promptTokens } from './price';
import type { CallUsage, Price } from './types';

export interface CallInWindow {
  readonly price: Price;
  readonly fit: ContextFit;
}

export function priceCallInWindow(model: ModelEntry | undefined, offering: Offering | undefined, usage: CallUsage, provider?: ProviderEntry): CallInWindow {
  const requestTokens = promptTokens(usage) + (usage.output ?? 0) + (usage.reasoning ?? 0);
  const fit = checkContextFit(model, offering, requestTokens);
  if (fit.kind === 'exceeds') {
    return { fit, price: { kind: 'unpriced', missing: [`a context window of at least ${requestTokens} tokens (${offering?.model ?? model?.id} has ${fit.window.tokens})`] } };
  }
  return { fit, price: priceCall(offering, usage, provider) };
}
