/**
 * What one file tells the repository model, extracted during detection: plain, structured-clonable data (detection
 * may run in worker threads). Expressions are kept as small trees (`Expr`) so that a value can be followed later
 * across files without the syntax tree: names, attributes, calls, env reads, dicts, file reads.
 */

import type { DetectedCall } from '../detect/types';
import type { ChatHookFact } from './chat-hook-types';
import type { TextFacts } from './sent-types';
import type { KeyedReturns } from './keyed-return-types';
import type { FlagExit, LoopAwait, ReduceFact, StepEffects } from './loop-await';
import type { SchemaUseFact, SchemaFact, SchemaSenderFact, MessageBuilderFact, ToolSchemaBuilderFact, ToolClassFact, ToolFunctionHints, SchemaRefs, TypeShapeFact, SpliceFact, CalledSpliceFact, TextConstantFact, BuilderTextsFact, BuilderSpliceFact, ToolPartCallFact, ToolOfferFact } from './prompt-facts';

import type { SessionStoreFact, StateDefault } from './holder-facts';
export type { SessionStoreFact, StateDefault } from './holder-facts';
export type { SchemaUseFact, SchemaFact, SchemaSenderFact, MessageBuilderFact, ToolSchemaBuilderFact, ToolClassFact, ToolFunctionHints, SchemaRefs, TypeShapeFact, SpliceFact, CalledSpliceFact, TextConstantFact, BuilderTextsFact, BuilderSpliceFact, ToolPartCallFact, ToolOfferFact } from './prompt-facts';

/** An expression as far as the repository pass needs it; anything else is `unknown`. */
export type Expr =
  | { readonly k: 'str'; readonly v: string; readonly line: number }
  | { readonly k: 'num'; readonly v: number; readonly line: number }
  | { readonly k: 'name'; readonly v: string; readonly line: number }
  | { readonly k: 'member'; readonly obj: Expr; readonly prop: string; readonly line: number }
  | { readonly k: 'index'; readonly obj: Expr; readonly key: string; readonly line: number }
  | { readonly k: 'call'; readonly callee: Expr; readonly text: string; readonly args: readonly Expr[]; readonly kw: Readonly<Record<string, Expr>>; readonly line: number }
  /** `os.getenv("MODEL", "gpt-4o")`, `process.env.MODEL ?? "gpt-4o"`. */
  | { readonly k: 'env'; readonly name: string; readonly def?: Expr; readonly line: number }
  /** `spreads`: objects spread into the literal (`{ ...base, key: v }`), TS; `keyed`: pairs under a constant key (keyed-tables.ts). */
  | { readonly k: 'dict'; readonly entries: Readonly<Record<string, Expr>>; readonly line: number; readonly spreads?: readonly Expr[]; readonly keyed?: readonly (readonly [Expr, Expr])[] }
  /** A TypeScript array literal (a list of model options): list-values.ts picks from it. */
  | { readonly k: 'list'; readonly items: readonly Expr[]; readonly line: number }
  /**
   * `a or b`, `a ?? b`, `x if c else y`: the first that resolves. A TypeScript ternary keeps its condition in
   * `test`: where the default configuration decides it (conditions.ts), only the branch it takes is followed.
   */
  | { readonly k: 'or'; readonly left: Expr; readonly right: Expr; readonly line: number; readonly test?: Cond }
  /** `obj[key]` with a computed key (`config.tools[toolName]`): the key is followed like any value. */
  | { readonly k: 'lookup'; readonly obj: Expr; readonly key: Expr; readonly line: number }
  /** A file read at run time: `open(p).read()`, `Path(p).read_text()`, `fs.readFileSync(p)`, `env.get_template(p)`. */
  | { readonly k: 'read'; readonly path: Expr; readonly line: number }
  /** A path built from parts: `Path(__file__).parent / "prompts" / "x.md"`, `os.path.join(d, "x.md")`. */
  | { readonly k: 'path'; readonly parts: readonly Expr[]; readonly line: number }
  | { readonly k: 'unknown'; readonly text: string; readonly line: number };

/** A branch condition as far as the default configuration can decide it: a value's truthiness, an equality or a None test. */
export type Cond =
  | { readonly k: 'truthy'; readonly e: Expr; readonly not?: boolean }
  | { readonly k: 'eq'; readonly left: Expr; readonly right: Expr; readonly not?: boolean }
  /** Python `x is None` (`not`: `x is not None`), none-tests.ts. */
  | { readonly k: 'none'; readonly e: Expr; readonly not?: boolean };

/**
 * A test a Python statement runs under (branch-tests-py.ts): `x == "a"` / `x in ["a", "b"]` (`eq`, one of the
 * values), `"a" in x` (`contains`, a substring), negated on `elif`/`else`; any other condition is `unknown`.
 */
export interface BranchTest {
  readonly k: 'eq' | 'contains' | 'unknown';
  readonly subject?: Expr;
  readonly values?: readonly string[];
  readonly not?: boolean;
}

export interface ImportFact {
  /** Local name bound in this file; `*` for `from m import *` (every public name of `m`). */
  readonly local: string;
  /** Module as written: `./config`, `.settings`, `pkg.config`, `@/lib/llm`. */
  readonly module: string;
  /** Name imported from the module; absent when the module itself is bound (`import x`, `import * as x`). */
  readonly name?: string;
  readonly line: number;
}

export interface ParamFact {
  readonly name: string;
  readonly default?: Expr;
  /**
   * Its annotation: a plain class by its name (`LLMConfig` for `config: LLMConfig | None`), whose defaults hold
   * where no caller can be followed; otherwise as written (`Union[A, B]`): the classes of what it holds.
   */
  readonly type?: string;
  /** TypeScript `{ model = "x" }: Options`: the field of the object passed as argument number `fromObject`. */
  readonly fromObject?: number;
  /** What the body puts in it when the caller passes nothing (`if p is None: p = Chat()`, `p = p or X`): param-fallbacks.ts. */
  readonly fallback?: Expr;
}

/** A call written in a function body (or at module level): callee text and line, for the call graph. */
export interface CalleeFact {
  readonly callee: string;
  readonly expr: Expr;
  readonly line: number;
  /** A run through a method of the function (`generate.remote(a, b)`, passed-callables.ts): the call as written, same arguments. */
  readonly writtenAs?: string;
  /** Made only on some runs of its function: in an `if`/`else`/`except`/`case` branch (branch-calls.ts). */
  readonly branch?: boolean;
  /** A call of one function of a dispatch table (dispatch-tables.ts): the table's name (`model_info.fn_without_ui`). */
  readonly table?: string;
  /** TypeScript: the condition of the innermost `if` it is written under, negated in the `else` (route-sends-ts.ts). */
  readonly test?: Cond;
}

export interface GraphCycleNode {
  readonly name: string;
  readonly fn?: string;
  /** Built by one of a table's factories (`factories[spec.key]()`): each factory call as written. */
  readonly choices?: readonly string[];
  /** Runs the tools the model asked for (a prebuilt `ToolNode`): sends no request and waits for no one. */
  readonly tools?: boolean;
  /** The nodes of the cycle its edges lead to (a cycle through a person is cut there: graph-cycles.ts). */
  readonly next?: readonly string[];
}

/**
 * A LangGraph cycle whose nodes are functions of other files (no request in the graph's own file): detection
 * (detect/graphs.ts) names the nodes, the repository pass (graph-cycles.ts) finds the requests they send.
 */
export interface GraphCycleFact {
  /** The edge call that closes the cycle (`.addConditionalEdges("condense", route, […])`), anchored at its method. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Each node of the cycle: its name in the graph and the function as written (`condensePost`), when it is a name. */
  readonly nodes: readonly GraphCycleNode[];
  /** A counter compared in a router of the cycle (`state.condenseCount <= 3` → 4). */
  readonly maxSteps?: number;
  readonly stepOption?: string;
  /**
   * Routers of the cycle's conditional edges that are not functions of this file (`self.conditional_logic.should_continue_debate`,
   * a method of another object): the repository pass follows each to its function and reads the counter it compares.
   */
  readonly routers?: readonly string[];
}

/** `fetch('/api/x', { body: JSON.stringify(obj) })`: a request to the app's own server route (route-sends-ts.ts). */
export interface RouteSendFact {
  /** The path as written, without its query string or trailing slash. */
  readonly url: string;
  readonly line: number;
  /** The HTTP method (`POST` where a body is sent and none is written, else `GET`). */
  readonly method: string;
  readonly fn?: string;
  /** The object sent as the request body, where it is JSON. */
  readonly body?: Expr;
}

export interface LoopFact {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly kind: 'while' | 'for';
  /** `range(n)` end of a for loop. */
  readonly rangeEnd?: Expr;
  /** Passes beyond `rangeEnd`'s value: `range(n - 1)` → −1, `range(1, n)` → −1, `range(1, n + 1)` → 0. */
  readonly rangeOffset?: number;
  /** A `for x in items` over data: not a step loop. */
  readonly overData?: boolean;
  /** Python, over data: lines of `x = f(…, x)` feeding a result back (carried-items.ts); fanned-out.ts: `fanOut`. */
  readonly carries?: readonly number[];
  readonly fanOut?: readonly number[];
  /** Comparisons that end the loop: from the header (`while i < n`) and guards in the body (`if cost > limit: break`). */
  readonly limits: readonly {
    readonly left: string;
    readonly op: string;
    readonly right: Expr;
    readonly leftExpr?: Expr;
    readonly line?: number;
    readonly head?: boolean;
    /** Last line of an exit guard's branch (`if n >= cap: …; break`): a request sent there is the last pass's. */
    readonly branchEnd?: number;
  }[];
  /** Calls in the body (not of nested functions). */
  readonly calls: readonly CalleeFact[];
  /** What the body changes: assigned names and attributes (`history`, `self.count`), receivers of `x.append(…)`-style calls. */
  readonly changes?: readonly string[];
  /** Counters raised in the body (`n += 1`), with their line. */
  readonly increments?: readonly { readonly name: string; readonly line: number }[];
  /** Counters lowered in the body (`remaining -= 1`), with their line: a countdown to a guard `if remaining == 0`. */
  readonly decrements?: readonly { readonly name: string; readonly line: number }[];
  /** The body calls a sleep (`time.sleep`, `asyncio.sleep`): a back-off between attempts. */
  readonly sleeps?: boolean;
  /**
   * The body is a `try` whose block leaves the loop on success (`return …`, `break`): the shape of a retry.
   * `again` are the exceptions of the handlers that go round again (neither return, raise nor break).
   */
  readonly attempt?: { readonly again: readonly string[] };
  /**
   * Lines of calls made inside the body's exception handlers (`except:`): error recovery, not the loop's
   * main path (an `input()` there asks the user what to do after a failure; it does not make a REPL).
   */
  readonly recoveryLines?: readonly number[];
  /** Python: `while answer is None and tries < n`: the value the loop waits for and its body's data flow (extract-py-awaits.ts). */
  readonly awaits?: LoopAwait;
  /** Python: names that end the loop when true, each set from a call of the body (extract-py-flags.ts). */
  readonly flagExits?: readonly FlagExit[];
}

export interface FunctionFact {
  /** `name`, or `Class.method` for methods. */
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  readonly params: readonly ParamFact[];
  /** Python: the name of its `**kwargs` parameter, the keywords a caller passes beyond the named ones (py-params.ts). */
  readonly kwargs?: string;
  /** What the function returns (the first return statement's expression that is not test-only, see returns.ts). */
  readonly returns?: Expr;
  /** The later returns (not test-only), tried in order when `returns` gives nothing. */
  readonly moreReturns?: readonly Expr[];
  /**
   * TypeScript provider pickers: per return (`returns`, then `moreReturns`), the environment variables whose
   * presence its `if` needs, null for the fall-through (env-pickers.ts orders them by the default configuration).
   */
  readonly returnGuards?: readonly (readonly string[] | null)[];
  /**
   * A function too long to be read as a value helper: the object literals and zod schemas it returns (a prompt
   * builder's `return { system: sections.join('\n\n'), urlList }`, a schema builder's `case 'x': return z.object(…)`),
   * read only for the texts they carry (options-fields.ts).
   */
  readonly returnedObjects?: readonly Expr[];
  /** TypeScript: returns keyed by the branch of one subject they sit in (`if (provider === "google") return …`), keyed-returns.ts. */
  readonly keyedReturns?: KeyedReturns;
  /** Local assignments `name = …` (first of each name). */
  readonly locals: Readonly<Record<string, Expr>>;
  /** Python: later assignments of the same locals (other branches), tried in order when the first gives nothing. */
  readonly moreLocals?: Readonly<Record<string, readonly Expr[]>>;
  /** Python: the branch tests of each assignment of a local (`locals` first, then `moreLocals`), where one is on a branch (branch-locals.ts). */
  readonly localTests?: Readonly<Record<string, readonly (readonly BranchTest[] | null)[]>>;
  /** Python: the branch tests of each return (`returns`, then `moreReturns`), null where one is on no branch. */
  readonly returnTests?: readonly (readonly BranchTest[] | null)[];
  /** Locals given a file name on each of several branches (`template = "a.md"` / `"b.md"`): all of them, in order. */
  readonly fileChoices?: Readonly<Record<string, readonly string[]>>;
  readonly calls: readonly CalleeFact[];
  readonly loops: readonly LoopFact[];
  /** Its return annotation as written (`-> AbstractModel`). */
  readonly returnType?: string;
  /** Comparisons whose branch raises (`if cost > self.cost_limit: raise …`): limits that stop whoever calls it. */
  readonly guards?: readonly { readonly left: string; readonly op: string; readonly right: Expr; readonly leftExpr?: Expr; readonly line: number }[];
  /**
   * Two-step attribute reads of a method (`self.prompts.main_system`, `self.templates.system_template`), first
   * line of each: texts an instance attribute holds, which held-prompts.ts links to the request they are sent with.
   */
  readonly selfRefs?: readonly { readonly holder: string; readonly field: string; readonly line: number }[];
  /** Model fields set on a held object by a statement of the body (`self.model.model_name = "…"`), py-body-facts.ts. */
  readonly fieldSets?: readonly FieldSetFact[];
  /**
   * It calls itself with a level counter, or again with what it was given from a branch on the model's tool calls
   * (extract-recursion.ts): a recursion that recursion-loops.ts may price as a loop.
   */
  readonly recursion?: RecursionFact | ToolRoundFact | ReduceFact;
  /** Python: tests that make it leave early, comparing with a limit or calling a helper that does (extract-exits.ts). */
  readonly exitTests?: readonly ExitTest[];
  /** Python: caps deciding what it returns, counters it raises, parameters it changes (extract-py-flags.ts). */
  readonly stepEffects?: StepEffects;
}

/** A test whose branch leaves the function: a comparison (`op`, both sides), or a call in the test (`call`, its callee). */
export interface FieldSetFact {
  /** The object as written (`self.model`, `llm`). */
  readonly holder: string;
  readonly field: string;
  readonly value: Expr;
  readonly line: number;
}

export interface ExitTest {
  readonly line: number;
  readonly op?: string;
  readonly left?: Expr;
  readonly right?: Expr;
  readonly leftText?: string;
  readonly rightText?: string;
  readonly call?: string;
}

/**
 * A tool loop written as recursion: the function calls itself again with what it was given (its own parameters,
 * attributes, constants; the conversation it appended the tool results to) from a branch on the model's tool calls.
 */
export interface ToolRoundFact {
  /** Line of the call the function makes to itself. */
  readonly line: number;
  readonly toolRounds: true;
}

/** A function calling itself with parameter `param` moved by `step` per level, stopped by `param`/its next value `op` `limit`. */
export interface RecursionFact {
  /** Line of the call the function makes to itself. */
  readonly line: number;
  readonly param: string;
  /** Added to the counter per level: −1 for a depth counted down, +1 for an iteration counted up. */
  readonly step: number;
  readonly op: string;
  readonly limit: Expr;
  /** The comparison reads the next level's value (`newDepth > 0` with `newDepth = depth - 1`), not the parameter. */
  readonly next: boolean;
}

export interface ClassFact {
  readonly name: string;
  readonly line: number;
  readonly bases: readonly string[];
  /** Attribute defaults (`model: str = "x"`, `model = Field(default="x")`) and `self.x = …` assignments, with the method they are in. */
  readonly attrs: Readonly<Record<string, { readonly expr: Expr; readonly fn?: string }>>;
  /** Attribute annotations (`model: AbstractModel`, `_agent: DefaultAgent | None = None`) as written. */
  readonly attrTypes?: Readonly<Record<string, string>>;
  /** `self.x = …` in methods other than the constructor (`set_x(self, v)`, `init_*`): what a call of that method on an instance sets. */
  readonly setters?: Readonly<Record<string, readonly { readonly fn: string; readonly expr: Expr }[]>>;
  /** Python: the other `self.x = …` of an attribute in its methods (`self.llm = llm` / `else: self.llm = create_llm(…)`), for py-families.ts. */
  readonly moreAttrs?: Readonly<Record<string, readonly Expr[]>>;
}

/** Where a request detection found sits: its enclosing function and the model expression it passes. */
export interface CallFact {
  readonly id: string;
  readonly fn?: string;
  readonly model?: Expr;
  /**
   * The model was not written in the call: it is the `model` field read from the one options variable or the last
   * spread the call is given (`generateContent(prompt)` → `prompt.model`), which may carry none. A model object the
   * request is made on wins over it (receiver-models.ts).
   */
  readonly modelImplied?: true;
  /** The SDK client the call goes through (`client.messages.create` → `client`), for wrappers whose client is an attribute. */
  readonly receiver?: string;
  /** Names and attribute paths in the arguments that carry prompts (`system=SYSTEM_PROMPT`), for prompts loaded from files. */
  readonly inputs?: readonly string[];
  /** Comes after an `if …: return` guard of its function: sent on some runs only (branch-calls.ts). */
  readonly gated?: boolean;
  /** Python: the branch tests it is sent under in its function (branch-tests-py.ts), for a model the tests pick (branch-locals.ts). */
  readonly when?: readonly BranchTest[];
  /**
   * Python `acompletion(**kwargs)` naming no model: the `model` of the dict splatted in (a body a caller built and a
   * helper sends), read only when neither the arguments nor detection name one (body-models.ts).
   */
  readonly bodyModel?: Expr;
}

export interface FileFacts {
  readonly imports: readonly ImportFact[];
  /** Python imports written inside function bodies, looked at after the module's own names (param-fallbacks.ts). */
  readonly lateImports?: readonly ImportFact[];
  /** Names a TypeScript file exports (Python: every top-level name is importable). */
  readonly exports?: readonly string[];
  /** Top-level constants and assignments. */
  readonly values: Readonly<Record<string, Expr>>;
  /** Python: module-level context variables and the type they hold (`CTX: ContextVar[Session] = ContextVar(…)` → `Session`). */
  readonly contextVars?: Readonly<Record<string, string>>;
  readonly functions: readonly FunctionFact[];
  readonly classes: readonly ClassFact[];
  /** Calls at module level (scripts, `if __name__ == "__main__":`). */
  readonly moduleCalls: readonly CalleeFact[];
  readonly moduleLoops: readonly LoopFact[];
  readonly calls: readonly CallFact[];
  /** UI state hooks' initial values (TypeScript/JSX), for a model the user picks in the UI. */
  readonly stateDefaults?: readonly StateDefault[];
  /** Python: values put into Streamlit's session state, by key (session-state.ts). */
  readonly sessionStores?: readonly SessionStoreFact[];
  /** LangGraph cycles of nodes written in other files (detect/graphs.ts, graph-cycles.ts). */
  readonly graphCycles?: readonly GraphCycleFact[];
  /** TypeScript: requests to the app's own server routes (route-sends-ts.ts, route-callers.ts). */
  readonly routeSends?: readonly RouteSendFact[];
  readonly chatHooks?: readonly ChatHookFact[];
  readonly schemaUses?: readonly SchemaUseFact[];
  readonly schemas?: readonly SchemaFact[];
  readonly schemaSenders?: readonly SchemaSenderFact[];
  readonly schemaRefs?: SchemaRefs;
  readonly messageBuilders?: readonly MessageBuilderFact[];
  /** Tool schema builders and the candidate attributes of classes (detect/tool-classes.ts, for repo/tool-classes.ts). */
  readonly toolSchemaBuilders?: readonly ToolSchemaBuilderFact[];
  readonly toolClasses?: readonly ToolClassFact[];
  readonly toolFunctionHints?: ToolFunctionHints;
  /** Python: how often each prompt-named identifier is written in the file (repo/unsent-prompts.ts). */
  readonly promptNameMentions?: Readonly<Record<string, number>>;
  /** Texts that may be sent, how names flow into messages, literal-key reads (extract-texts.ts, for sent-texts.ts). */
  readonly sent?: TextFacts;
  /** TypeScript: the member types of the file's own types, aliases and classes (type-shapes.ts). */
  readonly typeShapes?: readonly TypeShapeFact[];
  /** Calls on a value of one of the repository's own types (detect/typed-requests.ts): requests once the repository confirms them. */
  readonly typedCalls?: readonly DetectedCall[];
  /** TypeScript: `.replace(key, value)` chains filling a template in a function that sends a request (detect/splice-facts.ts). */
  readonly splices?: readonly SpliceFact[];
  /** TypeScript: `${getPrompts().businessContext}` in a template: a property of what a function returns, spliced in (spliced-constants.ts). */
  readonly calledSplices?: readonly CalledSpliceFact[];
  /** TypeScript: module-level text constants of written words, which another module may splice into a prompt. */
  readonly textConstants?: readonly TextConstantFact[];
  /** TypeScript: written texts the module's exported functions return, which another module may insert into a prompt. */
  readonly builderTexts?: readonly BuilderTextsFact[];
  /** Plain functions whose call a template splices, by line (detect/splice-facts.ts): builders another module may write. */
  readonly builderSplices?: readonly BuilderSpliceFact[];
  /** TypeScript: imported functions called where a tool's description or schema goes (detect/tool-part-calls.ts). */
  readonly toolPartCalls?: readonly ToolPartCallFact[];
  /** TypeScript: the tools of each request's tool map, offered by `activeTools` or not (detect/inactive-tools.ts). */
  readonly toolOffers?: readonly ToolOfferFact[];
  /** Python: functions the module hands to the agent as tools, registered or dispatched by name (detect/py-tool-returns.ts). */
  readonly toolDispatch?: readonly string[];
  /** Python: texts each module-level function returns as its result, sent back if it is a tool (repo/dispatched-tools.ts). */
  readonly toolReturnTexts?: readonly BuilderTextsFact[];
}
