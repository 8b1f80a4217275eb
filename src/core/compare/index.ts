export type { CompareFilter, CompareOptions, CompareResult, CompareRow, CompareSort, ExcludedOffering } from './types';
export { compareOfferings, sortRows, withExtraRows } from './compare';
export { paretoFlags, dominates } from './pareto';
export { convertWorkload, ratioToO200k } from './tokens';
