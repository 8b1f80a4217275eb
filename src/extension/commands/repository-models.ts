/**
 * The model ids a repository uses, for "Set an assumption → Model": every model its code, config
 * or annotations name (resolved per site by the core: the workspace report, the repository index,
 * the file being edited), counted and listed before the catalog. Only ids the catalog knows are
 * offered, by their catalog id: a variable's name (`model`, `gpt_4_1_mini`, `MODEL_NAME`) or a
 * default the tool assumed is never offered as a model the repository uses. Pure (no vscode).
 */
import { resolveModel } from '../../core/catalog';
import type { Catalog } from '../../core/catalog/types';
import { looksLikeModel } from '../../core/detect/model-resolve';
import type { RepoIndex } from '../../core/repo';
import type { FileReport, ModelSource, SourceRef } from '../../core/report/types';

/** One place that names a model; or, counted (`countMentions`), the first of `count` places. */
export interface ModelMention extends SourceRef {
  readonly model: string;
  readonly count?: number;
}

export interface RepositoryModel {
  readonly id: string;
  /** How many sites (calls, loops without a step call) can run on it. */
  readonly sites: number;
  /** The first place (by path and line), to say where it comes from. */
  readonly at: SourceRef;
}

/** Sources that are not the site's own choice: the tool's defaults and its guess of the repository's default. */
const ASSUMED: ReadonlySet<ModelSource['from']> = new Set(['default', 'vendor-default', 'repository-default']);

function named(model: string | undefined, source: ModelSource | undefined, path: string, line: number): ModelMention[] {
  if (!model || (source && ASSUMED.has(source.from))) return [];
  return [{ model, path: source?.at?.path ?? path, line: source?.at?.line ?? line }];
}

/**
 * Every model a file's sites name (defaults left out): once per call for each model it can run
 * on (its own, its callers', its branches'); a loop through its step call, or alone when it has none.
 */
export function mentionsInReport(file: FileReport): ModelMention[] {
  const out: ModelMention[] = [];
  for (const c of file.calls) {
    const all = [
      ...named(c.modelResolved ?? c.model, c.modelSource, file.path, c.line),
      ...(c.uses ?? []).flatMap((u) => named(u.model, u.modelSource, u.path, u.line)),
      ...(c.alternatives ?? []).flatMap((a) => named(a.model, undefined, a.path, a.line)),
    ];
    const seen = new Set<string>();
    for (const m of all) if (!seen.has(m.model) && seen.add(m.model)) out.push(m);
  }
  for (const l of file.agentLoops) if (!l.callId) out.push(...named(l.model, l.modelSource, file.path, l.line));
  return out;
}

/** Every model the repository index resolves for the calls it holds: a literal in the file, or one followed across files. */
export function mentionsInIndex(index: RepoIndex): ModelMention[] {
  const out: ModelMention[] = [];
  for (const stored of index.store.files()) {
    const path = stored.file.path;
    for (const call of stored.file.calls) {
      if (call.model) out.push({ model: call.model, path, line: call.modelOrigin?.line ?? call.line });
      else {
        const found = index.modelFor(path, call);
        if (found) out.push(...named(found.model, found.source, path, call.line));
      }
    }
  }
  return out;
}

const earlier = (a: SourceRef, b: SourceRef): boolean => a.path.localeCompare(b.path) < 0 || (a.path === b.path && a.line < b.line);

/**
 * The mentions once per model as named, each with how many there were and the first place (by path
 * and line): what `repositoryModels` makes of them is unchanged, and a workspace scan's thousands of
 * mentions travel and stay as a few dozen.
 */
export function countMentions(mentions: Iterable<ModelMention>): ModelMention[] {
  const byModel = new Map<string, { count: number; at: SourceRef }>();
  for (const m of mentions) {
    const seen = byModel.get(m.model);
    const at = { path: m.path, line: m.line };
    if (!seen) byModel.set(m.model, { count: m.count ?? 1, at });
    else byModel.set(m.model, { count: seen.count + (m.count ?? 1), at: earlier(at, seen.at) ? at : seen.at });
  }
  return [...byModel.entries()].map(([model, v]) => ({ model, path: v.at.path, line: v.at.line, count: v.count }));
}

/**
 * The catalog ids of the mentions, most used first (then by id). A mention the catalog does not
 * know, or that is spelled like an identifier, is dropped.
 */
export function repositoryModels(mentions: Iterable<ModelMention>, catalog: Catalog): RepositoryModel[] {
  const byId = new Map<string, { sites: number; at: SourceRef }>();
  for (const m of mentions) {
    if (!looksLikeModel(m.model)) continue;
    const resolved = resolveModel(catalog, m.model);
    if (resolved.kind !== 'resolved') continue;
    const id = resolved.model.id;
    const seen = byId.get(id);
    const at = { path: m.path, line: m.line };
    const count = m.count ?? 1;
    if (!seen) byId.set(id, { sites: count, at });
    else byId.set(id, { sites: seen.sites + count, at: earlier(at, seen.at) ? at : seen.at });
  }
  return [...byId.entries()].map(([id, v]) => ({ id, ...v })).sort((a, b) => b.sites - a.sites || a.id.localeCompare(b.id));
}
