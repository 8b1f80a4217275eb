/**
 * Provenance tags: which rule produced a detected call or loop (`DetectedCall.rule`, `DetectedLoop.rule`,
 * carried to `CallReport.rule` / `AgentLoopReport.rule`). Plain strings so that a DetectedFile stays
 * structured-clonable; this table is where each tag is named and said what kind of rule it is, so that a
 * census (bench/repos/census.ts) can ask which kinds of rule find sites on many repositories.
 *
 * Kinds:
 * - `framework-contract`: an SDK's or framework's documented API (a request method, an agent's step option).
 * - `data-flow`: a site or value followed through the repository's own code (call graph, types, parameters).
 * - `language-idiom`: a construct of the language used the way applications use it (a loop, `partial`, recursion).
 * - `name-match`: a value taken for a model because of its name (`self.llm.invoke`, `model(…)`).
 */
export type RuleKind = 'framework-contract' | 'data-flow' | 'language-idiom' | 'name-match';

export interface RuleTag {
  readonly kind: RuleKind;
  /** What the rule recognises, in words. */
  readonly about: string;
}

export const CALL_RULES = {
  'sdk-call': { kind: 'framework-contract', about: 'an SDK or framework request method from the rule table (call-rules.ts, frameworks.ts)' },
  'http-post': { kind: 'framework-contract', about: 'an HTTP post to an LLM endpoint path (http-requests.ts)' },
  'forwarded-post': { kind: 'data-flow', about: "a request body handed through the file's helpers to one that posts it to an LLM endpoint (forwarded-posts.ts)" },
  'binding-invoke': { kind: 'framework-contract', about: 'invoke/stream/embed on a model binding made in the file (requests.ts)' },
  'lcel-model-step': { kind: 'framework-contract', about: 'a model step of an LCEL chain: one of several its run reaches, or of a chain returned or exported to run elsewhere (lcel-steps.ts)' },
  'lcel-passed-model-step': { kind: 'data-flow', about: 'a model step of an LCEL chain that runs elsewhere (returned, exported, a LangGraph node), on a model the file is handed: a parameter, field or import named like a model (foreign-models.ts)' },
  'model-object': { kind: 'framework-contract', about: 'a request on an SDK model object or chat session (model-objects.ts)' },
  'store-query': { kind: 'framework-contract', about: "a vector store's query or add method, embedding on the embeddings binding its builder was handed (vector-stores.ts)" },
  'stagehand-step': { kind: 'framework-contract', about: "Stagehand's act/extract/observe on a page of a Stagehand built in the file (stagehand.ts)" },
  'legacy-chain': { kind: 'framework-contract', about: "LangChain's legacy chain run, or a request method passed as a callable (chain-requests.ts)" },
  'dspy-predictor': { kind: 'framework-contract', about: 'a DSPy predictor called under an LM context (dspy.ts)' },
  'bound-model-invoke': { kind: 'framework-contract', about: 'invoke on bind_tools/with_structured_output of a model made outside the file (model-uses.ts)' },
  'model-named-value': { kind: 'name-match', about: 'invoke on, or a call of, a value named like a model made elsewhere (requests.ts, model-uses.ts)' },
  'partial-request': { kind: 'language-idiom', about: 'a request function bound ahead with functools.partial, then called (partials.ts)' },
  'aliased-request': { kind: 'language-idiom', about: 'a request method bound to a name (`completion = client.chat.completions.create`), then called through it (aliased-requests.ts)' },
  'typed-receiver': { kind: 'data-flow', about: "a method of the repository's own chat-model type, confirmed by its implementations (typed-requests.ts)" },
  'py-chat-family': { kind: 'data-flow', about: "a call on the repository's own Python chat-model class family (repo/py-families.ts)" },
  'py-branch-site': { kind: 'data-flow', about: "a folded branch of a Python wrapper that an application caller's model takes (repo/branch-sites.ts)" },
  'py-request-layer': { kind: 'data-flow', about: 'the first caller outside a request layer of provider functions dispatched by model name (repo/request-layers.ts)' },
  'py-family-injected': { kind: 'data-flow', about: "a call on a Python chat-model family object a constructor stores from its callers' argument (repo/py-injected-holders.ts)" },
  'py-family-registry': { kind: 'data-flow', about: 'a call on a Python chat-model family object whose class a table of classes picks by a default key (repo/py-registry-holders.ts)' },
  'py-family-front': { kind: 'data-flow', about: "a method call on a Python class declared (annotated, injected) to hold a front that hands the request to the chat-model family (repo/py-front-classes.ts)" },
  'agent-run-elsewhere': { kind: 'data-flow', about: 'an agent run in another file than its definition (repo/cross-file-runs.ts)' },
  'agent-object-run': { kind: 'data-flow', about: "a run of an AI SDK agent object (generate/stream/respond, createAgentUIStreamResponse) built in another module or by a factory (repo/cross-file-runs.ts, agent-object-runs.ts)" },
  'foreign-client': { kind: 'data-flow', about: "a method of an object built by an unknown client library, handed a model and a conversation (or a model, on such a client) (repo/foreign-clients.ts)" },
  'library-object': { kind: 'framework-contract', about: "a send method on a well-known library's agent or model object traced to its builder (repo/library-runs.ts)" },
  'prompt-file': { kind: 'framework-contract', about: 'a prompt file (.prompt, .prompty, Jinja, a file under prompts/) priced as one call (report/analyze.ts)' },
} as const satisfies Record<string, RuleTag>;

export const LOOP_RULES = {
  'framework-agent': { kind: 'framework-contract', about: "a framework agent with its step option or the framework's default (code.ts)" },
  'crew': { kind: 'framework-contract', about: 'a CrewAI crew run: its agents are steps of one task (agent-tasks.ts)' },
  'agent-run-loop': { kind: 'language-idiom', about: 'a hand-written loop around agent runs (agent-tasks.ts)' },
  'graph-cycle': { kind: 'framework-contract', about: 'a LangGraph graph with a cycle (graphs.ts)' },
  'graph-cycle-runnable': { kind: 'framework-contract', about: 'a LangGraph cycle through a node that is a runnable sending to a model (an LCEL pipe, the model itself), with no request written in the file (graph-node-sends.ts)' },
  'graph-cycle-nodes': { kind: 'data-flow', about: "a LangGraph cycle of other files' node functions, reaching the requests they send; not through a node that waits for a person (repo/graph-cycles.ts)" },
  'in-file-loop': { kind: 'language-idiom', about: 'a while/for loop around a request in the same file (loops.ts)' },
  'callback-tool-loop': { kind: 'language-idiom', about: "a TypeScript sender and its end handler calling each other through callbacks, the handler sending again after running the answer's tool calls: unbounded (callback-tool-loops.ts)" },
  'request-fed-loop': { kind: 'data-flow', about: "a Python while whose condition the request inside it feeds (the model decides whether it goes on) (request-fed-loops.ts)" },
  'call-graph-loop': { kind: 'data-flow', about: "a loop reaching a request through the repository's call graph (repo/loops.ts)" },
  'recursion': { kind: 'data-flow', about: 'a function that calls itself with a depth parameter around a request (repo/recursion-loops.ts)' },
  'tool-round-recursion': { kind: 'data-flow', about: "a function that calls itself again from a branch on the model's tool calls, bounded only by a token or cost budget it checks, if any (repo/tool-round-loops.ts)" },
  'reduce-recursion': { kind: 'data-flow', about: 'a function that sends requests and calls itself on their answers until its input is reduced (a tree summary), no level count: unbounded (repo/reduce-recursion.ts)' },
  'task-requeue': { kind: 'data-flow', about: 'a queued task that re-enqueues itself after a pass reaching a request, bounded by a count against a limit (repo/requeue-loops.ts)' },
  'chat-hook-loop': { kind: 'framework-contract', about: "an AI SDK chat hook that posts again while the last answer's tool calls all have results (useChat maxSteps, sendAutomaticallyWhen), each pass the request of the route it posts to (repo/chat-hook-loops.ts)" },
  'route-cycle-loop': { kind: 'data-flow', about: "a cycle of a TypeScript page's functions (calls in callbacks included) through a post to the app's own route that sends the request, coming back after reading the answer's tool calls or through a tool-outputs submit: unbounded (repo/route-cycle-loops.ts)" },
  'store-method-loop': { kind: 'data-flow', about: "a cycle of a TypeScript state store's methods (get().x) through one sending a request and one running the tool the answer asked for: unbounded (repo/store-method-loops.ts)" },
  'agent-run-elsewhere': { kind: 'data-flow', about: 'an agent run in another file than its definition (repo/cross-file-runs.ts)' },
} as const satisfies Record<string, RuleTag>;

export type CallRuleTag = keyof typeof CALL_RULES;
export type LoopRuleTag = keyof typeof LOOP_RULES;

/** The tag of a call found through the rule table (code.ts): the rule's own tag, an HTTP endpoint, else an SDK request. */
export function callRuleTag(rule: { readonly framework: string; readonly tag?: CallRuleTag }): CallRuleTag {
  return rule.tag ?? (rule.framework === 'http' ? 'http-post' : 'sdk-call');
}
