/**
 * Python: a chat-model family object injected through a constructor. A class that is handed its model
 * object (`def __init__(self, session, llm): self.llm = llm`) and asks it in a method (`self.llm.chat_completion(…)`)
 * holds what its callers pass there: `StepHandler(session, llm=get_model(cfg["model"], …))` builds a family
 * object through the repository's factory, and a second class handed `self.llm` on (`MessageBuilder(self.session,
 * self.llm)`) holds the same object one hop further. That argument is the data flow the receiver's name alone does
 * not say (py-family-holders.ts matches names the repository assigns from a producer, an annotation says it in
 * py-typed-holders.ts).
 *
 * Only the receiver's own class is read: its constructor's `self.x = param`, then the callers of that constructor
 * (the application's, not tests') and the argument each passes for `param`: a family producer (constructor or
 * factory), an attribute of the caller's own object injected the same way (a few hops), or a local assigned from a
 * producer. An argument that builds anything else (a store, a client of an SDK) gives nothing: no site.
 */
import type { Expr, FunctionFact } from './facts';
import type { ClassAt } from './py-families';
import type { HolderNames } from './py-family-holders';
import type { RepoStore } from './store';
import { enclosingMethod, type CallerLookup } from './values';
import { scopeOfPath } from '../report/scope';

const MAX_HOPS = 3;
const MAX_CALLERS = 12;

export interface Held {
  readonly cls?: ClassAt;
  readonly roots: string[];
}

export class InjectedHolders {
  private readonly memo = new Map<string, Held | null>();

  constructor(
    private readonly store: RepoStore,
    private readonly callers: CallerLookup,
    private readonly holders: HolderNames,
  ) {}

  /** The family a receiver `self.x` of a method holds because its constructor stores a parameter there. */
  held(receiver: Expr, path: string, fn: FunctionFact, method: string): Held | undefined {
    if (receiver.k !== 'member' || !isSelf(receiver.obj)) return undefined;
    const owner = this.classOfMethod(path, fn);
    return owner ? this.attribute(path, owner, receiver.prop, method, 0) : undefined;
  }

  private classOfMethod(path: string, fn: FunctionFact): string | undefined {
    const functions = this.store.get(path)?.functions;
    const method = fn.name.includes('.') ? fn : functions ? enclosingMethod(functions.values(), fn) : undefined;
    return method?.name.split('.')[0];
  }

  private attribute(path: string, cls: string, attr: string, method: string, hops: number): Held | undefined {
    const key = `${path}#${cls}.${attr}.${method}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? undefined;
    this.memo.set(key, null);
    const found = hops <= MAX_HOPS ? this.attributeNow(path, cls, attr, method, hops) : undefined;
    this.memo.set(key, found ?? null);
    return found;
  }

  private attributeNow(path: string, cls: string, attr: string, method: string, hops: number): Held | undefined {
    const stored = this.store.get(path);
    const fact = stored?.classes.get(cls);
    const ctor = stored?.functions.get(`${cls}.__init__`);
    if (!fact || !ctor) return undefined;
    const written = [fact.attrs[attr]?.fn === ctor.name ? fact.attrs[attr].expr : undefined, ...(fact.moreAttrs?.[attr] ?? [])];
    const index = ctor.params.findIndex((p) => written.some((e) => e?.k === 'name' && e.v === p.name));
    if (index < 0) return undefined;
    const param = ctor.params[index];
    // Annotated with a model-server client class (`ollama_client: OllamaClient`): the class it declares.
    const declared = param.type ? this.holders.declaredClient(param.type, method) : undefined;
    if (declared) return declared;
    const position = ctor.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
    const runtime = this.callers(path, ctor.name).filter((b) => scopeOfPath(b.ctx.path) === 'runtime').slice(0, MAX_CALLERS);
    let found: Held | undefined;
    for (const b of runtime) {
      const arg = b.kw[param.name] ?? (param.fromObject === undefined ? b.args[position] : undefined);
      const held = arg ? this.argument(arg, b.ctx, method, hops) : undefined;
      if (!held) continue;
      found ??= held;
      if (held.cls) return held;
    }
    return found;
  }

  /** What an argument passed at `ctx` holds: a producer's object, an injected attribute of the caller's own object, or a local built by a producer. */
  private argument(arg: Expr, ctx: { path: string; fn?: FunctionFact }, method: string, hops: number): Held | undefined {
    if (arg.k === 'call') return this.holders.builtAt(arg, ctx, method);
    if (arg.k === 'member' && isSelf(arg.obj) && ctx.fn) {
      const owner = this.classOfMethod(ctx.path, ctx.fn);
      return owner ? this.attribute(ctx.path, owner, arg.prop, method, hops + 1) : undefined;
    }
    if (arg.k === 'name' && ctx.fn) {
      const local = ctx.fn.locals[arg.v];
      return local?.k === 'call' ? this.holders.builtAt(local, ctx, method) : undefined;
    }
    return undefined;
  }
}

/** `self`, also as call facts keep it deep in an expression (unknown text). */
function isSelf(e: Expr): boolean {
  return (e.k === 'name' && e.v === 'self') || (e.k === 'unknown' && e.text === 'self');
}
