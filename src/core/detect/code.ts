/**
 * Detection in source code: model calls, agent definitions, the prompts they
 * send and the loops around them. Works on the language-neutral `LanguageSyntax`
 * so that TypeScript and Python share every rule.
 */
import { fieldDeclaration } from './class-fields';
import { roleKeywordMessage } from './role-messages';
import { findFormattedValues } from './format-values';
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { AgentUses } from './agent-uses';
import { CallLinker, type CallInfo } from './call-links';
import { classifyCall, MODEL_ARG_KEYS as MODEL_KEYS, NESTED_OPTION_KEYS, PROVIDER_FACTORY, providerHintOf, type CallContext, type CallRule } from './frameworks';
import { RequestAliases } from './aliased-requests';
import { linkAgentTasks } from './agent-tasks';
import { findHandWrittenLoops, loopBound } from './loops';
import { findCallbackToolLoops } from './callback-tool-loops';
import { findGraphLoops } from './graphs';
import { httpRequestOf } from './http-requests';
import { chatBodyPostOf } from './chat-body-posts';
import { shapedPostOf } from './shaped-posts';
import { ForwardedPosts } from './forwarded-posts';
import { FOREIGN_MODEL_CALL, foreignModelBase, foreignModelRule } from './model-uses';
import { findModelObjectRequests } from './model-objects';
import { applyClientHosts } from './client-hosts';
import { applyOwnOrigin } from './own-origin';
import { ModelValues } from './model-resolve';
import { toolsFrom } from './model-values';
import { stepCountOf, stepNumberOf, toolsOffAfter } from './ai-sdk-steps';
import { needsOf } from './needs';
import { findDspyRequests } from './dspy';
import { findPartialRequests } from './partials';
import { RequestFinder } from './requests';
import { findStagehandRequests } from './stagehand';
import { findChainRequests } from './chain-requests';
import { findTurnFormatPrompts } from './turn-format-prompts';
import { groupExclusiveSites } from './site-groups';
import { groupExclusiveLoops } from './loop-groups';
import { isTextish, PromptPlaces, TOOL_SCHEMA_KEYS } from './prompt-places';
import { toolSchemaPropertyDescriptions } from './json-schema-prompts';
import { AssembledPrompts } from './assembled-prompts';
import { spreadMessages } from './spread-messages';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import { SiteRegistry, requestSpanOf, spanOf, type Mutable } from './sites';
import type { CallArgs, Collected, LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';
import { callRuleTag } from './rule-tags';
import { positionalToolDescription } from './positional-tools-py';

/** Class names of tools that take a `name` and a `description` (ADK `VertexAiRagRetrieval`, `FunctionTool`, toolsets). */
const TOOL_CLASS = /(Tool|Toolset|Retrieval|Retriever)$/;
/** Calls that take a list of tool functions first: LangGraph `ToolNode`, `model.bind_tools`. */
const TOOL_BINDING = /(^|\.)(ToolNode|bind_tools|bindTools)$/;

export class CodeDetector {
  private readonly calls: CallInfo[] = [];
  private fileOptions?: Map<string, SyntaxNode>;
  private readonly prompts: PromptReader;
  private readonly places: PromptPlaces;
  private readonly agents: AgentUses;
  private readonly values: ModelValues;
  private readonly assembled: AssembledPrompts;
  private readonly aliases: RequestAliases;
  private readonly forwarded: ForwardedPosts;

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    readonly sites: SiteRegistry,
  ) {
    this.prompts = new PromptReader(syntax, sites);
    this.places = new PromptPlaces(syntax, collected, this.prompts);
    this.assembled = new AssembledPrompts(syntax, this.prompts);
    this.prompts.assembleWith((node, kind, reason) => this.assembled.piecesOf(node, kind, reason));
    this.agents = new AgentUses(syntax, collected, this.prompts);
    this.values = new ModelValues(syntax, collected.imports, (call, callee) => this.modelArgOf(call, callee));
    this.aliases = new RequestAliases(collected, classifyCall);
    this.forwarded = new ForwardedPosts(syntax, collected);
  }

  run(): void {
    for (const node of this.collected.calls) this.visitCall(node);
    for (const node of this.collected.contentAssignments ?? []) this.assembled.contentAssignment(node);
    spreadMessages(this.syntax, this.collected, this.prompts, (node, kind, reason) => this.assembled.piecesOf(node, kind, reason));
    this.places.run();
    findTurnFormatPrompts(this.syntax, this.collected, this.prompts);
    findFormattedValues(this.syntax, this.collected, this.prompts);
    const merged = groupExclusiveSites(this.syntax, this.sites, this.calls);
    new RequestFinder(this.syntax, this.collected, this.sites, this.calls, this.values, this.prompts, merged).run();
    findModelObjectRequests(this.syntax, this.collected, this.sites, this.calls, this.prompts);
    findStagehandRequests(this.syntax, this.collected, this.sites, this.calls, this.values, this.prompts);
    findChainRequests(this.syntax, this.collected, this.sites, this.calls, this.values, this.prompts);
    applyClientHosts(this.syntax, this.collected, this.calls);
    applyOwnOrigin(this.syntax, this.calls);
    findDspyRequests(this.syntax, this.collected, this.sites, this.calls, this.values, this.prompts);
    findPartialRequests(this.syntax, this.collected, this.sites, this.calls, this.values);
    groupExclusiveSites(this.syntax, this.sites, this.calls);
    new CallLinker(this.syntax, this.sites, this.calls).link();
    findGraphLoops(this.syntax, this.collected, this.sites, this.calls, { fileOption: (key) => this.fileOption(key) });
    const found = this.calls.map((c) => ({ node: c.node, call: c.call, rule: c.rule }));
    findHandWrittenLoops(this.syntax, this.collected, this.sites, found);
    findCallbackToolLoops(this.syntax, this.collected, this.sites, found);
    linkAgentTasks(this.syntax, this.collected, this.sites, this.calls, (loop) => loopBound(this.syntax, loop));
    groupExclusiveLoops(this.syntax, this.sites, this.calls);
  }

  /** The requests, model bindings and agents found, with their nodes and arguments (after `run`). */
  found(): readonly CallInfo[] {
    return this.calls;
  }

  private visitCall(node: SyntaxNode): void {
    const syntax = this.syntax;
    const callee = syntax.callee(node);
    let args: CallArgs | undefined;
    const getArgs = (): CallArgs => (args ??= syntax.args(node));
    const ctx: CallContext = {
      imports: this.collected.imports,
      language: syntax.language,
      argNames: () => new Set(getArgs().named.keys()),
      firstArgIsModelString: () => {
        const first = getArgs().positional[0];
        const s = first ? syntax.stringConstant(first) : undefined;
        return Boolean(s && /^[\w-]+:[\w.-]+$/.test(s));
      },
      positionalCount: () => getArgs().positional.filter((n) => !(/^(list|array)$/.test(n.type) && n.namedChildCount === 0)).length,
    };
    const rule = classifyCall(callee, ctx) ?? this.aliases.ruleOf(callee, ctx) ?? foreignModelRule(syntax, this.collected, node, callee);
    const http = rule ? undefined : (httpRequestOf(syntax, node, callee) ?? this.forwarded.requestOf(node) ?? chatBodyPostOf(syntax, node, callee) ?? shapedPostOf(syntax, node, callee));
    // A post to an LLM endpoint: the payload's keys are the request's options.
    if (http) args = { positional: [], named: (http.payload && syntax.entries(http.payload)) || new Map() };
    if (!rule && !http) {
      this.agents.visit(node, callee, getArgs);
      this.visitToolConstructor(node, callee, getArgs);
      this.places.toolResultMessage(callee, getArgs);
      roleKeywordMessage(this.syntax, this.prompts, callee, getArgs);
      if (this.syntax.language === 'python') this.assembled.messageCall(callee, getArgs);
      if (TOOL_BINDING.test(callee) && getArgs().positional[0]) this.places.toolDocstrings(getArgs().positional[0]);
      return;
    }
    return this.visitRule(node, callee, (rule ?? http?.rule)!, getArgs());
  }

  private visitRule(node: SyntaxNode, callee: string, rule: CallRule, a: CallArgs): void {
    const syntax = this.syntax;
    const get = (key: string): SyntaxNode | undefined => this.option(a, key);
    const reasonOf = (key: string): string => `${key} of ${callee}`;
    const promptIds: string[] = [];
    const inputPlaceholders: string[] = [];
    const take = (node: SyntaxNode | undefined, kind: PromptKind, reason: string): void => {
      if (!node) return;
      const r = this.prompts.promptsFrom(node, kind, CONFIDENCE.position, reason);
      promptIds.push(...r.ids);
      inputPlaceholders.push(...r.placeholders);
    };
    for (const [key, kind] of Object.entries(rule.promptKeys ?? {})) take(get(key), kind, reasonOf(key));
    for (const [index, kind] of Object.entries(rule.promptArgs ?? {})) take(a.positional[Number(index)], kind, `argument ${Number(index) + 1} of ${callee}`);
    for (const key of rule.messagesKeys ?? []) {
      const value = get(key);
      if (value) take(value, 'user-template', reasonOf(key));
    }
    if (rule.messagesArg !== undefined) take(a.positional[rule.messagesArg], 'user-template', `messages of ${callee}`);
    if (rule.role === 'prompts') return;

    const span = rule.role === 'call' ? requestSpanOf(node) : spanOf(node);
    const written = firstDefined(rule.modelKeys?.map(get)) ?? (rule.modelArg !== undefined ? a.positional[rule.modelArg] : rule === FOREIGN_MODEL_CALL ? foreignModelBase(syntax, node) : undefined);
    const setting = written || !rule.settingsKey ? undefined : settingAssigned(this.collected, rule.settingsKey);
    const modelNode = written ?? setting;
    const resolved = modelNode ? this.values.resolve(modelNode) : undefined;
    // A setting built by the class with the known default and no model keyword keeps that default (`OpenAIEmbedding(model_type=…)`).
    const keepsDefault = setting !== undefined && !resolved?.model && setting.type === 'call' && /OpenAIEmbedding$/.test(syntax.callee(setting));
    const model = keepsDefault ? undefined : resolved;
    const maxOutput = firstDefined(rule.maxOutputKeys?.map((k) => this.numberOf(get(k))));
    const toolsNode = firstDefined(rule.toolsKeys?.map(get)) ?? (rule.toolsArg !== undefined ? a.positional[rule.toolsArg] : undefined);
    const steps = this.stepsOf(rule, a);
    if (toolsNode) this.places.toolDocstrings(toolsNode);
    // One step is one request (the AI SDK's default `stepCountIs(1)`, `maxSteps: 1`): a call, not a loop.
    const isAgent = rule.role === 'agent' || (rule.framework === 'vercel-ai' && steps !== undefined && steps.value > 1);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: rule.framework,
      callee,
      model: model?.model ?? (modelNode && !keepsDefault ? undefined : rule.classDefaultModel),
      providerHint: model?.provider ?? rule.providerHint,
      maxOutputTokens: maxOutput,
      promptIds: unique(promptIds),
      tools: toolsNode ? toolsFrom(syntax, toolsNode) : [],
      agent: isAgent,
      inputPlaceholders: unique(inputPlaceholders),
      ...(model?.model ? {} : model?.ref ? { modelRef: model.ref } : {}),
      ...(model?.origin ? { modelOrigin: model.origin } : {}),
      ...(model?.alternatives?.length ? { alternatives: model.alternatives } : {}),
      ...(rule.role === 'model' ? { role: 'binding' as const } : {}),
      ...(rule.kind ? { kind: rule.kind } : {}),
      rule: callRuleTag(rule),
    };
    if (rule.role === 'call') {
      const needs = needsOf(syntax, node, callee, a, get, Boolean(toolsNode && call.tools.length));
      if (needs) call.needs = needs;
    }
    if (!this.sites.addCall(call)) return;
    this.calls.push({ node, rule, call, args: a });
    if (isAgent) {
      this.sites.addLoop({
        id: `l${span.line}.${span.column}`,
        ...span,
        framework: rule.framework,
        maxSteps: steps?.value,
        stepOption: steps?.option,
        unbounded: false,
        defaultsKey: rule.defaultsKey ?? rule.framework,
        callId: call.id,
        rule: 'framework-agent',
      });
    }
  }

  /**
   * `Tool(name=…, description=…, func=…)`, `super().__init__(name=…, description=…, input_schema=…)`, and a named
   * instance of a tool class (`VertexAiRagRetrieval(name=…, description=…)`): a tool description.
   */
  private visitToolConstructor(node: SyntaxNode, callee: string, getArgs: () => CallArgs): void {
    if (this.syntax.language !== 'python') return; // TypeScript passes an object literal: handled as a container.
    const args = node.childForFieldName('arguments');
    if (!args) return;
    // `create_retriever_tool(retriever, "wikipedia", "Search …")`, `Tool("name", func, "…")`: by position.
    const positional = positionalToolDescription(this.syntax, callee, getArgs());
    if (positional && isTextish(this.syntax, positional)) {
      this.prompts.promptsFrom(positional, 'tool-description', CONFIDENCE.tool, 'tool description passed by position');
      return;
    }
    if (!/description/.test(args.text)) return;
    const named = getArgs().named;
    const d = named.get('description');
    const toolClass = named.has('name') && TOOL_CLASS.test(callee.split('.').pop() ?? '');
    if (d && (toolClass || TOOL_SCHEMA_KEYS.some((k) => named.has(k))) && isTextish(this.syntax, d)) {
      this.prompts.promptsFrom(d, 'tool-description', CONFIDENCE.tool, 'tool description');
      toolSchemaPropertyDescriptions(this.syntax, named, this.prompts);
    }
  }

  /** A number read from code: a literal, a constant, a default parameter, or a field of the class (`max_tokens=self.max_tokens`). */
  private numberOf(node: SyntaxNode | undefined): number | undefined {
    if (!node) return undefined;
    const direct = this.syntax.number(node);
    if (direct !== undefined) return direct;
    if (node.type !== 'attribute' && node.type !== 'member_expression') return undefined;
    const field = this.syntax.name(node);
    const declared = field ? fieldDeclaration(this.syntax, field, node) : undefined;
    return declared && declared.id !== node.id ? this.syntax.number(declared) : undefined;
  }

  /** Model constructors, agents and provider factories: where their model argument is, and the provider they imply. */
  private modelArgOf(call: SyntaxNode, callee: string): { node?: SyntaxNode; provider?: string } | undefined {
    const args = this.syntax.args(call);
    if (PROVIDER_FACTORY.test(callee)) return { node: args.positional[0], provider: callee.split('.')[0] };
    const rule = classifyCall(callee, { imports: this.collected.imports, language: this.syntax.language, argNames: () => new Set(args.named.keys()), firstArgIsModelString: () => false });
    if (rule && (rule.role === 'model' || rule.role === 'agent')) {
      const node = firstDefined(rule.modelKeys?.map((k) => this.option(args, k))) ?? (rule.modelArg !== undefined ? args.positional[rule.modelArg] : undefined);
      return { node, provider: rule.providerHint ?? providerHintOf(callee) };
    }
    // A model class of another library (`InferenceClientModel(model_id=…)`, `LiteLLMModel("…")`): its model keyword, or its
    // first argument when the class is named as a model. Other calls' arguments are not models (`config.get("model")`).
    const keyed = firstDefined(MODEL_KEYS.map((k) => args.named.get(k)));
    if (keyed) return { node: keyed, provider: providerHintOf(callee) };
    if (/^[A-Z]\w*(Model|LLM|Llm)$/.test(callee.split('.').pop() ?? '') && args.positional[0]) return { node: args.positional[0], provider: providerHintOf(callee) };
    return undefined;
  }

  /** A named option of a call: its own keyword/property, then inside nested option objects. */
  private option(args: CallArgs, key: string): SyntaxNode | undefined {
    const direct = args.named.get(key);
    if (direct) return direct;
    for (const nestedKey of NESTED_OPTION_KEYS) {
      const nested = args.named.get(nestedKey);
      if (!nested) continue;
      const entries = this.syntax.entries(nested) ?? this.callKeywords(nested);
      const v = entries?.get(key);
      if (v) return v;
    }
    return undefined;
  }

  /** `types.GenerateContentConfig(system_instruction=…)`, `ClaudeAgentOptions(…)`: keyword arguments of a call value. */
  private callKeywords(node: SyntaxNode): ReadonlyMap<string, SyntaxNode> | undefined {
    const target = this.syntax.resolve(node);
    if (target.type !== 'call' && target.type !== 'call_expression' && target.type !== 'new_expression') return undefined;
    return this.syntax.args(target).named;
  }

  private stepsOf(rule: CallRule, args: CallArgs): { value: number; option: string } | undefined {
    for (const key of rule.stepKeys ?? []) {
      const node = this.option(args, key) ?? (rule.stepsAtRun ? this.fileOption(key) : undefined);
      if (!node) continue;
      const value = key === 'stopWhen' ? stepCountOf(this.syntax, node) : stepNumberOf(this.syntax, node);
      if (value === undefined || value <= 0) continue;
      // A step whose tools `prepareStep` switches off is the loop's last, whatever the stop condition says.
      const prepareStep = rule.framework === 'vercel-ai' ? this.option(args, 'prepareStep') : undefined;
      const cut = prepareStep ? toolsOffAfter(this.syntax, prepareStep) : undefined;
      if (cut !== undefined && cut < value) return { value: cut, option: 'prepareStep' };
      return rule.stepOffset ? { value: value + rule.stepOffset, option: `${key} (${value}) + ${rule.stepOffset}` } : { value, option: key };
    }
    return undefined;
  }

  /** Step options written anywhere in the file (`Runner.run(agent, q, max_turns=5)`, `{"recursion_limit": 50}`). */
  private fileOption(key: string): SyntaxNode | undefined {
    if (!this.fileOptions) {
      this.fileOptions = new Map();
      for (const c of this.collected.calls) {
        const callee = this.syntax.callee(c);
        if (!/(run|invoke|stream|generate|kickoff|Runner|UsageLimits|query|Options|config|Agent|Crew)/i.test(callee)) continue;
        for (const [k, v] of this.syntax.args(c).named) if (!this.fileOptions.has(k)) this.fileOptions.set(k, v);
      }
      for (const o of this.collected.containers) {
        for (const [k, v] of this.syntax.entries(o) ?? []) if (!this.fileOptions.has(k)) this.fileOptions.set(k, v);
      }
    }
    return this.fileOptions.get(key);
  }
}

/** The value the file assigns to a library setting (`Settings.embed_model = …`, `LlamaIndexSettings.embed_model = …`). */
function settingAssigned(collected: Collected, key: string): SyntaxNode | undefined {
  const target = new RegExp(`(^|\\.)\\w*Settings\\.${key}$`);
  return collected.declarations.find((d) => target.test(d.nameNode.text))?.value;
}

function firstDefined<T>(values: readonly (T | undefined)[] | undefined): T | undefined {
  if (!values) return undefined;
  for (const v of values) if (v !== undefined) return v;
  return undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
