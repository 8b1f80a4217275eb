export { buildDiff, headlineMonthly, reasonsFor, type BuildDiffInput, type DiffSideInput } from './build';
export { parseUnifiedDiff, mapLine, type FileChange, type Hunk } from './hunks';
export { matchSites, type FilePairing, type SitePair } from './match';
export { comparableSites, anchorAt, type ComparableSite } from './sites';
export { diffMarkdown, diffTable, headlineText, isNoChange, signedUsd, GITHUB_MARKER, TOP_SITES } from './render';
export { DIFF_VERSION, type DiffReport, type DiffSide, type SiteDelta, type SiteChange } from './types';
