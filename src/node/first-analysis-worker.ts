/**
 * The first-analysis worker's script: loads its work (first-analysis-main.ts: the parser and the
 * detection, half a megabyte) with a V8 code cache in the extension's storage, as the extension's entry loads
 * the main bundle (src/extension/code-cache.ts), so a later session's worker neither parses nor
 * compiles it again, nor the detection code its first analysis ran.
 */
import { workerData } from 'node:worker_threads';
import type { Grammar } from '../core/detect/parser';
import type { DetectAhead } from '../extension/analysis/first-analysis-job';
import { requireWithCodeCache } from '../extension/code-cache';
import type * as Main from './first-analysis-main';

const data = (workerData ?? {}) as { grammars?: Grammar[]; cacheDir?: string; ahead?: DetectAhead[] };
const load = requireWithCodeCache<typeof Main>(`${__dirname}/first-analysis-main.js`, data.cacheDir, module);
load.exports.serve(data.grammars ?? [], { state: load.state, loadMs: load.loadMs, save: load.save }, data.ahead ?? []);
