/** A repository loop bounded by a cost or token budget (repo/pricing.ts): its steps are what the budget buys. */
import { budgetSteps, stepsWithinBudget } from '../repo/pricing';
import type { DetectedLoop } from '../detect/types';
import type { RepoLoop } from '../repo/types';
import type { PricedLoop } from './cycle-passes';

/** Priced at the steps the budget buys at the first step's cost, then at those that fit as the context grows. */
export function priceBudgeted(r: RepoLoop, perStep: number | undefined, unboundedSteps: number, price: (loop: DetectedLoop) => PricedLoop): PricedLoop {
  let loop = r.loop;
  if ((r.costLimitUsd === undefined && r.tokenLimit === undefined) || loop.maxSteps !== undefined) return price(loop);
  loop = { ...loop, ...budgetSteps(r, perStep, unboundedSteps) };
  const out = price(loop);
  // Each step sends the context so far: the limit is reached after fewer steps than limit ÷ first step's cost.
  const fitted = out.estimate ? stepsWithinBudget(out.estimate.agent.steps, r) : undefined;
  return fitted !== undefined && fitted < loop.maxSteps! ? price({ ...loop, maxSteps: fitted }) : out;
}
