/**
 * One user request counted once when the app relays it through its own server (detect/own-origin.ts has the
 * per-file facts): the browser's SDK request to the page's own origin (`ownRoute`, `/v1/chat/completions`) and
 * the server route's request that forwards the body it received (`relayRoutes`) are the same request. Where a
 * relay's senders are requests of the repository, the relay runs on their models and is listed as relaying them,
 * not billed again (role `relay`, report/roles.ts); where nothing of the repository sends to it with an SDK (a
 * plain `fetch` of the route, NextChat's proxy), the relay stays the site it was.
 *
 * A route answers a sender when one of its decorator paths is the sender's path (a router mounted under a prefix
 * is not read: `/api` + `/v1/chat/completions` answers nobody); a file-routed handler (Next.js
 * `app/**\/route.ts`, `pages/api/**`) when its file's pattern matches the sender's path (route-callers.ts).
 */
import type { DetectedCall } from '../detect/types';
import type { CallReport } from '../report/types';
import { routePattern } from './route-callers';
import { relayedText } from '../report/relay-sites';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';

export interface RelaySender {
  readonly path: string;
  readonly line: number;
  readonly id: string;
}

/** Each relay request (`path#callId`) with the requests of the repository that send to its route. */
export function relayIndex(store: RepoStore, scopeOf: (path: string) => string): ReadonlyMap<string, readonly RelaySender[]> {
  const senders: (RelaySender & { route: string })[] = [];
  const relays: { path: string; call: DetectedCall }[] = [];
  for (const f of store.files()) {
    for (const c of f.file.calls) {
      if (c.ownRoute) senders.push({ path: f.file.path, line: c.line, id: c.id, route: c.ownRoute });
      if (c.relayRoutes) relays.push({ path: f.file.path, call: c });
    }
  }
  const out = new Map<string, RelaySender[]>();
  if (!senders.length) return out;
  for (const { path, call } of relays) {
    const routes = call.relayRoutes!;
    const pattern = routes.length ? undefined : routePattern(path);
    const answers = (route: string): boolean => (pattern ? pattern.test(route) : routes.some((r) => sameRoute(route, r)));
    const scope = scopeOf(path);
    const found = senders.filter((s) => s.path !== path && scopeOf(s.path) === scope && answers(s.route)).map(({ route: _route, ...s }) => s);
    if (found.length) out.set(`${path}#${call.id}`, found);
  }
  return out;
}

function sameRoute(sent: string, declared: string): boolean {
  return sent.replace(/\/+$/, '') === declared.replace(/\/+$/, '');
}


/** The model a relay runs on: the one most of its senders send, as their reports price it. */
export function relayModel(senders: readonly RelaySender[], report: (path: string, id: string) => CallReport | undefined): ResolvedModel | undefined {
  const votes = new Map<string, { count: number; report: CallReport; at: RelaySender }>();
  for (const s of senders) {
    const r = report(s.path, s.id);
    const model = r?.modelResolved ?? r?.model;
    if (!r || !model) continue;
    const v = votes.get(model);
    if (v) v.count++;
    else votes.set(model, { count: 1, report: r, at: s });
  }
  const [best, second] = [...votes.entries()].sort((a, b) => b[1].count - a[1].count);
  if (!best || (second && second[1].count === best[1].count)) return undefined;
  const [model, { report: r, at }] = best;
  const from = r.modelSource?.from ?? 'code';
  return { model, source: { from, at: r.modelSource?.at ?? { path: at.path, line: at.line }, detail: `the model of the requests it relays (${relayedText(senders)})${r.modelSource?.detail ? `: ${r.modelSource.detail}` : ''}` } };
}
