/**
 * The one contract between the extension host and the index process it forks per workspace folder
 * (src/node/index-process.ts): the host sends one `build`, then any number of `analyze` (a document's
 * text, answered with its priced report), `cancel`, `changed` (a file on disk) and `mentions`; the
 * process answers each request by its id. The catalog travels once per change (`catalog`), not with
 * every analysis. Plain data only (JSON over the IPC channel). Both sides check what they receive.
 */
import type { Catalog } from '../core/catalog/types';
import type { FileReport } from '../core/report/types';
import type { Assumptions } from '../core/workload';
import type { ModelMention } from '../extension/commands/repository-models';

export interface IndexBuildOptions {
  readonly exclude: readonly string[];
  readonly maxFileBytes: number;
  /** Detection worker threads for the first build, inside the process. */
  readonly jobs: number;
}

/** Host → process. */
export type IndexRequest =
  | { readonly type: 'build'; readonly root: string; readonly options: IndexBuildOptions }
  /** The catalog the next analyses price with (the host's, with the user's custom models and overrides). */
  | { readonly type: 'catalog'; readonly catalog: Catalog }
  | { readonly type: 'analyze'; readonly id: number; readonly text: string; readonly path: string; readonly languageId: string; readonly assumptions: Assumptions }
  /** A newer version of the document is on its way: stop this analysis at its next check. */
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'changed'; readonly path: string }
  | { readonly type: 'mentions'; readonly id: number };

/** Process → host. */
export type IndexReply =
  | { readonly type: 'built'; readonly ms: number }
  | { readonly type: 'build-failed'; readonly message: string }
  /** `ms`: the analysis in the process (the rest of the host's wait is the channel and the queue). */
  | { readonly type: 'report'; readonly id: number; readonly report: FileReport; readonly ms: number }
  | { readonly type: 'cancelled'; readonly id: number }
  | { readonly type: 'mentions'; readonly id: number; readonly mentions: readonly ModelMention[] }
  /** A request that failed (or that the process could not read): one line the host logs. */
  | { readonly type: 'error'; readonly id?: number; readonly message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Why a request cannot be served, or undefined when it can. */
export function indexRequestProblem(m: unknown): string | undefined {
  if (!isRecord(m)) return 'expected a request';
  switch (m.type) {
    case 'build': {
      const o = m.options;
      if (typeof m.root !== 'string' || m.root === '') return 'the build request names no folder';
      if (!isRecord(o) || !Array.isArray(o.exclude) || !o.exclude.every((g) => typeof g === 'string') || !isId(o.maxFileBytes) || !isId(o.jobs)) return 'the build request has malformed options';
      return undefined;
    }
    case 'catalog':
      return isRecord(m.catalog) && Array.isArray(m.catalog.models) && Array.isArray(m.catalog.offerings) ? undefined : 'the catalog is malformed';
    case 'analyze':
      if (!isId(m.id) || typeof m.text !== 'string' || typeof m.path !== 'string' || typeof m.languageId !== 'string') return 'the analysis request is malformed';
      return isRecord(m.assumptions) ? undefined : 'the analysis request has no assumptions';
    case 'cancel':
    case 'mentions':
      return isId(m.id) ? undefined : `the ${m.type} request has no id`;
    case 'changed':
      return typeof m.path === 'string' && m.path !== '' ? undefined : 'the change names no file';
    default:
      return 'unknown request';
  }
}

/** Whether a message from the process has the shape of a reply (the report itself is the core's, built there). */
export function isIndexReply(m: unknown): m is IndexReply {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'built':
      return typeof m.ms === 'number';
    case 'build-failed':
      return typeof m.message === 'string';
    case 'report':
      return isId(m.id) && isRecord(m.report) && Array.isArray(m.report.calls) && typeof m.report.path === 'string' && typeof m.ms === 'number';
    case 'cancelled':
      return isId(m.id);
    case 'mentions':
      return isId(m.id) && Array.isArray(m.mentions);
    case 'error':
      return typeof m.message === 'string' && (m.id === undefined || isId(m.id));
    default:
      return false;
  }
}
