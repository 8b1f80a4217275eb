/**
 * Which typed-receiver candidates (src/core/detect/typed-requests.ts) are requests: the receiver's declared
 * type, followed member by member through the repository's types (type-shapes.ts), names a class or
 * interface of the repository whose implementations send a request in the method called. An abstract
 * `BaseLLM` with `OpenAILLM` and `OllamaLLM` subclasses whose `streamText` call an SDK: `llm.streamText(…)`
 * on a `BaseLLM` is the application asking the model; the SDK requests inside the subclasses are its
 * implementation (model-invokes.ts lists them, not billed). A type whose classes hold no request in that
 * method (a store, a search client typed the same way) keeps its calls out.
 *
 * A receiver held from a factory (`const engine = getEngine()`) takes the factory's declared return type
 * (`getEngine(config = getConfig()): AiEngine`, a provider switch returning `new OpenAiEngine(…)`,
 * `new AnthropicEngine(…)`…): the interface its engines implement, confirmed like any declared type.
 *
 * Built once per repository generation: one pass over the files' facts, then each candidate walks at most
 * a few members and the subclass tree of one type.
 */
import type { DetectedCall, TypedReceiver } from '../detect/types';
import type { RepoStore } from './store';
import type { TypeShapeFact } from './facts';

const MAX_HOPS = 8;

export class TypedRequests {
  private readonly shapes = new Map<string, TypeShapeFact[]>();
  /** Class → the methods in which it sends a request itself. */
  private readonly sending = new Map<string, Set<string>>();
  /** Type → the classes and interfaces that extend or implement it. */
  private readonly children = new Map<string, Set<string>>();
  /** Module-level function → the return types it is declared with (one name may be declared in several files). */
  private readonly returnTypes = new Map<string, Set<string>>();

  constructor(store: RepoStore) {
    for (const s of store.files()) {
      for (const shape of s.facts.typeShapes ?? []) {
        push(this.shapes, shape.name, shape);
        for (const b of shape.bases) addTo(this.children, plain(b), shape.name);
      }
      for (const c of s.facts.classes) for (const b of c.bases) addTo(this.children, plain(b), c.name);
      if (s.file.language === 'typescript') for (const fn of s.functions.values()) if (fn.returnType && !fn.name.includes('.')) addTo(this.returnTypes, fn.name, returned(fn.returnType));
      const requests = new Map(s.file.calls.map((c) => [c.id, c]));
      for (const fact of s.facts.calls) {
        const call = requests.get(fact.id);
        if (!call || !isOwnRequest(call) || !fact.fn) continue;
        const dot = fact.fn.indexOf('.');
        if (dot > 0) addTo(this.sending, fact.fn.slice(0, dot), fact.fn.slice(dot + 1).split('.')[0]);
      }
    }
    for (const s of store.files()) {
      const confirmed = (s.facts.typedCalls ?? []).filter((c) => c.receiverType && this.confirms(c.receiverType));
      if (!confirmed.length) continue;
      this.byFile.set(s.file.path, confirmed);
      for (const c of confirmed) {
        const { method } = c.receiverType!;
        for (const cls of this.senders(this.confirms(c.receiverType!)!, method)) this.confirmedMethods.add(`${cls}.${method}`);
      }
    }
  }

  private readonly byFile = new Map<string, DetectedCall[]>();
  private readonly confirmedMethods = new Set<string>();

  /** The confirmed candidates of a file. */
  revealed(path: string): readonly DetectedCall[] {
    return this.byFile.get(path) ?? [];
  }

  /** `Class.method` of the classes a confirmed call dispatches to: their requests are listed, not billed. */
  implementations(): ReadonlySet<string> {
    return this.confirmedMethods;
  }

  /** The class (or interface) the receiver is, when its members lead to one of the repository's chat-model types. */
  confirms(typed: TypedReceiver): string | undefined {
    let type: string | undefined = typed.factory ? this.declaredReturn(typed.type) : typed.type;
    if (!type) return undefined;
    for (const member of typed.path) {
      type = this.memberType(type, member, 0);
      if (!type) return undefined;
    }
    return this.sends(type, typed.method) ? type : undefined;
  }

  /** The one type a factory of that name is declared to return: several declarations that disagree say nothing. */
  private declaredReturn(factory: string): string | undefined {
    const types = this.returnTypes.get(factory);
    return types?.size === 1 ? [...types][0] : undefined;
  }

  /** A member's declared type, on the type itself or a type it extends. */
  private memberType(type: string, member: string, depth: number): string | undefined {
    if (depth > MAX_HOPS) return undefined;
    for (const shape of this.shapes.get(type) ?? []) {
      const hit = shape.members[member];
      if (hit) return hit;
    }
    for (const shape of this.shapes.get(type) ?? []) {
      for (const b of shape.bases) {
        const hit = this.memberType(plain(b), member, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /**
   * One of the type's subclasses or implementations sends a request in `method`, and the type itself does
   * not: the call is dispatched to a model class the code cannot name here. A concrete class whose own
   * method holds the request is a wrapper instead: that request is the site and this call is one of its
   * uses (the repository's wrapper rule), so taking it here would bill the request twice.
   */
  private sends(type: string, method: string): boolean {
    return !this.sending.get(type)?.has(method) && this.senders(type, method).length > 0;
  }

  /** The subclasses and implementations of `type` (not the type itself) that send a request in `method`. */
  private senders(type: string, method: string): string[] {
    const found: string[] = [];
    const seen = new Set<string>([type]);
    const queue = [...(this.children.get(type) ?? [])];
    while (queue.length && seen.size < 200) {
      const t = queue.shift()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (this.sending.get(t)?.has(method)) found.push(t);
      for (const c of this.children.get(t) ?? []) queue.push(c);
    }
    return found;
  }
}

/** A request the repository's code sends itself (an SDK or framework call), not another typed candidate. */
function isOwnRequest(call: DetectedCall): boolean {
  return !call.agent && call.role !== 'binding' && !call.receiverType;
}

/** What a factory's callers hold: `Promise<AiEngine | null>` (an async factory, awaited) → `AiEngine`. */
function returned(annotation: string): string {
  const awaited = /^Promise<([^]*)>$/.exec(annotation.trim())?.[1] ?? annotation;
  return plain(awaited.replace(/\s*\|\s*(null|undefined)\b/g, ''));
}

/** `BaseLLM<Config>` → `BaseLLM`; `ns.Model` → `Model`. */
function plain(type: string): string {
  return type.replace(/<[^]*>$/, '').split('.').pop()!.trim();
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
