/**
 * Tools defined but never offered (detect/inactive-tools.ts): a factory or tool constant that some request puts in
 * its tool map while its `activeTools` leaves the tool out, and that no request offers. The texts written inside
 * such a definition (its description, its schema picked there) are not sent, so they are not prompts.
 *
 * The definition is the factory function the map's value calls (`createQuestionTool(model)`, followed through
 * imports), or for a constant (`export const askQuestionTool = createQuestionTool(…)`) the factory it calls.
 */
import type { RepoStore } from './store';
import { followImports } from './spliced-constants';

export interface ToolSpan {
  readonly path: string;
  readonly line: number;
  readonly endLine: number;
}

/** The definitions of tools some request leaves out of `activeTools` and none offers. */
export function inactiveToolSpans(store: RepoStore): ToolSpan[] {
  const offered = new Set<string>();
  const left: ToolSpan[] = [];
  for (const stored of store.files()) {
    for (const fact of stored.facts.toolOffers ?? []) {
      const span = definitionOf(store, stored.file.path, fact.origin);
      if (!span) continue;
      const key = `${span.path}#${span.line}`;
      if (fact.offered) offered.add(key);
      else if (!left.some((s) => `${s.path}#${s.line}` === key)) left.push(span);
    }
  }
  return left.filter((s) => !offered.has(`${s.path}#${s.line}`));
}

/** Ids of the prompts of `path` written inside a tool definition no request offers. */
export function inactiveToolPromptIds(store: RepoStore, spans: readonly ToolSpan[], path: string, into: Set<string>): Set<string> {
  const here = spans.filter((s) => s.path === path);
  if (!here.length) return into;
  for (const p of store.get(path)?.file.prompts ?? []) if (within(here, path, p.line)) into.add(p.id);
  return into;
}

export function within(spans: readonly ToolSpan[], path: string, line: number): boolean {
  return spans.some((s) => s.path === path && s.line <= line && line <= s.endLine);
}

/** The factory function a tool's origin names, or the one a constant of that name calls, where it is written. */
function definitionOf(store: RepoStore, fromPath: string, name: string): ToolSpan | undefined {
  const fn = functionSpan(store, fromPath, name);
  if (fn) return fn;
  const at = followImports(store, fromPath, name, (stored, wanted) => stored.facts.values[wanted] !== undefined);
  const value = at ? store.get(at.path)?.facts.values[at.name] : undefined;
  return value?.k === 'call' && value.callee.k === 'name' ? functionSpan(store, at!.path, value.callee.v) : undefined;
}

function functionSpan(store: RepoStore, fromPath: string, name: string): ToolSpan | undefined {
  const at = followImports(store, fromPath, name, (stored, wanted) => stored.facts.functions.some((f) => f.name === wanted));
  const def = at ? store.get(at.path)?.facts.functions.find((f) => f.name === at.name) : undefined;
  return at && def ? { path: at.path, line: def.line, endLine: def.endLine } : undefined;
}
