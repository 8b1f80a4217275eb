/**
 * Requests of plain helper functions that only a family's implementation calls (NextChat's `stream()` and
 * `streamWithThink()` in app/utils/chat.ts, called from the `chat` method of each provider class): they run only
 * when a family call runs, so they are the family's implementation too, listed and not billed again. A helper
 * any other code calls (application code, module level, a test) keeps its requests as sites of their own.
 *
 * And the loops whose step is such a request (the `finish`/`chatApi` tool loop inside `stream()`): they run inside
 * the family's call, so they are priced where the family is called, not billed apart (loopStepOf in index.ts).
 */
import type { FunctionFact } from './facts';
import type { CallGraph } from './graph';
import type { RepoStore } from './store';

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** The outermost function of a file holding `line` (a nested `chatApi` belongs to its `stream`). */
function outermost(store: RepoStore, path: string, line: number): string | undefined {
  let best: { name: string; line: number; endLine: number } | undefined;
  for (const [name, f] of store.get(path)?.functions ?? []) {
    if (f.line <= line && line <= f.endLine && (!best || (f.line <= best.line && f.endLine >= best.endLine))) best = { name, line: f.line, endLine: f.endLine };
  }
  return best?.name;
}

/**
 * `implementations` (`path#callId`) grown by the requests of helpers reached only from implementation code: a
 * function holding an implementation request is implementation code, and so, in turn, is a helper every caller of
 * which is (repeated until nothing changes).
 */
export function withHelperImplementations(store: RepoStore, graph: CallGraph, implementations: ReadonlySet<string>): ReadonlySet<string> {
  if (!implementations.size) return implementations;
  const out = new Set(implementations);
  const spans = new Map<string, FunctionFact[]>();
  const addSpan = (path: string, fn: string | undefined): void => {
    const f = fn ? store.get(path)?.functions.get(fn) : undefined;
    if (f) if (!spans.get(path)?.includes(f)) spans.set(path, [...(spans.get(path) ?? []), f]);
  };
  const callOf = (key: string) => {
    const hash = key.lastIndexOf('#');
    const path = key.slice(0, hash);
    return { path, call: store.get(path)?.file.calls.find((c) => c.id === key.slice(hash + 1)) };
  };
  for (const key of implementations) {
    const { path, call } = callOf(key);
    if (call) addSpan(path, outermost(store, path, call.line));
  }
  const inImplementation = (path: string, line: number): boolean => (spans.get(path) ?? []).some((s) => s.line <= line && line <= s.endLine);
  // The family's own methods (`chat`) and the types its classes implement (`LLMApi`): a sibling class whose own
  // request detection does not read (a body built by a call) still calls the helper as the family's implementation.
  // TypeScript's `implements` is not a recorded base: there a sibling is a class of a folder holding the family's.
  const methods = new Set<string>();
  const bases = new Set<string>();
  const folders = new Set([...spans.keys()].map(folderOf));
  for (const [path, of] of spans) {
    for (const [name, f] of store.get(path)?.functions ?? []) {
      const dot = name.lastIndexOf('.');
      if (dot < 0 || !of.includes(f)) continue;
      methods.add(name.slice(dot + 1));
      for (const b of store.get(path)?.classes.get(name.slice(0, dot))?.bases ?? []) bases.add(b);
    }
  }
  const familyMethod = (path: string, from: string | undefined): boolean => {
    const dot = from?.lastIndexOf('.') ?? -1;
    if (!from || dot < 0 || !methods.has(from.slice(dot + 1))) return false;
    const cls = store.get(path)?.classes.get(from.slice(0, dot));
    return !!cls && (cls.bases.some((b) => bases.has(b)) || folders.has(folderOf(path)));
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of store.files()) {
      for (const call of s.file.calls) {
        const key = `${s.file.path}#${call.id}`;
        if (out.has(key) || call.agent || call.role) continue;
        const fn = outermost(store, s.file.path, call.line);
        if (!fn || fn.includes('.')) continue; // a class method is a family's own or application code, not a helper
        const own = s.functions.get(fn)!;
        const callers = graph.callers(s.file.path, fn).filter((e) => !(e.path === s.file.path && own.line <= e.line && e.line <= own.endLine));
        if (!callers.length || !callers.every((e) => e.from !== undefined && (inImplementation(e.path, e.line) || familyMethod(e.path, e.from)))) continue;
        out.add(key);
        if (!inImplementation(s.file.path, call.line)) addSpan(s.file.path, fn);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Where a loop whose step request is a family's implementation is priced: the family's calls, which run it (a
 * `stepOf` note for the report, so the loop is listed and not billed apart). Undefined for any other loop.
 */
export function implementationLoopOf(store: RepoStore, path: string, line: number, isImplementation: (path: string, callId: string) => boolean, step?: { readonly path: string; readonly callId: string }): string | undefined {
  const own = store.get(path)?.file.loops.find((l) => l.line === line && l.callId);
  const at = own?.callId ? { path, callId: own.callId } : step;
  if (!at || !isImplementation(at.path, at.callId)) return undefined;
  const call = store.get(at.path)?.file.calls.find((c) => c.id === at.callId);
  // Only a helper's request (a plain function): a loop over a chat-model class's own request keeps its pricing.
  if (!call || outermost(store, at.path, call.line)?.includes('.') !== false) return undefined;
  return `the calls of its family (${at.path}:${call?.line ?? line}, the request it repeats, is their implementation)`;
}
