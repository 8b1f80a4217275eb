/**
 * Alternatives are not sums: bindings (or requests on different models) made in mutually exclusive
 * branches of one function — if/elif/else or match on a provider, the entries of a dict of factories,
 * the returns of a factory — are one site. The default branch keeps the site; the others become its
 * `alternatives` and are no longer sites of their own.
 */
import { chooseDefault, enclosingFunction, exclusive } from './branches';
import { sendDifferentPrompts } from './distinct-requests';
import type { CallInfo } from './call-links';
import type { SiteRegistry } from './sites';
import type { LanguageSyntax } from './syntax';
import type { DetectedAlternative } from './types';

/** Merges exclusive sites; returns, for each merged-away site's node id, the site that now stands for it. */
export function groupExclusiveSites(syntax: LanguageSyntax, sites: SiteRegistry, calls: CallInfo[]): Map<number, CallInfo> {
  const merged = new Map<number, CallInfo>();
  const candidates = calls.filter((c) => !c.call.agent && (c.call.role === 'binding' || c.rule.role === 'call'));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Once per site, not once per pair: each parent step of a tree-sitter node walks down from the root,
  // so per pair this was quadratic in sites times depth (a 5,000-line file took seconds).
  const owner = candidates.map((c) => enclosingFunction(c.node, true)?.id);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i];
      const b = candidates[j];
      if (!sameKind(a, b) || owner[i] !== owner[j]) continue;
      if (exclusive(a.node, b.node)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, CallInfo[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  });
  const removed = new Set<CallInfo>();
  const queue = [...groups.values()];
  for (let group = queue.shift(); group; group = queue.shift()) {
    if (group.length < 2) continue;
    const choice = chooseDefault(
      syntax,
      group.map((g) => g.node),
    );
    const chosen = group[choice.chosen];
    // Arms sending other prompts than the default's are requests of their own (distinct-requests.ts), grouped anew.
    const own = group.filter((g) => g !== chosen && sendDifferentPrompts(syntax, sites, chosen, g));
    if (own.length) queue.push(own);
    const alternatives: DetectedAlternative[] = [...(chosen.call.alternatives ?? [])];
    group.forEach((g, i) => {
      if (g === chosen || own.includes(g)) return;
      const c = g.call;
      alternatives.push({
        ...(c.model ? { model: c.model } : c.modelRef ? { modelRef: c.modelRef } : {}),
        ...(c.providerHint ? { providerHint: c.providerHint } : {}),
        line: c.line,
        ...(choice.conditions[i] ? { condition: choice.conditions[i] } : {}),
      });
      removed.add(g);
      merged.set(g.node.id, chosen);
    });
    chosen.call.alternatives = alternatives;
  }
  if (removed.size) {
    const keep = (c: { id: string }): boolean => ![...removed].some((r) => r.call.id === c.id);
    sites.calls.splice(0, sites.calls.length, ...sites.calls.filter(keep));
    calls.splice(0, calls.length, ...calls.filter((c) => !removed.has(c)));
  }
  return merged;
}

/** Bindings group with bindings, requests with requests, embeddings with embeddings. */
function sameKind(a: CallInfo, b: CallInfo): boolean {
  return (a.call.role === 'binding') === (b.call.role === 'binding') && a.call.kind === b.call.kind;
}

export type { DetectedAlternative };
