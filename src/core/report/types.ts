/**
 * The report: the one data contract between the core and every surface
 * (CLI JSON/table/Markdown/CSV/SARIF, hover, CodeLens, diagnostics, webviews).
 * Serialised as JSON it is versioned (`version: 1`); additive changes only
 * within a version. Lines and columns are 1-based; paths are relative to the
 * scanned root, with forward slashes.
 */
import type { TokenizerId } from '../catalog/types';
import type { RangeSpec } from '../agent/range';
import type { Price } from '../cost/types';
import type { Assumptions, Workload } from '../workload';

export const REPORT_VERSION = 1;

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Where in the repository a site runs: the application's runtime code, or code that is not the
 * application's bill (tests, examples, docs, notebooks) and coding-agent instruction files (priced
 * per coding-agent request). Only `runtime` sites make the headline total.
 */
export type SiteScope = 'runtime' | 'test' | 'example' | 'docs' | 'notebook' | 'instructions';

/** A place in the repository: path relative to the scanned root, 1-based line. */
export interface SourceRef {
  readonly path: string;
  readonly line: number;
}

/**
 * How a call's model was found. `code`: a literal at the call or reached through variables,
 * parameters, attributes and helpers (`at` says where the literal is). `config`: a YAML/JSON/TOML
 * file or a settings class of the repository. `env-default`: the fallback of `os.getenv`/`process.env`.
 * `annotation`: a `tokenomics: model=…` comment. `file`: a prompt file's front matter.
 * `repository-default`: nothing resolved; a guess, the model the repository itself names most as its default
 * for the call's vendor and kind (`at` is where; repo/repository-default.ts gives the rule).
 * `vendor-default`: nothing resolved, and the repository names no model of that vendor; the SDK
 * vendor's entry of `tokenomics.defaultModels`.
 * `default`: nothing resolved and no vendor is known; `tokenomics.defaultModel`.
 */
export interface ModelSource {
  /** `ui-default`: the user picks the model in the app's UI; `at` is the UI's default (a constant or a state hook's initial value). */
  readonly from: 'code' | 'config' | 'env-default' | 'annotation' | 'file' | 'repository-default' | 'vendor-default' | 'default' | 'ui-default';
  readonly at?: SourceRef;
  /** Why, in words: `chosen at run time: parameter model of run_agent`, `env OPENAI_MODEL, default`. */
  readonly detail?: string;
}

/**
 * A caller of a request wrapper: a helper or method of the repository that sends the request
 * (`call_model(...)`, `self.model.query(...)`). The request inside the wrapper is the site; each
 * use supplies its own prompts, model and traffic and is listed under it, never billed apart.
 */
export interface CallUse extends SourceRef {
  /** The wrapper as called, e.g. `self.model.query`. */
  readonly via: string;
  readonly model?: string;
  readonly modelSource?: ModelSource;
  readonly inputTokens?: number;
}

/**
 * One branch of a site whose model or provider is chosen by mutually exclusive code paths
 * (if/elif/match on provider, a dict of factories, a feature flag). The site is priced on the
 * configured or default branch; the others are listed with their prices as the site's range.
 */
export interface SiteAlternative extends SourceRef {
  readonly model: string;
  readonly condition?: string;
  readonly costPerUnit: Price;
}

/**
 * A model a site priced on a guess could run on instead: another model the repository names for the
 * same vendor (`at`), or the vendor's default (no `at`), priced on the site's workload.
 */
export interface PlausibleModel {
  readonly model: string;
  readonly at?: SourceRef;
  readonly costPerUnit: Price;
}

/** What a site needs of a model, read from its code (for alternatives that can do the job). */
export interface SiteNeeds {
  readonly tools?: boolean;
  readonly structuredOutput?: boolean;
  readonly vision?: boolean;
  readonly reasoning?: boolean;
}

/**
 * One input of an estimate that the code does not state outright, with where its value came
 * from: `code` (read from the call, e.g. an output cap), `annotation` (a `tokenomics:` comment),
 * `setting` (a setting or tokenomics.json value other than the default), `default` (the built-in
 * default). Surfaces list these as they are; nothing parses the `assumed` strings.
 */
export interface SiteAssumption {
  readonly subject: 'model' | 'output' | 'reasoning' | 'input' | 'placeholder' | 'imported-prompt' | 'steps' | 'tool-result' | 'calls-per-day' | 'caching';
  /** The placeholder's or input's name, for those subjects. */
  readonly name?: string;
  /** Tokens, steps or calls a day; a model id for `model`; a module for `imported-prompt`. */
  readonly value: number | string;
  readonly from: 'code' | 'annotation' | 'setting' | 'default';
  /** Why, in words: `capped by the code's max_tokens`, `the framework's default`. */
  readonly detail?: string;
}

export type PromptKind = 'system' | 'instructions' | 'user-template' | 'tool-description' | 'few-shot' | 'other';

export interface PlaceholderAssumption {
  readonly name: string;
  readonly assumedTokens: number;
  /** Where the size came from: `annotation`, `setting`, `default`. */
  readonly from: 'annotation' | 'setting' | 'default';
}

export interface PromptReport extends Span {
  readonly id: string;
  readonly kind: PromptKind;
  /** The identifier the prompt is bound to (`SYSTEM_PROMPT = "…"`), when it has one: hovers on its uses show it. */
  readonly name?: string;
  readonly tokens: number;
  readonly exact: boolean;
  readonly tokenizer: TokenizerId;
  readonly tokenBasis: string;
  readonly placeholders: readonly PlaceholderAssumption[];
  /** 0..1: how sure detection is that this text is sent to a model. */
  readonly confidence: number;
  /** The model this prompt is priced on (resolved call it flows into, else the default). */
  readonly model: string;
  readonly costPerCall: Price;
  /** Share of the model's context window, 0..1. */
  readonly contextShare?: number;
  /** First characters of the text with placeholders, for display; never the whole of a huge prompt. */
  readonly preview: string;
  /** Why detection took it for a prompt (`system of client.messages.create`, `part of …`): its provenance. */
  readonly reason?: string;
}

/**
 * The input of a site the analysis could not read: its prompt comes through code no rule follows (a loader, a
 * message list built elsewhere), so the tokens it sends are unknown, not 0. Priced at one default-sized input
 * (`assumed`) spread over the range the report gives every default size (`low`–`high`), and said why.
 */
export interface UnknownInput {
  readonly why: string;
  readonly assumed: number;
  readonly low: number;
  readonly high: number;
}

export interface CallReport extends Span {
  readonly id: string;
  /** SDK or framework: `openai`, `anthropic`, `google`, `vercel-ai`, `langchain`, … */
  readonly framework: string;
  /** The model as written in code (after constant resolution), if any. */
  readonly model?: string;
  /** Catalog id it resolved to; absent when unknown (then `modelSuggestion` may be set). */
  readonly modelResolved?: string;
  readonly modelSuggestion?: string;
  /** The offering used for pricing, `provider/model`. */
  readonly offering?: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costPerCall: Price;
  readonly latencyMs?: number;
  readonly workload: Workload;
  /** Ids of the prompts this call sends. */
  readonly promptIds: readonly string[];
  readonly tools: readonly string[];
  /** Which numbers were assumed rather than read from code, in words (kept for readers of the JSON). */
  readonly assumed: readonly string[];
  /** The same, structured: each input that is not a plain fact of the code, with its source. */
  readonly assumptions?: readonly SiteAssumption[];
  /**
   * Id of the site that prices this call as one of its steps: the agent loop it defines or runs
   * in, or the agent a chat-model constructor is handed to. Such calls are not counted again in
   * monthly totals.
   */
  readonly stepOf?: string;
  /**
   * `request` (default): sends a request and is billed. `binding`: a model constructor nothing invokes; listed,
   * not billed. `implementation`: the request inside the repository's own chat-model class; its invokes are
   * billed with the application's prompts and traffic, so it is listed, not billed again. `relay`: a server
   * route's request forwarding the body of the app's own SDK requests (`relays`), which are billed.
   */
  readonly role?: 'request' | 'binding' | 'implementation' | 'relay';
  /** For a relay: the requests it forwards, `path:line`; each is billed there, the relay is not counted again. */
  readonly relays?: readonly string[];
  readonly modelSource?: ModelSource;
  /** Callers of the wrapper this request sits in (see CallUse). */
  readonly uses?: readonly CallUse[];
  readonly alternatives?: readonly SiteAlternative[];
  /** A guessed model (`modelSource.from` `repository-default`): the other models it could be, which widen `costPerCall`'s range. */
  readonly plausibleModels?: readonly PlausibleModel[];
  readonly needs?: SiteNeeds;
  /** Prompt files read at run time and sent by this call, relative paths. */
  readonly loadedPrompts?: readonly SourceRef[];
  /** Set when the scan read nothing this call sends: `inputTokens` is an assumed size, not a count. */
  readonly inputUnknown?: UnknownInput;
  /** The inputs of this call that were assumed, which give `costPerCall` its low/high; pass it to `compareOfferings` (`ranges`) to range every offering alike. */
  readonly rangeInputs?: RangeSpec;
  /** Which detection rule found this call (src/core/detect/rule-tags.ts). */
  readonly rule?: string;
}

export interface AgentLoopReport extends Span {
  readonly id: string;
  /** Framework, or `hand-written` for a while/for loop around a model call. */
  readonly framework: string;
  readonly maxSteps: number;
  readonly bounded: boolean;
  /** Where `maxSteps` came from: `code`, `framework-default`, `annotation`, `assumed`. */
  readonly stepsFrom: 'code' | 'framework-default' | 'annotation' | 'assumed';
  /**
   * The framework's default step limit when it is above the assumed step count: the task is
   * priced at `maxSteps` (assumed) and can run up to this many steps.
   */
  readonly stepLimit?: number;
  readonly model?: string;
  readonly costPerTask: Price;
  /** Task cost ÷ single-call cost. */
  readonly agentTax?: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly latencyMs?: number;
  /** 1-based step at which the context window overflows, if it does. */
  readonly overflowStep?: number;
  readonly workload: Workload;
  /** Its call's input could not be read (CallReport.inputUnknown): the first step's input is an assumed size. */
  readonly inputUnknown?: UnknownInput;
  readonly callId?: string;
  readonly modelSource?: ModelSource;
  /**
   * What bounds the loop when it is not a plain step count: `cost-limit` (the steps a cost limit
   * allows at the priced cost per step), `recursion-limit`, `counter`, `parameter` (a `max_steps`
   * style parameter or its default).
   */
  readonly boundKind?: 'steps' | 'cost-limit' | 'recursion-limit' | 'counter' | 'parameter';
  /** Where the bound was read, when it came from code in another place than the loop. */
  readonly boundAt?: SourceRef;
  /** Sites priced as steps of this task (calls reached through the repository's functions, handoff targets, subgraphs). */
  readonly stepSites?: readonly SourceRef[];
  /** Requests the steps reach only under a condition (a judge once the task is done): sent on some steps, not priced per step. */
  readonly sometimesSites?: readonly SourceRef[];
  /**
   * The loop whose steps run this one (a requery loop inside each step of a run loop, found through the
   * repository): `id`, or `path#id` in another file. Its cost is part of that task, not a monthly site of its own.
   */
  readonly stepOf?: string;
  /** Each input of the task estimate that is not a plain fact of the code, with its source. */
  readonly assumptions?: readonly SiteAssumption[];
  /** The inputs of this task that were assumed (steps, output, tool results, …), which give `costPerTask` its low/high; see CallReport.rangeInputs. */
  /**
   * The other requests each pass of a graph cycle sends (report/cycle-passes.ts), beside the loop's own: their
   * workloads and the passes, so that Compare prices the whole task on every offering as the report does.
   */
  readonly passRequests?: { readonly workloads: readonly Workload[]; readonly passes: number };
  readonly rangeInputs?: RangeSpec;
  /** Which detection rule found this loop (src/core/detect/rule-tags.ts). */
  readonly rule?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'unbounded-loop'
  | 'context-overflow'
  | 'over-budget-call'
  | 'over-budget-task'
  | 'over-budget-monthly'
  | 'unknown-model'
  | 'unpriced-model'
  | 'parse-error'
  | 'file-skipped'
  // Savings findings (src/core/report/findings): each carries `savings`.
  | 'cache-opportunity'
  | 'cache-breaker'
  | 'no-output-cap'
  | 'batchable'
  | 'model-fit';

export interface DiagnosticReport extends Span {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Site the diagnostic is about. */
  readonly siteId?: string;
  /** For `unknown-model`: the suggested replacement. */
  readonly suggestion?: string;
  /** For savings findings: what fixing it saves a month, in US dollars, with its range. */
  readonly savings?: { readonly monthly: { readonly usd: number; readonly low: number; readonly high: number } };
  /** For a savings finding whose fix is a mechanical edit: what the editor's quick fix writes (only when the user picks it). */
  readonly fix?: FindingFix;
}

/**
 * The edit behind a savings finding's quick fix, computed by the core so every surface agrees:
 * `output-cap` adds the SDK's output limit option (`max_completion_tokens=1024`); `model` replaces
 * the model literal with a cheaper model's API id (an option, never preferred); `cache-control`
 * marks the system prompt for Anthropic's prompt cache: `text` wraps the string value at `at` in a
 * text block carrying `cache_control`, `blocks` adds `cache_control` to the last block (the dict
 * or object literal at `at`).
 */
export type FindingFix =
  | { readonly kind: 'output-cap'; readonly option: string; readonly value: number }
  | { readonly kind: 'model'; readonly model: string }
  | { readonly kind: 'cache-control'; readonly shape: 'text' | 'blocks'; readonly at: Span };

export interface InstructionFileReport {
  /** Tokens that ride along with every request of a coding agent. */
  readonly tokensPerRequest: number;
  readonly model: string;
  readonly costPerRequest: Price;
  readonly costPer100Requests: Price;
}

export interface FileReport {
  readonly path: string;
  readonly language: string;
  readonly prompts: readonly PromptReport[];
  readonly calls: readonly CallReport[];
  readonly agentLoops: readonly AgentLoopReport[];
  readonly diagnostics: readonly DiagnosticReport[];
  /** Present for prompt and coding-agent instruction files. */
  readonly instructions?: InstructionFileReport;
  /** Projected monthly cost of everything in the file at the assumed volume. */
  readonly monthlyCost: Price;
  /** Where the file's sites run; absent means `runtime`. */
  readonly scope?: SiteScope;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: 'too-large' | 'binary' | 'unreadable' | 'excluded' | 'symlink-loop' | 'vanished' | 'unsupported';
  readonly detail?: string;
}

export interface ReportTotals {
  readonly files: number;
  readonly prompts: number;
  readonly calls: number;
  readonly agentLoops: number;
  readonly monthlyCost: Price;
  readonly byModel: readonly { readonly model: string; readonly monthlyCost: Price; readonly sites: number }[];
  readonly byFile: readonly { readonly path: string; readonly monthlyCost: Price }[];
  /** Monthly cost per scope; the headline `monthlyCost` is the runtime scope's priced sites. */
  readonly byScope?: readonly { readonly scope: SiteScope; readonly monthlyCost: Price; readonly sites: number }[];
  /** Runtime sites without a price: the headline reads "$X a month priced, plus N unpriced sites". */
  readonly unpriced?: readonly (SourceRef & { readonly siteId: string; readonly model: string })[];
  /** The scopes whose sites make the headline (`runtime` unless the scan was asked to include others). */
  readonly scopes?: readonly SiteScope[];
}

export interface ScanReport {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: 'tokenomics'; readonly version: string };
  readonly root: string;
  readonly catalog: { readonly asOf: string; readonly source: string };
  readonly assumptions: Assumptions;
  readonly files: readonly FileReport[];
  readonly skipped: readonly SkippedFile[];
  readonly totals: ReportTotals;
  readonly budgetExceeded: readonly { readonly siteId: string; readonly path: string; readonly line: number; readonly code: DiagnosticCode; readonly message: string }[];
}
