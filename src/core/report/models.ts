/**
 * Turning a model name written in code into a catalog model, an offering to
 * price with and its provider. Unknown names stay unknown (priced as
 * `unpriced`, with a suggestion); code that names no model uses the default.
 */
import type { Catalog, ModelEntry, ModelResolution, Offering, ProviderEntry } from '../catalog/types';

export type Resolver = (catalog: Catalog, query: string) => ModelResolution;

export interface ModelChoice {
  /** The model as written in code, when it names one. */
  readonly written?: string;
  /** `code` (named and found), `unknown` (named, not in the catalog), `default` (nothing named), `annotation`. */
  readonly source: 'code' | 'unknown' | 'default' | 'annotation' | 'file';
  /** Id used for display and tokenizer choice: the catalog id, else what was written. */
  readonly id: string;
  readonly entry?: ModelEntry;
  readonly offering?: Offering;
  readonly provider?: ProviderEntry;
  readonly suggestion?: string;
  /**
   * The local runtime the code runs the model on (`ollama`, `lmstudio`): the model is known (its id picks
   * the tokenizer) but no hosted provider's price applies, so it has no offering and is unpriced with that reason.
   */
  readonly selfHosted?: string;
  /** The vendor of a request whose model nothing names and that has no default in `tokenomics.defaultModels`. */
  readonly unnamedOf?: string;
}

/**
 * Runtimes that serve a model on the user's own machine, as a provider hint (`ChatOllama`, a client on
 * `localhost:11434`) or a prefix of the id (`ollama/llama3.2`, LiteLLM's `ollama_chat/…`, `lm_studio/…`).
 */
const LOCAL_RUNTIME = /^(ollama|ollama_chat|lmstudio|lm_studio|llamacpp|llama_cpp|llama\.cpp)$/i;

export function isLocalRuntime(provider: string | undefined): boolean {
  return provider !== undefined && LOCAL_RUNTIME.test(provider);
}

/** The local runtime a site names, and the id without its prefix. */
export function localRuntime(written: string, providerHint: string | undefined): { runtime: string; id: string } | undefined {
  const prefixed = /^([\w.-]+)[:/](.+)$/.exec(written.trim());
  if (prefixed && LOCAL_RUNTIME.test(prefixed[1])) return { runtime: prefixed[1].toLowerCase().replace(/_chat$/, ''), id: prefixed[2] };
  return providerHint && LOCAL_RUNTIME.test(providerHint) ? { runtime: providerHint.toLowerCase(), id: written } : undefined;
}

/**
 * A stand-in resolver used until a host passes the catalog's own `resolveModel`: exact id or
 * alias, the offering of the named provider, else the vendor's own, else the first one.
 */
export function simpleResolve(catalog: Catalog, query: string): ModelResolution {
  const q = query.trim().toLowerCase();
  const slash = q.search(/[:/]/);
  const provider = slash > 0 ? q.slice(0, slash) : undefined;
  const bare = slash > 0 ? q.slice(slash + 1) : q;
  const model = catalog.models.find((m) => m.id === q || m.aliases.includes(q)) ?? catalog.models.find((m) => m.id === bare || m.aliases.includes(bare));
  if (!model) return { kind: 'unknown', query };
  const offerings = catalog.offerings.filter((o) => o.model === model.id);
  const offering = offerings.find((o) => o.provider === provider) ?? offerings.find((o) => o.provider === model.vendor) ?? offerings[0];
  return { kind: 'resolved', query, model, provider, offering };
}

export class ModelResolver {
  private readonly cache = new Map<string, ModelChoice>();

  constructor(
    /** The catalog models are chosen from (the repository's own models are checked against it too). */
    readonly catalog: Catalog,
    private readonly resolve: Resolver,
    private readonly defaultModel: string,
  ) {}

  /** The model for a site: what the code names (with the provider the code implies), else the default. */
  choose(written: string | undefined, providerHint?: string, source: ModelChoice['source'] = 'code'): ModelChoice {
    const key = `${written ?? ''}\u0000${providerHint ?? ''}\u0000${source}`;
    let choice = this.cache.get(key);
    if (!choice) {
      choice = written ? this.lookup(written, providerHint, source) : { ...this.lookup(this.defaultModel, undefined, 'default'), written: undefined };
      this.cache.set(key, choice);
    }
    return choice;
  }

  private lookup(written: string, providerHint: string | undefined, source: ModelChoice['source']): ModelChoice {
    const local = localRuntime(written, providerHint);
    if (local) {
      // A hosted provider's price would be another vendor's bill: keep the model, drop the offering.
      const r = safeResolve(this.resolve, this.catalog, local.id);
      if (r.kind === 'resolved') return { written, source, id: r.model.id, entry: r.model, selfHosted: local.runtime };
      return { written, source: source === 'default' ? 'default' : 'unknown', id: written, selfHosted: local.runtime, suggestion: r.kind === 'unknown' ? r.suggestion : undefined };
    }
    const queries = providerHint && !/[:/]/.test(written) ? [`${providerHint}/${written}`, written] : [written];
    let unknown: ModelResolution | undefined;
    for (const q of queries) {
      const r = safeResolve(this.resolve, this.catalog, q);
      if (r.kind === 'resolved') {
        const offering = r.offering;
        const provider = offering ? this.catalog.providers.find((p) => p.id === offering.provider) : undefined;
        return { written, source, id: r.model.id, entry: r.model, offering, provider };
      }
      unknown ??= r;
    }
    return { written, source: source === 'default' ? 'default' : 'unknown', id: written, suggestion: unknown?.kind === 'unknown' ? unknown.suggestion : undefined };
  }
}

function safeResolve(resolve: Resolver, catalog: Catalog, query: string): ModelResolution {
  try {
    return resolve(catalog, query);
  } catch {
    return { kind: 'unknown', query };
  }
}
