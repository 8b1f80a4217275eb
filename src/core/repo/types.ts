/** What pricing (src/core/report/analyze.ts) asks the repository model, per file and call. */
import type { DetectedCall, DetectedLoop, DetectedPrompt, ValueRef } from '../detect/types';
import type { PassedDefault } from './passed-defaults';
import type { RepoStore } from './store';
import type { AgentLoopReport, CallReport, CallUse, ModelSource, SiteScope, SourceRef } from '../report/types';

export interface ResolvedModel {
  readonly model: string;
  readonly source: ModelSource;
}

export interface LoadedPrompt {
  /** The input placeholder it fills. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** Where the code reads it. */
  readonly from: SourceRef;
  /** Line of the text in its file (1 when the whole file). */
  readonly line?: number;
  /** Sent as a tool / schema definition rather than a message (a structured-output or tool schema). */
  readonly asTool?: boolean;
  /** Where the text came from, when not a file read (a prompt class's attribute, a config-filled template field). */
  readonly detail?: string;
}

/** A loop found through the repository's call graph, priced on the request it reaches. */
export interface RepoLoop {
  /** The file the loop is written in. */
  readonly path: string;
  readonly loop: DetectedLoop;
  readonly step: { readonly path: string; readonly callId: string };
  readonly stepSites: readonly SourceRef[];
  readonly boundKind?: AgentLoopReport['boundKind'];
  readonly boundAt?: SourceRef;
  /** A cost limit in USD: the steps are what it buys at the priced cost per step. */
  readonly costLimitUsd?: number;
  /** A budget of tokens (input and output summed over the steps): the steps are those whose running total stays within it. */
  readonly tokenLimit?: number;
  /** Loops run inside each of its steps (a requery loop inside a run loop's step): steps of this loop's task, by file and first line. */
  readonly innerLoops?: readonly { readonly path: string; readonly line: number; readonly hops: number }[];
  /** Requests the steps reach only under a condition (a judge once the task is done): sent on some steps, not priced per step. */
  readonly sometimesSites?: readonly SourceRef[];
  /** A graph cycle whose counter fewer request nodes write than send: one request per request node each pass (report/cycle-passes.ts). */
  readonly perPass?: { readonly writers: number; readonly sites: readonly (SourceRef & { readonly callId: string })[] };
}

export interface RepoHints {
  modelFor(path: string, call: DetectedCall): ResolvedModel | undefined;
  /** Why a call's model is set outside the code and must not be guessed (an Assistants API run's assistant, assistant-models.ts). */
  unnamedReason?(path: string, call: DetectedCall): string | undefined;
  /** A model read from a parameter's signature default: what the repository's callers pass in its place (passed-defaults.ts). */
  passedModel?(path: string, param: ValueRef): PassedDefault | undefined;
  /** Callers of the wrapper a request sits in. */
  usesFor(path: string, callId: string): readonly CallUse[] | undefined;
  /** True for a detected call that calls a repository wrapper: it is a use of the request inside, not a site. */
  isUse(path: string, callId: string): boolean;
  /** True for a request inside the repository's own chat-model class: its invokes are the call sites (model-invokes.ts). */
  isImplementation?(path: string, callId: string): boolean;
  /** For a server route's request forwarding the app's own SDK requests: those requests (relays.ts). */
  relayOf?(path: string, callId: string): readonly { readonly path: string; readonly line: number }[] | undefined;
  /** The repository loop that prices this call as one of its steps: its id, `path#id` when it is in another file. */
  stepOf(path: string, callId: string): string | undefined;
  loopsFor(path: string): readonly RepoLoop[];
  /** The loop whose steps run this loop of `path` (starting at `line`): it is priced there, not as a task of its own. */
  loopStepOf?(path: string, line: number): string | undefined;
  /** This file's agent loops run from another file (`Runner.run(agent)` there): loop id → the id of the loop that runs it. */
  runsElsewhere?(path: string): ReadonlyMap<string, string> | undefined;
  /** Requests this file's runs of agents defined in other files make (cross-file-runs.ts), added before pricing. */
  runRequestsIn?(path: string): readonly DetectedCall[];
  /**
   * A loop's step bound that detection could only name (a LangGraph router's counter compared with
   * `configurable.max_loops`): followed through the repository to a number, plus the counter's offset.
   */
  boundFor(path: string, loop: DetectedLoop): { readonly steps: number; readonly at?: SourceRef; readonly detail: string; readonly kind?: 'recursion-limit' } | undefined;
  /** The priced report of a call in another file (a loop's step). */
  stepCall(path: string, callId: string): CallReport | undefined;
  loadedPrompts(path: string, call: DetectedCall): readonly LoadedPrompt[];
  /**
   * Prompts of this file that only uses elsewhere reveal (a schema class another file sends with a request,
   * templates of a configuration file the code loads); the file's own detection cannot see them.
   */
  revealedPrompts?(path: string): readonly DetectedPrompt[];
  /** Ids of this file's prompt constants that no code of the repository mentions (repo/unsent-prompts.ts): not sent, not reported. */
  unsentPrompts?(path: string): ReadonlySet<string>;
  importedPrompt(fromPath: string, module: string, name: string): DetectedPrompt | undefined;
  /**
   * Calls of this file on a value of the repository's own chat-model type (`llm.streamText(…)` with `llm: BaseLLM`)
   * that the repository confirms are requests (repo/typed-requests.ts); the file's own detection cannot.
   */
  revealedCalls?(path: string): readonly DetectedCall[];
  /** The file's scope, knowing the repository's declared entry points (a `scripts/` command a package installs is runtime). */
  scopeOf?(path: string, kind?: string): SiteScope;
  /** The index's files, for summaries of the whole repository built beside it (the models it names: model-inventory.ts). */
  readonly store?: RepoStore;
}
