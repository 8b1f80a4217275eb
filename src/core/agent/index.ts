export type { AgentEstimate, AgentStepEstimate, AgentTotals, CachingApplied, StepStatus, ValueRange, WorkloadEstimate } from './types';
export { simulateAgentLoop, cleanWorkload, MAX_SIMULATED_STEPS } from './simulate';
export { estimateWorkload } from './estimate';
export { cachePolicy, cacheableLength } from './caching';
