/**
 * Python: a front class over the repository's chat-model family. An application may put one class of its own in
 * front of its provider classes (`class LLMApi` that picks `OpenAIService`/`AnthropicService`… by configuration
 * and stores the pick as `self.completion_service: CompletionService`), whose methods hand the request to that
 * object (`completion_service = self.completion_service; return completion_service.chat_completion(…)`, also from
 * a closure inside the method). The front is no member of the family (it subclasses none of it), so a call of its
 * method (`self.llm_api.chat_completion_stream(…)` in a role) is not seen as a request; yet it is one, the same as a
 * call on the family object itself: the call site, with the family's requests as its implementation.
 *
 * - A front method: a method of a class outside the family that calls a family request method on an attribute of
 *   its own object (directly, or through a local assigned from it) whose annotation or assigned producer names a
 *   family whose provider pick decides the request (py-typed-holders.ts, py-family-holders.ts), or that calls
 *   another front method of its class on `self`.
 * - A receiver holds a front when its declared type names the front class: a parameter annotation, an attribute
 *   annotation, or a constructor parameter annotation stored as `self.x = x` (what a dependency-injection container
 *   such as `injector`'s `@inject` builds: there is no caller to follow, only the annotation).
 *
 * Traps kept out: a class forwarding to a single concrete wrapper (its own request is the site), a method calling
 * a request method on something that is not its own attribute, and receivers typed as anything else.
 */
import type { Expr, FunctionFact } from './facts';
import type { ClassAt, PyFamilies } from './py-families';
import type { HolderNames } from './py-family-holders';
import type { RepoStore } from './store';
import { bareType, typedHolder } from './py-typed-holders';
import { enclosingFunction } from './closures';
import { enclosingMethod } from './values';
import { scopeOfPath } from '../report/scope';

export interface FrontHeld extends Forward {
  readonly front: string;
}

/** The family a front method hands its request to, and the family method it calls (`via`). */
interface Forward {
  readonly cls?: ClassAt;
  readonly roots: string[];
  readonly via: string;
}

const MAX_LEVELS = 4;

export class FrontClasses {
  /** Front class → method → the family it hands the request to. */
  private readonly fronts = new Map<string, Map<string, Forward>>();
  /** Names of the front methods: a call of another name is never looked at. */
  readonly methods = new Set<string>();

  constructor(
    private readonly store: RepoStore,
    private readonly families: PyFamilies,
    private readonly holders: HolderNames,
    requestMethods: ReadonlySet<string>,
  ) {
    for (const s of store.files()) {
      if (s.file.language !== 'python' || scopeOfPath(s.file.path) !== 'runtime') continue;
      for (const cls of s.facts.classes) {
        if (families.classAt(cls.name)) continue;
        const own = [...s.functions.values()].filter((f) => f.name.startsWith(`${cls.name}.`) && !f.name.slice(cls.name.length + 1).startsWith('__'));
        const found = new Map<string, Forward>();
        for (const method of own) {
          const held = this.forwarded(s.file.path, method, requestMethods);
          if (held) found.set(method.name.slice(cls.name.length + 1), held);
        }
        // A method that calls a front method of its own object is one as well (a few rounds: short chains).
        for (let round = 0; round < 3 && found.size; round++) {
          for (const method of own) {
            const name = method.name.slice(cls.name.length + 1);
            if (found.has(name)) continue;
            const via = method.calls.map((c) => /^self\.(\w+)$/.exec(c.callee)?.[1]).find((m) => m && found.has(m));
            if (via) found.set(name, found.get(via)!);
          }
        }
        if (!found.size) continue;
        this.fronts.set(cls.name, found);
        for (const m of found.keys()) this.methods.add(m);
      }
    }
  }

  /** The family a call of `method` on `receiver` reaches through a front class the receiver is declared to hold. */
  held(receiver: Expr, path: string, fn: FunctionFact, method: string): FrontHeld | undefined {
    if (!this.methods.has(method)) return undefined;
    const type = declaredClass(this.store, receiver, path, fn);
    const hit = type ? this.fronts.get(type)?.get(method) : undefined;
    return hit ? { front: type!, ...hit } : undefined;
  }

  /** A front class by name (a receiver the evaluator knows to hold one). */
  heldBy(cls: string, method: string): FrontHeld | undefined {
    const hit = this.fronts.get(cls)?.get(method);
    return hit ? { front: cls, ...hit } : undefined;
  }

  /** The family request the method (or a closure written inside it) hands on to an attribute of its own object. */
  private forwarded(path: string, method: FunctionFact, requestMethods: ReadonlySet<string>): Forward | undefined {
    const functions = this.store.get(path)?.functions;
    if (!functions) return undefined;
    const inside = [...functions.values()].filter((f) => f === method || (f.line > method.line && f.endLine <= method.endLine));
    for (const f of inside) {
      for (const c of f.calls) {
        if (c.expr.k !== 'call' || c.expr.callee.k !== 'member' || !requestMethods.has(c.expr.callee.prop) || !passedThrough(c.expr, method)) continue;
        const attr = ownAttribute(c.expr.callee.obj, f, functions);
        if (!attr) continue;
        const self: Expr = { k: 'member', obj: { k: 'name', v: 'self', line: c.line }, prop: attr, line: c.line };
        const held = typedHolder(this.store, this.families, self, path, method, c.expr.callee.prop) ?? this.holders.classOf(attr, c.expr.callee.prop);
        if (held) return { ...held, via: c.expr.callee.prop };
      }
    }
    return undefined;
  }
}

/**
 * The call hands on what the method was given (`chat_completion(messages, stream, **kwargs)` of its own parameters):
 * a front adds nothing of its own. A method that builds the messages itself (`messages = [system, question]`) is
 * where the application asks: its own call is the site (py-families.ts), its callers are uses.
 */
function passedThrough(call: Extract<Expr, { k: 'call' }>, method: FunctionFact): boolean {
  const params = new Set([...method.params.map((p) => p.name), ...(method.kwargs ? [method.kwargs] : [])]);
  const args = [...call.args, ...Object.values(call.kw)];
  const first = call.args[0] ?? Object.values(call.kw)[0];
  return first?.k === 'name' && params.has(first.v) && args.every((a) => a.k === 'name' && params.has(a.v));
}

/** `self.x`, or a local (of the function or one it is written in) assigned `self.x` on some branch: `x`. */
function ownAttribute(e: Expr, fn: FunctionFact, functions: ReadonlyMap<string, FunctionFact>): string | undefined {
  const direct = selfAttribute(e);
  if (direct || e.k !== 'name') return direct;
  let f: FunctionFact | undefined = fn;
  for (let level = 0; f && level < MAX_LEVELS; level++, f = enclosingFunction(functions, f)) {
    const assigned = [f.locals[e.v], ...(f.moreLocals?.[e.v] ?? [])].filter((x): x is Expr => Boolean(x));
    if (assigned.length) return assigned.map(selfAttribute).find(Boolean);
  }
  return undefined;
}

function selfAttribute(e: Expr): string | undefined {
  return e.k === 'member' && isSelf(e.obj) ? e.prop : undefined;
}

/**
 * The class a receiver is declared to hold: a parameter annotation (of the function or one it is written in), or
 * for `self.x` the attribute's annotation, else the annotation of the constructor parameter stored there.
 */
function declaredClass(store: RepoStore, receiver: Expr, path: string, fn: FunctionFact): string | undefined {
  const stored = store.get(path);
  if (!stored) return undefined;
  if (receiver.k === 'name') {
    let f: FunctionFact | undefined = fn;
    for (let level = 0; f && level < MAX_LEVELS; level++, f = enclosingFunction(stored.functions, f)) {
      if (f.locals[receiver.v]) return undefined;
      const p = f.params.find((q) => q.name === receiver.v);
      if (p) return p.type ? bareType(p.type) : undefined;
    }
    return undefined;
  }
  const attr = selfAttribute(receiver);
  if (!attr) return undefined;
  const owner = fn.name.includes('.') ? fn : enclosingMethod(stored.functions.values(), fn);
  const clsName = owner?.name.split('.')[0];
  const cls = clsName ? stored.classes.get(clsName) : undefined;
  if (!cls) return undefined;
  const annotated = cls.attrTypes?.[attr];
  if (annotated) return bareType(annotated);
  const ctor = stored.functions.get(`${cls.name}.__init__`);
  const written = cls.attrs[attr];
  if (!ctor || written?.fn !== ctor.name || written.expr.k !== 'name') return undefined;
  const name = written.expr.v;
  const param = ctor.params.find((p) => p.name === name);
  return param?.type ? bareType(param.type) : undefined;
}

/** `self`, also as call facts keep it deep in an expression (unknown text). */
function isSelf(e: Expr): boolean {
  return (e.k === 'name' && e.v === 'self') || (e.k === 'unknown' && e.text === 'self');
}
