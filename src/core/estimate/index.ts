/** One estimate per site, built in the core; every surface formats these. */
export type { AppliedPrices, EstimateUnit, ModelFinding, PromptShare, SiteEstimate, StepsFinding } from './types';
export { siteEstimates, estimateForSite, callEstimate, loopEstimate, promptEstimate, instructionsEstimate, spanContains, spanWithin } from './site';
export { estimateText, oneCallEstimate } from './text';
export { estimateUsage, monthlyOf, type UsageEstimate, type UsageEstimateInput } from './call';
export { callModelSource, loopModelSource } from './model-source';
