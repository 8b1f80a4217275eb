/**
 * A loop over data that is still an agent loop: each pass hands the request what the pass before made and keeps
 * what comes back (`for test in ai_tests: … problem = await run_fix(self, problem, error)`): the items are the
 * occasions, the work is one piece refined pass after pass. A loop over data whose requests take only the item
 * (`for doc in docs: summaries.append(summarize(doc))`) maps a request over a list and stays no agent loop.
 * Bounded by the list it walks; how long that is the code does not say.
 */
import type { LoopFact } from './facts';

/** Whether the loop is taken: not over data, or over data with a request on a line that carries its result forward. */
export function stepLoop(loop: LoopFact): boolean {
  return !loop.overData || Boolean(loop.carries?.length);
}

/** A loop over data is an agent loop only where a call reaching the request is one of the carrying assignments. */
export function carriedStep(loop: LoopFact, stepLines: readonly number[]): boolean {
  if (!loop.overData) return true;
  const carries = new Set(loop.carries ?? []);
  return stepLines.some((l) => carries.has(l));
}

/** A counted loop whose requests all go out through fanned-out calls (fanned-out.ts): one question per pass. */
export function fannedOutStep(loop: LoopFact, stepLines: readonly number[]): boolean {
  return Boolean(loop.fanOut?.length) && stepLines.length > 0 && stepLines.every((l) => loop.fanOut!.includes(l));
}
