/**
 * Python: a receiver of the repository's chat-model class family known by its annotation. Where the object is
 * built by a registry lookup the repository pass cannot follow (`ProviderRegistry.get_provider(name)(config)`,
 * a plugin loader) it is still declared: `def _invoke(self, provider: ModelProvider, …)`, a closure inside that
 * method calling `provider.call_model(…)`, or `self.llm: BaseLLM` on the class. An annotation naming a family
 * class whose request a subclass decides (an abstract provider base) makes the call a site of the family, as
 * a name the repository assigns from a family producer does (py-family-holders.ts).
 *
 * Traps kept out: an annotation naming a class outside the family (a store, a tool), one naming a single
 * concrete class whose own methods send (a wrapper: its callers are its uses, graph.ts), and an interface with
 * one sending implementation (`AgentService` fronting `OpenAIAgentService` beside a mock): a wrapper as well.
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { ClassAt, PyFamilies } from './py-families';
import type { RepoStore } from './store';
import { enclosingFunction } from './closures';
import { enclosingMethod } from './values';
import { scopeOfPath } from '../report/scope';

const MAX_LEVELS = 4;

export function typedHolder(
  store: RepoStore,
  families: PyFamilies,
  receiver: Expr,
  path: string,
  fn: FunctionFact,
  method: string,
): { cls?: ClassAt; roots: string[] } | undefined {
  const type = declaredType(store, receiver, path, fn);
  const name = type ? bareType(type) : undefined;
  const at = name ? families.classAt(name) : undefined;
  if (!at) return storedClient(store, families, receiver, path, fn, method);
  if (!families.reaches(name!, method)) return undefined;
  // A model-server client whose caller hands it the model (py-family-models.ts): a site where it is declared.
  if (families.modelClient(name!, method)) return { cls: at, roots: [name!] };
  if (families.sendsItself(name!, method)) return undefined;
  // Providers of one interface: two classes or more send on it. With one sending implementation (beside mocks
  // and stubs that send nothing) the interface only fronts that class: a wrapper, whose own request is the site.
  const owners = new Set([...families.sendersFor(name!, method)].map((s) => s.split('.')[0]));
  if (owners.size >= 2) return { roots: [name!] };
  // Providers whose own request the SDK table does not know (a legacy SDK, a self-hosted runtime) still override the
  // method with a body that calls out: an abstract base with several such implementations is a provider family.
  return owners.size === 1 && workingOverrides(families, name!, method) >= 2 ? { roots: [name!] } : undefined;
}

/** Stand-ins named so (`MockLLM`, `FakeProvider`, `test_llm`), not words that merely contain the letters (`LatestModel`). */
const STAND_IN = /(Mock|Fake|Stub|Dummy|Test|Echo|NoOp|Noop|Null)(?![a-z])|^(mock|fake|stub|dummy|test|echo|noop|null)/;

/** Runtime subclasses (not stand-ins) whose own version of the method calls something. */
function workingOverrides(families: PyFamilies, base: string, method: string): number {
  return families.overridesOf(base, method).filter((o) => !STAND_IN.test(o.at.cls.name) && scopeOfPath(o.at.path) === 'runtime' && o.fn.calls.length > 0).length;
}

/** The annotation of a receiver: a parameter of the function or of one it is written in, or an attribute of the method's class. */
function declaredType(store: RepoStore, receiver: Expr, path: string, fn: FunctionFact, clients = false): string | undefined {
  const functions = store.get(path)?.functions;
  if (!functions) return undefined;
  if (receiver.k === 'name') {
    let f: FunctionFact | undefined = fn;
    for (let level = 0; f && level < MAX_LEVELS; level++, f = enclosingFunction(functions, f)) {
      // Assigned in the body: its value decides, not an annotation of an outer name.
      if (f.locals[receiver.v]) return undefined;
      const p = f.params.find((q) => q.name === receiver.v);
      if (p) return p.type;
    }
    return undefined;
  }
  if (receiver.k === 'member' && receiver.obj.k === 'name' && receiver.obj.v === 'self') {
    const owner = fn.name.includes('.') ? fn : enclosingMethod(functions.values(), fn);
    const cls = owner ? store.get(path)?.classes.get(owner.name.split('.')[0]) : undefined;
    return cls?.attrTypes?.[receiver.prop] ?? (clients ? storedParamType(store, path, cls, receiver.prop) : undefined);
  }
  return undefined;
}

/** `self.x` stored from a constructor parameter annotated with a model-server client class (py-family-models.ts). */
function storedClient(store: RepoStore, families: PyFamilies, receiver: Expr, path: string, fn: FunctionFact, method: string): { cls?: ClassAt; roots: string[] } | undefined {
  const type = receiver.k === 'member' ? declaredType(store, receiver, path, fn, true) : undefined;
  const name = type ? bareType(type) : undefined;
  const at = name ? families.classAt(name) : undefined;
  return at && families.modelClient(name!, method) ? { cls: at, roots: [name!] } : undefined;
}

/**
 * The annotation of the constructor parameter an attribute stores (`def __init__(self, llm_client: OllamaClient):
 * self.llm_client = llm_client`): what the attribute holds as far as the class declares it.
 */
function storedParamType(store: RepoStore, path: string, cls: ClassFact | undefined, attr: string): string | undefined {
  const stored = cls?.attrs[attr];
  const ctor = cls ? store.get(path)?.functions.get(`${cls.name}.__init__`) : undefined;
  if (!stored || !ctor || stored.fn !== ctor.name || stored.expr.k !== 'name') return undefined;
  const name = stored.expr.v;
  return ctor.params.find((p) => p.name === name)?.type;
}

/** `ModelProvider`, `providers.ModelProvider`, `"ModelProvider"`, `Optional[ModelProvider]`, `ModelProvider | None` → `ModelProvider`. */
export function bareType(type: string): string | undefined {
  const text = type.replace(/^["']|["']$/g, '').replace(/\s*\|\s*None$|^Optional\[(.*)\]$/, '$1').trim();
  return /^([A-Za-z_]\w*\.)*[A-Z]\w*$/.test(text) ? text.split('.').pop() : undefined;
}
