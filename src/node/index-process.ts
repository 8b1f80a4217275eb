/**
 * The index process: the extension host forks this script (bundled as `dist/index-process.js`) once
 * per workspace folder, as a language client runs its server, and keeps it for the session. It owns
 * the folder's repository index (`WorkspaceRepository`: the same walk, detection workers and
 * repository pass as a scan) and answers the analyses that need it: a document's text comes in, its
 * priced report goes back. So the index (tens of MB for a large repository) and the garbage of every
 * re-analysis with it (the cross-file answers recomputed after an edit) live here, not in the
 * extension host the user types through. Messages are the contract in `index-process-protocol.ts`;
 * requests are served one at a time, in order, and a cancelled one stops at detection's next check.
 * Loaded without an IPC channel (not forked), it does nothing.
 */
import type { Catalog } from '../core/catalog/types';
import { parse, type Grammar } from '../core/detect/parser';
import { indexRequestProblem, type IndexReply, type IndexRequest } from './index-process-protocol';
import { oneLine } from './scan-process-protocol';
import { WorkspaceRepository } from './workspace-repo';

let repo: WorkspaceRepository | undefined;
let catalog: Catalog | undefined;
const cancelled = new Set<number>();
/** Requests run one after the other (an analysis updates the index the next one reads). */
let queue: Promise<void> = Promise.resolve();

function send(reply: IndexReply): void {
  process.send?.(reply);
}

/** Grammars compiled once the index is built, so the first analysis with it does not pay for them. */
const WARM: Record<Grammar, string> = { typescript: 'const a = 1;', tsx: 'const a = <b/>;', javascript: 'const a = 1;', python: 'a = 1' };

async function build(request: Extract<IndexRequest, { type: 'build' }>): Promise<void> {
  const started = Date.now();
  repo = new WorkspaceRepository(request.root, { exclude: request.options.exclude, maxFileBytes: request.options.maxFileBytes, jobs: request.options.jobs, minFilesForWorkers: 1 });
  try {
    await repo.index();
    for (const grammar of Object.keys(WARM) as Grammar[]) await parse(WARM[grammar], grammar, { timeoutMs: 10_000 }).catch(() => undefined);
    send({ type: 'built', ms: Date.now() - started });
  } catch (err) {
    send({ type: 'build-failed', message: oneLine(err) });
  }
}

async function serve(request: IndexRequest): Promise<void> {
  switch (request.type) {
    case 'catalog':
      catalog = request.catalog;
      return;
    case 'analyze': {
      const id = request.id;
      if (cancelled.delete(id)) return send({ type: 'cancelled', id });
      if (!repo?.isBuilt() || !catalog) return send({ type: 'error', id, message: repo?.isBuilt() ? 'no catalog was sent before the analysis' : 'the index is not built' });
      try {
        const started = performance.now();
        const report = await repo.analyze(request.text, request.path, request.languageId, { catalog, assumptions: request.assumptions, isCancelled: () => cancelled.has(id) });
        return send(cancelled.has(id) ? { type: 'cancelled', id } : { type: 'report', id, report, ms: Math.round(performance.now() - started) });
      } catch (err) {
        return send({ type: 'error', id, message: oneLine(err) });
      } finally {
        // Requests are served in order: a cancel for this one or an earlier one that arrived too late is moot.
        for (const c of cancelled) if (c <= id) cancelled.delete(c);
      }
    }
    case 'changed':
      return repo?.fileChanged(request.path).catch(() => undefined);
    case 'mentions':
      return send({ type: 'mentions', id: request.id, mentions: repo ? await repo.modelMentions() : [] });
    default:
      return;
  }
}

function receive(message: unknown): void {
  const problem = indexRequestProblem(message);
  if (problem) return send({ type: 'error', message: problem });
  const request = message as IndexRequest;
  // A cancel must overtake the queue: it names an analysis that is waiting or running.
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  // The build runs beside the queue (it takes seconds to minutes); analyses are not sent before it is done.
  if (request.type === 'build') {
    if (!repo) void build(request);
    return;
  }
  queue = queue.then(() => serve(request)).catch((err: unknown) => send({ type: 'error', message: oneLine(err) }));
}

if (process.send) {
  // The host went away (closed window, crashed extension host): the index has no one to answer.
  process.on('disconnect', () => process.exit(0));
  process.on('message', receive);
}
