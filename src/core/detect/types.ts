/**
 * What detection finds in one file, before any pricing. `analyzeFile` turns a
 * DetectedFile into a priced FileReport (src/core/report/types.ts).
 * Lines and columns are 1-based.
 */
import type { PromptKind, SiteNeeds, Span } from '../report/types';
import type { FileFacts } from '../repo/facts';
import type { CallRuleTag, LoopRuleTag } from './rule-tags';
import type { RequestKind } from './ai-sdk-surface';

/** Inline assumptions from a `tokenomics: steps=12 output=800 …` comment. */
export interface AnnotationValues {
  readonly steps?: number;
  readonly output?: number;
  readonly reasoning?: number;
  readonly toolResult?: number;
  readonly callsPerDay?: number;
  readonly model?: string;
  readonly input?: number;
  /** `placeholder.diff=3000` → `{ diff: 3000 }`. */
  readonly placeholders?: Readonly<Record<string, number>>;
  /** `tokenomics: ignore` drops the next site. */
  readonly ignore?: boolean;
}

export interface Annotation {
  readonly line: number;
  readonly values: AnnotationValues;
  /** Problems with the comment (unknown keys, bad numbers); reported, never thrown. */
  readonly issues: readonly string[];
}

export interface DetectedPrompt extends Span {
  readonly id: string;
  readonly kind: PromptKind;
  /** The text with placeholders written `{name}`. */
  readonly text: string;
  readonly placeholders: readonly string[];
  readonly confidence: number;
  /** Why we think it is a prompt, e.g. `system= of anthropic messages.create`. */
  readonly reason: string;
  /** The variable or constant the text is assigned to, when it has one (lets other files that import it find it). */
  readonly name?: string;
  readonly annotation?: AnnotationValues;
}

/**
 * A value (a call's model) detection could not resolve inside its file. The repository pass
 * (src/core/repo) follows it across files: imports, helper returns, config objects, settings
 * classes, config files, and the callers that pass a parameter.
 */
export interface ValueRef {
  /**
   * `name`: an identifier bound outside the file (imported or global). `call`: what a function
   * returns (`get_model()`). `member`: an attribute path (`settings.llm.model`, `self.config.model`).
   * `env`: an environment variable read with no default in the file. `param`: a parameter of the
   * enclosing function with no default (its callers supply it).
   */
  readonly kind: 'name' | 'call' | 'member' | 'env' | 'param';
  /** The expression as written, e.g. `get_model`, `settings.llm.model`, `MODEL`. */
  readonly text: string;
  /** For a name imported from another module: the module as written (`./config`, `.settings`). */
  readonly module?: string;
  /** For `param`: the enclosing function (`Class.method` for methods) and the parameter. */
  readonly param?: { readonly function: string; readonly name: string };
  readonly line: number;
}

export interface DetectedCall extends Span {
  readonly id: string;
  /** `openai`, `anthropic`, `google`, `vercel-ai`, `langchain`, `langgraph`, `openai-agents`, `crewai`, `mastra`, `pydantic-ai`, `smolagents`, `claude-agent-sdk`. */
  readonly framework: string;
  /** The callee as written, e.g. `client.chat.completions.create`, `Agent`. */
  readonly callee: string;
  /** The model as written (after constant resolution). */
  readonly model?: string;
  /** Where an unresolved model value points, for the repository pass; absent when `model` is set or nothing is passed. */
  readonly modelRef?: ValueRef;
  /** Provider implied by the code (`openai('…')`, `ChatAnthropic`), for catalog resolution. */
  readonly providerHint?: string;
  readonly maxOutputTokens?: number;
  readonly promptIds: readonly string[];
  readonly tools: readonly string[];
  /** True for agent definitions (framework loops), false for single model calls. */
  readonly agent: boolean;
  /** Inputs the code fills at run time with no literal text (`prompt: question`): priced at the assumed placeholder size. */
  readonly inputPlaceholders: readonly string[];
  /** Id of the agent or loop that prices this call as one of its steps (a chat-model constructor passed to an agent, a call inside a loop). */
  readonly usedBy?: string;
  readonly annotation?: AnnotationValues;
  /**
   * `binding`: a model constructor or factory (`ChatOpenAI(...)`, `init_chat_model(...)`) — it sends
   * nothing itself; the requests that invoke it are the call sites. `implementation`: a request inside the
   * repository's own chat-model class; the invokes of that class are the call sites, so it is listed, not
   * billed. Absent: a request.
   */
  readonly role?: 'binding' | 'implementation' | 'relay';
  /** The path on the page's own origin this browser SDK request goes to (`/v1/chat/completions`, own-origin.ts). */
  readonly ownRoute?: string;
  /**
   * A server route's request forwarding the body the route received (own-origin.ts): the route's paths as its
   * decorators write them; empty for a file-routed handler (Next.js), whose path is its file's.
   */
  readonly relayRoutes?: readonly string[];
  /** For a relay whose senders are sites (repo/relays.ts): the senders, `path:line`; billed there, not here. */
  readonly relays?: readonly string[];
  /**
   * `embedding`: an embedding request (input tokens only). `transcription`: speech to text (`audio.transcriptions
   * .create`), billed per audio minute, which no token count measures; `speech`, `image`, `video`, `rerank`: other
   * requests billed per unit the code does not show (detect/ai-sdk-surface.ts). Absent: a chat/text request.
   */
  readonly kind?: Exclude<RequestKind, 'chat'>;
  /** For a request on a binding of this file: the binding's id. */
  readonly bindingId?: string;
  /** How the model was found in this file: the line of the literal, and whether it is an environment variable's default. */
  readonly modelOrigin?: ModelOrigin;
  /** Mutually exclusive branches that pick another model for this site (if/elif/else, match, a dict of factories). */
  readonly alternatives?: readonly DetectedAlternative[];
  /** What the request needs of a model, read from its code. */
  readonly needs?: SiteNeeds;
  /** For an agent definition: where this file runs it (`Runner.run(agent, …)`); each run is a request of the agent's task. */
  readonly runs?: readonly DetectedRun[];
  /** Where and how the request runs, as the savings findings need it (src/core/detect/call-context.ts); absent when nothing was found. */
  readonly context?: CallContext;
  /**
   * A method called on a value of the repository's own type (typed-requests.ts): a request only where the
   * repository pass finds that type's implementations send one in that method; dropped otherwise.
   */
  readonly receiverType?: TypedReceiver;
  /** Which rule produced this call (rule-tags.ts): provenance for the rule census. */
  readonly rule?: CallRuleTag;
}

/** The declared type a call's receiver is read from: `input.config.llm.streamText` with `input: AgentInput`. */
export interface TypedReceiver {
  /** The type named at the head (a parameter's, local's or field's class, interface or type alias). */
  readonly type: string;
  /** Members read from it down to the receiver; `key#i` is parameter i of the function-typed member `key`. */
  readonly path: readonly string[];
  readonly method: string;
  /** The project module the head type is imported from, when it is not declared in the file. */
  readonly module?: string;
  /** `type` names a function whose declared return is the head's type (`const engine = getEngine()`). */
  readonly factory?: boolean;
}

/**
 * Facts about a request's surroundings, read from the code. Each reason is in words, so a finding
 * built on it can say what it assumed.
 */
export interface CallContext {
  /** The request (or the values it sends, or its function) marks content for the provider's prompt cache: `cache_control`, `cacheControl`, `cachedContent`, `cachePoint`. */
  readonly cacheMarked?: boolean;
  /** Where a `cache_control` edit goes (Anthropic `system`): the string value to wrap in a text block, or the last block of a literal list. */
  readonly cacheAnchor?: { readonly shape: 'text' | 'blocks'; readonly at: Span };
  /** The request runs once per element of a collection (not an agent loop): the construct, e.g. `for doc in docs`, `rows.map(…)`. */
  readonly overCollection?: { readonly line: number; readonly construct: string };
  /** Why someone is waiting for the reply: a request handler, a UI framework, a streamed reply. */
  readonly userWaiting?: string;
  /** Why the code looks like it runs with no one waiting: a script entry point, a CLI parser, a job framework, a scripts/ path. */
  readonly offline?: string;
}

/** A place that runs an agent defined in the same file, with the input it gives. */
export interface DetectedRun extends Span {
  readonly id: string;
  readonly callee: string;
  readonly promptIds: readonly string[];
  readonly inputPlaceholders: readonly string[];
}

export interface ModelOrigin {
  readonly from: 'code' | 'env-default';
  readonly line: number;
  /** `env OPENAI_MODEL, default`, `default of parameter model`, `branch provider == "openai"`. */
  readonly detail?: string;
  /**
   * The model is a parameter's signature default (`def __init__(self, model_name="gpt-3.5-turbo")`): the parameter,
   * so pricing can ask the repository what the callers pass in its place (repo/passed-defaults.ts).
   */
  readonly param?: ValueRef;
}

/** One branch of a site's model choice; the site's own model is the configured or default branch. */
export interface DetectedAlternative {
  readonly model?: string;
  readonly providerHint?: string;
  readonly modelRef?: ValueRef;
  readonly line: number;
  /** The branch condition as written, e.g. `provider == "anthropic"`. */
  readonly condition?: string;
}

export interface DetectedLoop extends Span {
  readonly id: string;
  /** Framework, or `hand-written`. */
  readonly framework: string;
  /** The step bound read from code; absent when the code sets none. */
  readonly maxSteps?: number;
  /** The option that bounds it (`max_turns`, `stopWhen`, `range`, …), when read from code. */
  readonly stepOption?: string;
  /** True when the code has no bound and the framework has none by default (hand-written `while True`). */
  readonly unbounded: boolean;
  /** The catalog framework entry whose documented default applies when the code sets no bound (`vercel-ai-agent`, `langchain-agent-executor`). */
  readonly defaultsKey?: string;
  readonly callId?: string;
  readonly annotation?: AnnotationValues;
  /**
   * Id of the loop whose task runs this one as a step (a handoff target or an agent used as a tool of
   * an entry agent, an agent run inside a generator/judge loop, a crew member): priced there, not billed apart.
   */
  readonly stepOf?: string;
  /**
   * A bound the code compares but this file cannot read (`count <= configurable.max_loops`): the value for the
   * repository pass, and what to add to it (1 where the comparison allows one more pass: `>` to stop, `<=` to go on).
   */
  readonly boundRef?: { readonly ref: ValueRef; readonly offset: number };
  /** Which rule produced this loop (rule-tags.ts): provenance for the rule census. */
  readonly rule?: LoopRuleTag;
  /** The same agent built another way in a mutually exclusive branch (loop-groups.ts): its bound widens the range. */
  readonly alternatives?: readonly LoopAlternative[];
  /**
   * A graph cycle whose counter fewer request nodes write than send (detect/graph-passes.ts): passes = bound ÷
   * writers, and each pass sends one request per request node (these call ids, the loop's own first).
   */
  readonly perPass?: { readonly writers: number; readonly callIds: readonly string[] };
}

/** An agent loop of an exclusive branch folded into the default branch's loop. */
export interface LoopAlternative {
  readonly line: number;
  /** The agent binding of that branch: a step of this loop, not a site of its own. */
  readonly callId?: string;
  readonly framework: string;
  readonly maxSteps?: number;
  readonly unbounded: boolean;
  readonly defaultsKey?: string;
  /** The branch condition as written; absent for the else branch. */
  readonly condition?: string;
}

/** `loaded-prompts`: a file the code reads at run time (YAML templates, a Markdown prompt), reported by the repository pass. */
export type FileKind = 'code' | 'prompt-file' | 'instructions' | 'crewai-config' | 'loaded-prompts';

export interface DetectIssue extends Span {
  readonly code: 'parse-error' | 'file-skipped' | 'annotation';
  readonly message: string;
}

export interface DetectedFile {
  readonly path: string;
  /** `typescript`, `tsx`, `javascript`, `python`, `prompt`, `prompty`, `markdown`, `jinja`, `yaml`, `text`. */
  readonly language: string;
  readonly kind: FileKind;
  readonly prompts: readonly DetectedPrompt[];
  readonly calls: readonly DetectedCall[];
  readonly loops: readonly DetectedLoop[];
  readonly annotations: readonly Annotation[];
  readonly issues: readonly DetectIssue[];
  /** Model named by the file itself (prompt-file front matter, file-level annotation). */
  readonly fileModel?: string;
  /** Output budget named by the file itself (front matter). */
  readonly fileMaxOutputTokens?: number;
  /** True when limits (size, time, site cap) cut detection short. */
  readonly truncated: boolean;
  /** Local names imported from other modules of the project (`./prompts`, `.prompts`, `pkg.prompts`) → module as written. */
  readonly imports?: Readonly<Record<string, string>>;
  /** What the repository pass needs of this file (imports, constants, functions, classes, calls, loops); plain data. */
  readonly facts?: FileFacts;
}

export interface DetectOptions {
  /** Files longer than this (characters) are not parsed. */
  readonly maxChars?: number;
  readonly parseTimeoutMs?: number;
  /** At most this many sites of each type per file. */
  readonly maxSitesPerFile?: number;
  readonly isCancelled?: () => boolean;
}

export const DEFAULT_DETECT_OPTIONS: Required<Omit<DetectOptions, 'isCancelled'>> = {
  maxChars: 2_000_000,
  parseTimeoutMs: 2_000,
  maxSitesPerFile: 500,
};
