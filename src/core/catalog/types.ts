/**
 * The catalog's data types: the shared vocabulary of every layer.
 *
 * Every entry carries its provenance (`source`, `asOf`) so that any figure a
 * user sees can say where it came from. Prices are US dollars per million
 * tokens. A price that is absent is *unknown* (the offering is "unpriced" for
 * that component), never zero.
 */

/** Where a fact came from and when it was true. `asOf` is an ISO date (YYYY-MM-DD). */
export interface Provenance {
  readonly source: string;
  readonly asOf: string;
}

/**
 * Tokenizers we can count with. `o200k_base` and `cl100k_base` are exact
 * (js-tiktoken); the others are approximated from `o200k_base` by a calibrated
 * ratio unless the tokenize layer says otherwise.
 */
export type TokenizerId =
  | 'o200k_base'
  | 'cl100k_base'
  | 'claude'
  | 'gemini'
  | 'llama3'
  | 'llama4'
  | 'qwen'
  | 'deepseek'
  | 'mistral'
  | 'grok'
  | 'gemma'
  | 'other';

export interface ModelEntry extends Provenance {
  /** Canonical id, e.g. `gpt-4o`, `claude-sonnet-4-5`, `llama-3.3-70b`. */
  readonly id: string;
  readonly name: string;
  /** The lab that makes the model: `openai`, `anthropic`, `google`, `meta`, … */
  readonly vendor: string;
  /** Family label used for grouping and tokenizer choice: `gpt-4o`, `claude`, `gemini`, `llama`, … */
  readonly family: string;
  readonly tokenizer: TokenizerId;
  /** Spellings SDKs use: `openai/gpt-4o`, `openai:gpt-4o`, dated snapshots, `models/gemini-2.5-pro`. */
  readonly aliases: readonly string[];
  /**
   * Tokens the model can attend to, input and output together. Absent: no source states it
   * (about half the models generated from upstream), so no fit can be checked — never a guess.
   */
  readonly contextWindow?: number;
  /** Where `contextWindow` comes from (the overlay's model page, or which upstream listing). */
  readonly contextWindowSource?: string;
  readonly maxOutput?: number;
  /** True when the model emits billed reasoning tokens. */
  readonly reasoning: boolean;
  /** Open weights: can be self-hosted; links to `openModels[].id` through `architecture`. */
  readonly openWeight: boolean;
  readonly architecture?: string;
  /** `embedding`: returns vectors, priced on input tokens only, cannot answer a chat call. Absent: a text-generation model. */
  readonly kind?: 'embedding';
  /** What the model can do; a capability absent here is unknown, never assumed. */
  readonly capabilities?: ModelCapabilities;
}

/**
 * Capabilities from the overlay (scripts/catalog/overlay/capabilities.json), each
 * `true`/`false` when a source states it and absent when none does. Context and maximum
 * output are `ModelEntry.contextWindow` / `maxOutput` (and an offering's own window).
 */
export interface ModelCapabilities extends Provenance {
  /** Function / tool calling. */
  readonly tools?: boolean;
  /** JSON output the API constrains (JSON mode or a JSON schema). */
  readonly structuredOutput?: boolean;
  /** Image input. */
  readonly vision?: boolean;
  /** Thinks before answering (reasoning tokens). */
  readonly reasoning?: boolean;
}

/** Per-million-token prices of one tier. */
export interface TokenPrices {
  readonly input?: number;
  readonly output?: number;
  /** Price of input tokens read from the prompt cache. */
  readonly cachedRead?: number;
  /** Price of writing input to the cache (Anthropic: 5-minute TTL; others: the default TTL). */
  readonly cacheWrite?: number;
  /** Price of writing with a 1-hour TTL (Anthropic). */
  readonly cacheWrite1h?: number;
}

/** A price tier that applies when the prompt (total input tokens) is larger than `aboveInputTokens`. */
export interface PriceTier extends TokenPrices {
  readonly aboveInputTokens: number;
}

export interface SpeedFigures extends Provenance {
  /** Typical time to first token, milliseconds, for a short prompt. */
  readonly ttftMs: number;
  /** Typical output tokens per second of one stream. */
  readonly outputTokensPerSecond: number;
  /** Input tokens per second processed before the first token; when absent the cost layer assumes a default and says so. */
  readonly prefillTokensPerSecond?: number;
  /** How the figure was obtained when that needs saying (an estimate, a reasoning model's time to first answer token). */
  readonly note?: string;
}

/** One provider serving one model at a price. */
export interface Offering extends Provenance {
  /** `${provider}/${model}` */
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  /** The id this provider's API uses for the model, when it differs from the canonical id. */
  readonly providerModelId?: string;
  /**
   * Other ids this provider's API takes for the model (upstream's spellings: `llama-v3p1-8b-instruct`
   * beside `accounts/fireworks/models/llama-v3p1-8b-instruct`). Like `providerModelId`, a spelling
   * only this offering uses names this provider.
   */
  readonly apiIds?: readonly string[];
  readonly prices: TokenPrices;
  readonly tiers?: readonly PriceTier[];
  /** Fractional discount for batch / flex processing, e.g. 0.5 = half price. */
  readonly batchDiscount?: number;
  readonly speed?: SpeedFigures;
  /** The provider's own context limit when it differs from the model's (e.g. Llama 4 Scout on Groq: 131,072). */
  readonly contextWindow?: number;
  /** When sources disagree about the window here: what each says and which one is used. */
  readonly contextWindowNote?: string;
  /**
   * This model's prompt caching at this provider when the provider caches only the models
   * it lists (Gemini: implicit caching from 2.5 on, none on 2.0 Flash); absent: the provider's mode.
   */
  readonly caching?: { readonly mode: CachingMode; readonly source: string };
  /**
   * This model's minimum cacheable prompt at this provider, when it differs from the
   * provider's `caching.minCacheableTokens` (Claude Haiku 4.5: 4096; Gemini 2.5 Pro: 2048).
   * The cost layer uses it in place of the provider's value.
   */
  readonly minCacheableTokens?: number;
  /** Where `minCacheableTokens` comes from (documentation URL and what it says). */
  readonly minCacheableSource?: string;
  /** Anything a reader of the price should know (time-of-day pricing, retired tiers). */
  readonly note?: string;
}

/** `unknown`: the provider's rules are not researched; loops are priced without cache reads (an upper bound). */
export type CachingMode = 'automatic' | 'explicit' | 'none' | 'unknown';

export interface CachingRules extends Provenance {
  readonly mode: CachingMode;
  /** Prompts shorter than this are never cached. */
  readonly minCacheableTokens: number;
  /** Default cache lifetime in seconds. */
  readonly ttlSeconds?: number;
  /**
   * Granularity of automatic cache hits above the minimum: OpenAI caches the
   * longest previously seen prefix in 128-token steps after the first 1024 tokens.
   * Absent: any prefix length is cached.
   */
  readonly cacheIncrementTokens?: number;
  /**
   * Whether the provider reports cached tokens inside its input count (OpenAI, Google)
   * or as separate fields (Anthropic). Documentation only; the cost layer always takes
   * fresh, cached-read and cache-write counts separately.
   */
  readonly cachedCountedInInput?: boolean;
}

export interface ProviderEntry extends Provenance {
  readonly id: string;
  readonly name: string;
  readonly caching: CachingRules;
  /** Tokens of framing added per chat message and per request, with the source of the constants. */
  readonly chatFraming?: ChatFraming;
  /** The provider's batch / flex discount and where it is documented (copied onto its offerings). */
  readonly batch?: BatchTerms;
}

export interface BatchTerms extends Provenance {
  /** Fractional discount, e.g. 0.5 = half price. */
  readonly discount: number;
}

export interface ChatFraming extends Provenance {
  readonly tokensPerMessage: number;
  readonly tokensPerRequest: number;
  readonly tokensPerToolDefinition?: number;
}

/** A framework's step limit option and its documented default. */
export interface FrameworkDefault extends Provenance {
  /** `vercel-ai`, `langgraph`, `openai-agents`, `crewai`, … */
  readonly framework: string;
  readonly language: 'typescript' | 'python' | 'both';
  /** The option that bounds the loop, as spelled in code: `maxSteps`, `max_turns`, … */
  readonly stepOption: string;
  /** Documented default when the option is absent; `null` when the loop is unbounded by default. */
  readonly defaultSteps: number | null;
  readonly note?: string;
}

export interface Catalog {
  /** Schema version of the bundled file. */
  readonly version: number;
  /** Date of the newest price data in the file. */
  readonly asOf: string;
  /** Where the bulk of the data came from (upstream database and its version). */
  readonly source: string;
  readonly models: readonly ModelEntry[];
  readonly offerings: readonly Offering[];
  readonly providers: readonly ProviderEntry[];
  readonly frameworks: readonly FrameworkDefault[];
  /** Header of a generated file: which script made it and the command to rerun. */
  readonly generated?: GeneratedBy;
}

export interface GeneratedBy {
  readonly by: string;
  readonly command: string;
  readonly note?: string;
  readonly upstream?: { readonly package: string; readonly version: string; readonly released: string; readonly licence?: string };
}

/** The outcome of turning a model name written in code into a catalog model. */
export type ModelResolution =
  | {
      readonly kind: 'resolved';
      readonly query: string;
      readonly model: ModelEntry;
      /** The provider named in the query (`openai:gpt-4o`, `bedrock/…`), if any. */
      readonly provider?: string;
      /** The offering to price with: the named provider's, else the model vendor's own, else the cheapest. */
      readonly offering?: Offering;
    }
  | {
      readonly kind: 'unknown';
      readonly query: string;
      /** Nearest known model id, for "did you mean". */
      readonly suggestion?: string;
    };

/** A problem found while loading a catalog, override file or settings. Never thrown; collected. */
export interface CatalogIssue {
  /** File path or settings key the problem is in. */
  readonly origin: string;
  /** JSON pointer or dotted path of the offending entry/field, e.g. `customModels[2].contextWindow`. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  /** `error`: the value or entry was dropped; `warning`: it loaded, but something is off (an unknown key). Absent: error. */
  readonly severity?: 'error' | 'warning';
}
