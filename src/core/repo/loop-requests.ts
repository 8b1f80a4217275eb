/**
 * The requests an agent loop can reach, by function: those each file's detection found, and those only the
 * repository reveals (a call on the repository's own chat-model class family, `self.llm.gen(…)` after
 * `self.llm = LLMCreator.create_llm(…)`, py-families.ts; a typed call on the repository's own chat-model
 * type, typed-requests.ts). A revealed request is a request like any other: a loop that sends one in its body,
 * or reaches one through the repository's functions, drives the model.
 *
 * Revealed calls are not in the file's detection, so a loop sending one in its own body is not a loop the
 * file's detection reports: the repository pass finds it (`inBody`).
 */
import type { DetectedCall } from '../detect/types';
import type { CalleeFact, FunctionFact, LoopFact } from './facts';
import type { RepoStore } from './store';

/** The calls of a file that only the repository reveals (RepoHints.revealedCalls). */
export type RevealedLookup = (path: string) => readonly DetectedCall[];

export interface StepRequest {
  readonly path: string;
  readonly callId: string;
}

export class LoopRequests {
  /** Requests by `path#function`. */
  readonly any = new Map<string, string[]>();
  /** Those not after an early-return guard of their function: the requests every run of it sends. */
  readonly sure = new Map<string, string[]>();
  /** Revealed requests' lines and callees, by `path` then call id. */
  private readonly revealedAt = new Map<string, Map<string, { line: number; callee: string }>>();

  constructor(
    private readonly store: RepoStore,
    revealed: RevealedLookup | undefined,
  ) {
    for (const f of store.files()) {
      const detected = new Map(f.file.calls.map((c) => [c.id, c]));
      for (const c of f.facts.calls) {
        const call = detected.get(c.id);
        if (!call || call.agent || !c.fn) continue;
        this.add(`${f.file.path}#${c.fn}`, c.id, !c.gated);
      }
      const shown = revealed?.(f.file.path) ?? [];
      if (!shown.length) {
        this.addHanded(f.file.path, f.functions);
        continue;
      }
      const at = new Map<string, { line: number; callee: string }>();
      for (const call of shown) {
        // Embedding requests retrieve; a loop over them walks data, it does not drive a model.
        if (call.agent || call.kind === 'embedding' || detected.has(call.id)) continue;
        at.set(call.id, { line: call.line, callee: call.callee });
        const fn = innermostFunction(f.functions, call.line);
        if (fn) this.add(`${f.file.path}#${fn.name}`, call.id, true);
      }
      if (at.size) this.revealedAt.set(f.file.path, at);
      this.addHanded(f.file.path, f.functions);
    }
  }

  /**
   * A closure handed to a call of its enclosing function (`self._execute_with_retry(node, policy, _call_provider)`)
   * is run by what it is handed to: its requests are sent by the enclosing function too.
   */
  private addHanded(path: string, functions: ReadonlyMap<string, FunctionFact>): void {
    const nested = [...functions.values()].filter((fn) => !fn.name.includes('.') && this.any.has(`${path}#${fn.name}`));
    for (const fn of nested) {
      let outer: FunctionFact | undefined;
      for (const o of functions.values()) if (o !== fn && o.line <= fn.line && fn.endLine <= o.endLine && (o.line < fn.line || fn.endLine < o.endLine) && (!outer || o.line >= outer.line)) outer = o;
      const handed = outer?.calls.find((c) => c.expr.k === 'call' && [...c.expr.args, ...Object.values(c.expr.kw)].some((a) => a.k === 'name' && a.v === fn.name));
      if (!outer || !handed) continue;
      for (const id of this.any.get(`${path}#${fn.name}`) ?? []) this.add(`${path}#${outer.name}`, id, !handed.branch && (this.sure.get(`${path}#${fn.name}`) ?? []).includes(id));
    }
  }

  private add(key: string, id: string, sure: boolean): void {
    this.any.set(key, [...(this.any.get(key) ?? []), id]);
    if (sure) this.sure.set(key, [...(this.sure.get(key) ?? []), id]);
  }

  /**
   * Revealed requests the loop's own body sends (on the lines of the body's calls, not of a function nested in
   * it). Detected ones are left to the file's detection: a loop it did not take (no tool handling in it) stays out.
   */
  inBody(path: string, loop: LoopFact): StepRequest[] {
    const at = this.revealedAt.get(path);
    if (!at) return [];
    const body = new Set(loop.calls.map((c) => c.line));
    return [...at].filter(([, { line }]) => line >= loop.line && line <= loop.endLine && body.has(line)).map(([callId]) => ({ path, callId }));
  }

  /** The body's call fact of a request: the call on its line with its callee (`self.llm.gen` inside `out.append(…)`). */
  callIn(loop: LoopFact, step: StepRequest): CalleeFact | undefined {
    const call = this.store.get(step.path)?.file.calls.find((c) => c.id === step.callId);
    const at = call ? { line: call.line, callee: call.callee } : this.revealedAt.get(step.path)?.get(step.callId);
    if (!at) return undefined;
    return loop.calls.find((c) => c.line === at.line && c.callee === at.callee) ?? loop.calls.find((c) => c.line === at.line);
  }

  /** Requests a function sends itself (detected or revealed). */
  ownOf(path: string, fn: string): StepRequest[] {
    return (this.any.get(`${path}#${fn}`) ?? []).map((callId) => ({ path, callId }));
  }

  /** The line a request is written on. */
  lineOf(step: StepRequest): number {
    return this.store.get(step.path)?.file.calls.find((c) => c.id === step.callId)?.line ?? this.revealedAt.get(step.path)?.get(step.callId)?.line ?? 1;
  }
}

function innermostFunction(functions: ReadonlyMap<string, FunctionFact>, line: number): FunctionFact | undefined {
  let best: FunctionFact | undefined;
  for (const fn of functions.values()) if (fn.line <= line && line <= fn.endLine && (!best || fn.line >= best.line)) best = fn;
  return best;
}
