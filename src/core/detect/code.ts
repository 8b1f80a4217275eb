/**
 * Detection in source code: model calls, agent definitions, the prompts they
 * send and the loops around them. Works on the language-neutral `LanguageSyntax`
 * so that TypeScript and Python share every rule.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { classifyCall, kindOfRole, MODEL_ARG_KEYS, NESTED_OPTION_KEYS, NOT_PROMPT_NAME, PROMPT_NAME, PROVIDER_FACTORY, providerHintOf, type CallRule } from './frameworks';
import { findHandWrittenLoops } from './loops';
import { foreignModelRule, FOREIGN_MODEL_CALL, isCallNode, stateGraphOf } from './model-uses';
import { SiteRegistry, spanOf, type Mutable } from './sites';
import { contains, type CallArgs, type Collected, type LanguageSyntax } from './syntax';
import { literal, literalLength, render } from './text';
import type { DetectedCall } from './types';

const CONFIDENCE = { position: 0.95, message: 0.9, tool: 0.85, key: 0.8, decorated: 0.9, named: 0.65, namedFunction: 0.6 };
const MIN_NAMED_LITERAL = 20;
const PROMPT_KEYS: Readonly<Record<string, PromptKind>> = {
  system: 'system',
  system_prompt: 'system',
  systemPrompt: 'system',
  system_message: 'system',
  systemMessage: 'system',
  instructions: 'instructions',
  instruction: 'instructions',
  prompt: 'user-template',
  user_prompt: 'user-template',
  userPrompt: 'user-template',
  backstory: 'system',
};
const TOOL_SCHEMA_KEYS = ['parameters', 'input_schema', 'inputSchema', 'execute', 'args_schema', 'argsSchema', 'schema', 'func', 'strict', 'outputSchema'];
/** Class names of tools that take a `name` and a `description` (ADK `VertexAiRagRetrieval`, `FunctionTool`, toolsets). */
const TOOL_CLASS = /(Tool|Toolset|Retrieval|Retriever)$/;
/** Calls that take a list of tool functions first: LangGraph `ToolNode`, `model.bind_tools`. */
const TOOL_BINDING = /(^|\.)(ToolNode|bind_tools|bindTools)$/;
/** Helpers that turn data into prompt text. */
const SERIALIZER = /(^|\.)(format_as_xml|formatAsXml|dumps|dump|stringify|to_json|toJSON|pformat)$/;
const TOOL_DECORATOR = /(^|\.)(tool|function_tool|tool_plain|ai_function|kernel_function|mcp_tool)\b/;
const PROMPT_DECORATOR = /(^|\.)(system_prompt|instructions)\b/;

interface CallInfo {
  readonly node: SyntaxNode;
  readonly rule: CallRule;
  readonly call: Mutable<DetectedCall>;
  readonly args: CallArgs;
}

export class CodeDetector {
  private readonly calls: CallInfo[] = [];
  private fileOptions?: Map<string, SyntaxNode>;

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    readonly sites: SiteRegistry,
  ) {}

  run(): void {
    for (const node of this.collected.calls) this.visitCall(node);
    for (const node of this.collected.containers) this.visitContainer(node);
    for (const node of this.collected.decorated) this.visitDecorated(node);
    this.visitNamedDeclarations();
    this.linkPrompts();
    this.linkModelConstructors();
    this.visitGraphs();
    findHandWrittenLoops(this.syntax, this.collected, this.sites, this.calls.map((c) => ({ node: c.node, call: c.call, rule: c.rule })));
  }

  // ---- calls -------------------------------------------------------------

  private visitCall(node: SyntaxNode): void {
    const syntax = this.syntax;
    const callee = syntax.callee(node);
    let args: CallArgs | undefined;
    const getArgs = (): CallArgs => (args ??= syntax.args(node));
    const rule =
      classifyCall(callee, {
        imports: this.collected.imports,
        language: syntax.language,
        argNames: () => new Set(getArgs().named.keys()),
        firstArgIsModelString: () => {
          const first = getArgs().positional[0];
          const s = first ? syntax.stringConstant(first) : undefined;
          return Boolean(s && /^[\w-]+:[\w.-]+$/.test(s));
        },
      }) ?? foreignModelRule(syntax, this.collected, node, callee);
    if (!rule) {
      this.visitAgentUse(node, callee, getArgs);
      this.visitToolConstructor(node, callee, getArgs);
      if (TOOL_BINDING.test(callee) && getArgs().positional[0]) this.toolDocstrings(getArgs().positional[0]);
      return;
    }
    const a = getArgs();
    const get = (key: string): SyntaxNode | undefined => this.option(a, key);
    const reasonOf = (key: string): string => `${key} of ${callee}`;
    const promptIds: string[] = [];
    const inputPlaceholders: string[] = [];
    const take = (node: SyntaxNode | undefined, kind: PromptKind, reason: string): void => {
      if (!node) return;
      const r = this.promptsFrom(node, kind, CONFIDENCE.position, reason);
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

    const span = spanOf(node);
    const modelNode = firstDefined(rule.modelKeys?.map(get)) ?? (rule.modelArg !== undefined ? a.positional[rule.modelArg] : undefined);
    const model = modelNode ? this.modelFrom(modelNode, 0) : undefined;
    const maxOutput = firstDefined(rule.maxOutputKeys?.map((k) => numberOf(syntax, get(k))));
    const toolsNode = firstDefined(rule.toolsKeys?.map(get)) ?? (rule.toolsArg !== undefined ? a.positional[rule.toolsArg] : undefined);
    const steps = this.stepsOf(rule, a);
    if (toolsNode) this.toolDocstrings(toolsNode);
    const isAgent = rule.role === 'agent' || (rule.framework === 'vercel-ai' && steps !== undefined);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: rule.framework,
      callee,
      model: model?.model,
      providerHint: model?.provider ?? rule.providerHint,
      maxOutputTokens: maxOutput,
      promptIds: unique(promptIds),
      tools: toolsNode ? this.toolsFrom(toolsNode) : [],
      agent: isAgent,
      inputPlaceholders: unique(inputPlaceholders),
    };
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
      });
    }
  }

  /**
   * `agent.run("task")`, `agent.run_sync(…)`, `agent.generate(…)` on an agent defined in this file: the task text is a
   * user prompt. `agent.as_tool(tool_description=…)`: a tool description.
   */
  private visitAgentUse(node: SyntaxNode, callee: string, getArgs: () => CallArgs): void {
    const method = /\.(run|run_sync|run_stream|arun|generate|stream|invoke|ainvoke|kickoff|as_tool|asTool)$/.exec(callee)?.[1];
    if (!method) return;
    const receiver = this.syntax.receiver(node);
    if (!receiver || !(this.isAgentValue(receiver) || (this.namesAnAgent(receiver) && this.fileDefinesAgents()))) return;
    const args = getArgs();
    if (method === 'as_tool' || method === 'asTool') {
      const d = args.named.get('tool_description') ?? args.named.get('toolDescription') ?? args.named.get('description');
      if (d) this.promptsFrom(d, 'tool-description', CONFIDENCE.position, `${method} description`);
      return;
    }
    const input = args.positional[0] ?? args.named.get('prompt') ?? args.named.get('user_prompt') ?? args.named.get('input') ?? args.named.get('task');
    if (input && (input.type !== 'object' || this.syntax.language === 'python')) {
      this.promptsFrom(input, 'user-template', CONFIDENCE.position, `task of ${callee}`);
    }
  }

  private isAgentValue(node: SyntaxNode): boolean {
    const target = this.syntax.resolve(node);
    return isCallNode(target) && this.ruleOf(target)?.role === 'agent';
  }

  /** `specialist_agent = SPECIALIST_MAP.get(specialty)`, a parameter `agent`: named as an agent, made elsewhere. */
  private namesAnAgent(node: SyntaxNode): boolean {
    return /(^|_)agent$|[a-z]Agent$|^agent$/.test(this.syntax.name(node) ?? '');
  }

  private definesAgents?: boolean;

  private fileDefinesAgents(): boolean {
    return (this.definesAgents ??= this.collected.calls.some((c) => this.ruleOf(c)?.role === 'agent'));
  }

  private ruleOf(call: SyntaxNode): CallRule | undefined {
    return classifyCall(this.syntax.callee(call), {
      imports: this.collected.imports,
      language: this.syntax.language,
      argNames: () => new Set(this.syntax.args(call).named.keys()),
      firstArgIsModelString: () => false,
    });
  }

  /**
   * `Tool(name=…, description=…, func=…)`, `super().__init__(name=…, description=…, input_schema=…)`, and a named
   * instance of a tool class (`VertexAiRagRetrieval(name=…, description=…)`): a tool description.
   */
  private visitToolConstructor(node: SyntaxNode, callee: string, getArgs: () => CallArgs): void {
    if (this.syntax.language !== 'python') return; // TypeScript passes an object literal: handled as a container.
    const args = node.childForFieldName('arguments');
    if (!args || !/description/.test(args.text)) return;
    const named = getArgs().named;
    const d = named.get('description');
    const toolClass = named.has('name') && TOOL_CLASS.test(callee.split('.').pop() ?? '');
    if (d && (toolClass || TOOL_SCHEMA_KEYS.some((k) => named.has(k))) && isTextish(this.syntax, d)) {
      this.promptsFrom(d, 'tool-description', CONFIDENCE.tool, 'tool description');
    }
  }

  /** Functions handed over as tools (`TOOLS = [search]`, `tools=[search]`, `ToolNode([search])`): their docstrings describe them to the model. */
  private toolDocstrings(node: SyntaxNode): void {
    for (const item of this.syntax.items(node)?.slice(0, 50) ?? []) {
      const fn = this.syntax.resolve(item);
      const doc = isFunctionLike(fn) ? this.syntax.docstring(fn) : undefined;
      if (doc) this.promptsFrom(doc, 'tool-description', CONFIDENCE.tool, 'docstring of a function given as a tool');
    }
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
      const value = key === 'stopWhen' ? this.stepCountIs(node) : numberOf(this.syntax, node);
      if (value !== undefined && value > 0) return { value, option: key };
    }
    return undefined;
  }

  /** `stepCountIs(5)`, or the smallest of an array of conditions. */
  private stepCountIs(node: SyntaxNode): number | undefined {
    const items = this.syntax.items(node);
    if (items) {
      const counts = items.map((i) => this.stepCountIs(i)).filter((v): v is number => v !== undefined);
      return counts.length ? Math.min(...counts) : undefined;
    }
    const target = this.syntax.resolve(node);
    if (target.type !== 'call_expression' || !/(stepCountIs|isStepCount)$/.test(this.syntax.callee(target))) return undefined;
    const first = this.syntax.args(target).positional[0];
    return first ? this.syntax.number(first) : undefined;
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

  /** The model an expression names: a string, `openai('gpt-4.1')`, `ChatOpenAI(model=…)`, `os.getenv("M", "gpt-4o")`. */
  private modelFrom(node: SyntaxNode, depth: number): { model: string; provider?: string } | undefined {
    if (depth > 4) return undefined;
    const syntax = this.syntax;
    const s = syntax.stringConstant(node);
    if (s !== undefined) return looksLikeModel(s) ? { model: s } : undefined;
    if (node.type === 'attribute' || node.type === 'member_expression') {
      // `self.config.model`: the field of that name declared in this file (a dataclass default, a class field).
      const name = syntax.name(node);
      const declared = name ? syntax.lookup(name, node) : undefined;
      return declared && declared.id !== node.id ? this.modelFrom(declared, depth + 1) : undefined;
    }
    const target = syntax.resolve(node);
    if (target.type !== 'call' && target.type !== 'call_expression' && target.type !== 'new_expression') return undefined;
    const callee = syntax.callee(target);
    const args = syntax.args(target);
    if (/^(os\.getenv|os\.environ\.get|getenv|environ\.get)$/.test(callee)) {
      const fallback = args.positional[1] ?? args.named.get('default');
      return fallback ? this.modelFrom(fallback, depth + 1) : undefined;
    }
    if (PROVIDER_FACTORY.test(callee)) {
      const first = args.positional[0];
      const id = first ? syntax.stringConstant(first) : undefined;
      return id && looksLikeModel(id) ? { model: id, provider: callee.split('.')[0] } : undefined;
    }
    for (const key of MODEL_ARG_KEYS) {
      const v = args.named.get(key);
      if (v) {
        const inner = this.modelFrom(v, depth + 1);
        if (inner) return { model: inner.model, provider: inner.provider ?? providerHintOf(callee) };
      }
    }
    const first = args.positional[0];
    if (first) {
      const inner = this.modelFrom(first, depth + 1);
      if (inner) return { model: inner.model, provider: inner.provider ?? providerHintOf(callee) };
    }
    return undefined;
  }

  private toolsFrom(node: SyntaxNode): string[] {
    const syntax = this.syntax;
    const out: string[] = [];
    const entries = syntax.entries(node);
    if (entries) return [...entries.keys()].slice(0, 50);
    const items = syntax.items(node) ?? [];
    for (const item of items.slice(0, 50)) {
      const s = syntax.stringConstant(item);
      if (s !== undefined) {
        out.push(s);
        continue;
      }
      const obj = syntax.entries(item);
      if (obj) {
        const fn = obj.get('function');
        const nameNode = obj.get('name') ?? (fn ? syntax.entries(fn)?.get('name') : undefined);
        const name = nameNode ? syntax.stringConstant(nameNode) : undefined;
        if (name) out.push(name);
        continue;
      }
      const target = syntax.resolve(item);
      if ((target.type === 'call' || target.type === 'call_expression') && syntax.args(target).positional[0]) {
        const inner = syntax.name(syntax.args(target).positional[0]);
        if (inner) {
          out.push(inner);
          continue;
        }
      }
      const name = syntax.name(item);
      if (name) out.push(name);
    }
    return out;
  }

  /**
   * A LangGraph `StateGraph` wired into a model ↔ tools cycle (`ToolNode`, `tools_condition`, a `tool_calls`
   * check) and compiled: an agent loop bounded by `recursion_limit` (or LangGraph's default).
   */
  private visitGraphs(): void {
    const syntax = this.syntax;
    for (const node of this.collected.calls) {
      const callee = syntax.callee(node);
      if (!/\.compile$/.test(callee)) continue;
      const receiver = syntax.receiver(node);
      if (!receiver || !stateGraphOf(syntax, syntax.resolve(receiver))) continue;
      const source = node.tree.rootNode.text;
      if (!/ToolNode|tools_condition|toolsCondition|tool_calls|toolCalls/.test(source)) continue;
      const model = this.calls.find((c) => c.rule.role === 'model') ?? this.calls.find((c) => c.rule === FOREIGN_MODEL_CALL);
      const limit = this.fileOption('recursion_limit') ?? this.fileOption('recursionLimit');
      const steps = limit ? syntax.number(limit) : undefined;
      const span = spanOf(node);
      const id = `l${span.line}.${span.column}`;
      this.sites.addLoop({ id, ...span, framework: 'langgraph', maxSteps: steps, stepOption: steps ? 'recursion_limit' : undefined, unbounded: false, callId: model?.call.id });
      if (model && !model.call.usedBy) model.call.usedBy = id;
    }
  }

  // ---- prompts -----------------------------------------------------------

  /**
   * Registers the prompt(s) an expression holds: a text, a list of texts, a list of
   * messages (`{role, content}`, `("system", "…")`, `SystemMessage(…)`), or a function
   * returning a text. Text-free values (a parameter, `userInput`) come back as placeholders.
   */
  private promptsFrom(node: SyntaxNode, kind: PromptKind, confidence: number, reason: string, depth = 0): { ids: string[]; placeholders: string[] } {
    const syntax = this.syntax;
    const ids: string[] = [];
    const placeholders: string[] = [];
    if (depth > 4) return { ids, placeholders };
    const target = syntax.resolve(node);
    if (isFunctionLike(target)) {
      // `instructions=custom_instructions`: each text the function can return is a prompt.
      for (const returned of syntax.returns(target).slice(0, 10)) {
        const r = this.promptsFrom(returned, kind, confidence, reason, depth + 1);
        ids.push(...r.ids);
        placeholders.push(...r.placeholders);
      }
      return { ids, placeholders };
    }
    const items = syntax.items(target);
    if (items) {
      for (const item of items.slice(0, 200)) {
        const r = this.messageOrText(item, kind, confidence, reason, depth + 1);
        ids.push(...r.ids);
        placeholders.push(...r.placeholders);
      }
      return { ids, placeholders };
    }
    const entries = syntax.entries(target);
    if (entries) {
      // A single message object or a `{type: 'text', text}` part.
      return this.messageOrText(target, kind, confidence, reason, depth + 1);
    }
    const value = syntax.text(target);
    if (literalLength(value) === 0) {
      for (const p of render(value).placeholders) placeholders.push(p);
      return { ids, placeholders };
    }
    const id = this.sites.addPrompt(target, value, kind, confidence, reason);
    if (id) {
      ids.push(id);
      if (depth < 3) this.inlinedParts(target, kind, reason);
    }
    return { ids, placeholders };
  }

  /** Text declared elsewhere in the file and spliced into a prompt (`${categoriesContext}`) is a prompt site of its own. */
  private inlinedParts(node: SyntaxNode, kind: PromptKind, reason: string): void {
    const syntax = this.syntax;
    for (const sub of node.descendantsOfType(['template_substitution', 'interpolation']).slice(0, 20)) {
      const expr = sub?.namedChildren[0];
      if (isCallNode(expr) && SERIALIZER.test(syntax.callee(expr))) {
        this.serializedData(syntax.args(expr).positional[0], reason);
        continue;
      }
      if (expr?.type !== 'identifier') continue;
      let target = syntax.resolve(expr);
      if (target.id === expr.id) continue;
      if (target.type === 'ternary_expression') target = target.childForFieldName('consequence') ?? target;
      else if (target.type === 'conditional_expression') target = target.namedChildren[0] ?? target;
      if (!syntax.isTextLiteral(target) || literalLength(syntax.text(target)) < MIN_NAMED_LITERAL) continue;
      this.sites.addPrompt(target, syntax.text(target), kind === 'system' ? 'system' : 'other', CONFIDENCE.key, `part of ${reason}`);
    }
  }

  /**
   * `{format_as_xml(SQL_EXAMPLES)}`, `${JSON.stringify(examples)}`: a list or dict of this file turned into prompt
   * text. Its strings are the prompt's content (few-shot examples when so named); keys and nesting add little.
   */
  private serializedData(arg: SyntaxNode | undefined, reason: string): void {
    if (arg?.type !== 'identifier') return;
    const syntax = this.syntax;
    const data = syntax.resolve(arg);
    if (data.id === arg.id || !(syntax.items(data) || syntax.entries(data))) return;
    const strings = data
      .descendantsOfType('string')
      .slice(0, 500)
      .filter((n): n is SyntaxNode => Boolean(n) && !isDictKey(n!))
      .map((n) => syntax.stringConstant(n))
      .filter((t): t is string => Boolean(t));
    if (literalLength(literal(strings.join('\n'))) < MIN_NAMED_LITERAL) return;
    const kind = kindFromName(arg.text);
    this.sites.addPrompt(data, literal(strings.join('\n')), kind === 'other' ? 'few-shot' : kind, CONFIDENCE.key, `data formatted into ${reason}`);
  }

  private messageOrText(item: SyntaxNode, kind: PromptKind, confidence: number, reason: string, depth: number): { ids: string[]; placeholders: string[] } {
    const syntax = this.syntax;
    const entries = syntax.entries(item);
    if (entries) {
      const roleNode = entries.get('role');
      const role = roleNode ? this.roleOf(roleNode) : undefined;
      // `append`: the Claude Agent SDK's `{type: "preset", append: "…"}` system prompt.
      const content = entries.get('content') ?? entries.get('parts') ?? entries.get('text') ?? entries.get('append');
      if (!content) return { ids: [], placeholders: [] };
      const k = (role ? kindOfRole(role) : undefined) ?? kind;
      return this.promptsFrom(content, k, role ? CONFIDENCE.message : confidence, role ? `${role} message` : reason, depth);
    }
    const tuple = syntax.items(item);
    if (tuple && tuple.length === 2) {
      const role = syntax.stringConstant(tuple[0]);
      const k = role ? kindOfRole(role) : undefined;
      if (k) return this.promptsFrom(tuple[1], k, CONFIDENCE.message, `${role} message`, depth);
    }
    const target = syntax.resolve(item);
    if (target.type === 'call' || target.type === 'call_expression' || target.type === 'new_expression') {
      const callee = syntax.callee(target);
      // An `AIMessage` in a list of messages is a few-shot example (alone it is just a value).
      const classKind = /(^|\.)AIMessage$/.test(callee) ? 'few-shot' : undefined;
      if (classKind) {
        const a = syntax.args(target);
        const content = a.positional[0] ?? a.named.get('content');
        return content ? this.promptsFrom(content, classKind, CONFIDENCE.message, 'AI message', depth) : { ids: [], placeholders: [] };
      }
      // `SystemMessage(…)` and friends are registered when their own call is visited.
      if (/Message(PromptTemplate)?|Template|MessagesPlaceholder/.test(callee) && !syntax.isTextLiteral(target)) return { ids: [], placeholders: [] };
    }
    return this.promptsFrom(item, kind, confidence, reason, depth);
  }

  /** A message role: `"system"`, or an enum member such as smolagents' `MessageRole.SYSTEM`. */
  private roleOf(node: SyntaxNode): string | undefined {
    const s = this.syntax.stringConstant(node);
    if (s !== undefined) return s;
    if (node.type !== 'attribute' && node.type !== 'member_expression') return undefined;
    const member = this.syntax.name(node)?.toLowerCase();
    return member && kindOfRole(member) ? member : undefined;
  }

  /** Object / dict literals anywhere: `{role, content}` messages, tool schemas, prompt-named keys. */
  private visitContainer(node: SyntaxNode): void {
    const syntax = this.syntax;
    const entries = syntax.entries(node);
    if (!entries) return;
    const role = entries.get('role');
    const roleText = role ? this.roleOf(role) : undefined;
    const content = entries.get('content');
    // Tool results are data the code passes back, not prompt text.
    if (roleText && /^(tool|function)$/i.test(roleText)) return;
    if (roleText && content && kindOfRole(roleText)) {
      this.promptsFrom(content, kindOfRole(roleText)!, CONFIDENCE.message, `${roleText} message`);
      return;
    }
    const description = entries.get('description');
    if (description && TOOL_SCHEMA_KEYS.some((k) => entries.has(k)) && isTextish(syntax, description)) {
      this.promptsFrom(description, 'tool-description', CONFIDENCE.tool, 'tool description');
    }
    for (const [key, kind] of Object.entries(PROMPT_KEYS)) {
      const v = entries.get(key);
      if (v && isTextish(syntax, v)) this.promptsFrom(v, kind, CONFIDENCE.key, `${key} property`);
    }
  }

  /** Python functions registered as tools (docstring) or as prompt hooks (return value). */
  private visitDecorated(node: SyntaxNode): void {
    const syntax = this.syntax;
    const decorators = node.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text.replace(/^@/, '').replace(/\(.*$/s, ''));
    if (decorators.some((d) => TOOL_DECORATOR.test(d))) {
      // `@tool(description_override="…")` replaces the docstring.
      for (const dec of node.namedChildren) {
        const call = dec?.type === 'decorator' ? dec.namedChildren[0] : undefined;
        if (call?.type !== 'call') continue;
        const named = syntax.args(call).named;
        const d = named.get('description_override') ?? named.get('description');
        if (d) {
          this.promptsFrom(d, 'tool-description', CONFIDENCE.decorated, `description of @${decorators[0]}`);
          return;
        }
      }
      const doc = syntax.docstring(node);
      if (doc) this.promptsFrom(doc, 'tool-description', CONFIDENCE.decorated, `docstring of @${decorators[0]} function`);
      return;
    }
    const hook = decorators.find((d) => PROMPT_DECORATOR.test(d));
    if (hook) {
      const returned = syntax.returns(node)[0];
      const kind: PromptKind = /instructions/.test(hook) ? 'instructions' : 'system';
      if (returned) this.promptsFrom(returned, kind, CONFIDENCE.decorated, `return value of @${hook} function`);
    }
  }

  /** `SYSTEM_PROMPT = """…"""`, `const reviewInstructions = \`…\``, `def build_prompt(): return f"…"`. */
  private visitNamedDeclarations(): void {
    const syntax = this.syntax;
    for (const d of this.collected.declarations) {
      if (d.name === 'description' && isToolClassAttribute(d.nameNode)) {
        this.promptsFrom(d.value, 'tool-description', CONFIDENCE.tool, 'description of a Tool class');
        continue;
      }
      if (/^tools$|_tools$/i.test(d.name) && syntax.items(d.value)) this.toolDocstrings(d.value);
      if (!PROMPT_NAME.test(d.name) || NOT_PROMPT_NAME.test(d.name)) continue;
      const kind = kindFromName(d.name);
      if (d.isFunction) {
        const returned = syntax.returns(d.value)[0];
        if (returned && syntax.isTextLiteral(returned) && literalLength(syntax.text(returned)) >= MIN_NAMED_LITERAL) {
          this.promptsFrom(returned, kind, CONFIDENCE.namedFunction, `returned by ${d.name}()`);
        }
        continue;
      }
      if (!syntax.isTextLiteral(d.value) || isUnusedLocal(d.nameNode)) continue;
      const value = syntax.text(d.value);
      // Flags and ids (`PROMPT_CACHING_BETA = "prompt-caching-2024-07-31"`) have no spaces; prompts do.
      if (literalLength(value) < MIN_NAMED_LITERAL || !value.parts.some((p) => typeof p === 'string' && /\s/.test(p.trim()))) continue;
      this.promptsFrom(d.value, kind, CONFIDENCE.named, `assigned to ${d.name}`);
    }
  }

  // ---- linking -----------------------------------------------------------

  /** A call sends the prompts written inside it and those its arguments refer to (two levels of names). */
  private linkPrompts(): void {
    for (const info of this.calls) {
      const ranges = this.relevantNodes(info.node);
      const ids = new Set(info.call.promptIds);
      for (const n of ranges) for (const id of this.sites.promptsWithin(n.startIndex, n.endIndex)) ids.add(id);
      info.call.promptIds = [...ids];
    }
  }

  private readonly relevant = new Map<number, SyntaxNode[]>();

  private relevantNodes(call: SyntaxNode): SyntaxNode[] {
    let cached = this.relevant.get(call.id);
    if (!cached) {
      cached = this.computeRelevantNodes(call);
      this.relevant.set(call.id, cached);
    }
    return cached;
  }

  private computeRelevantNodes(call: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [call];
    const seen = new Set<number>([call.id]);
    let frontier: SyntaxNode[] = [call];
    for (let level = 0; level < 2 && frontier.length; level++) {
      const next: SyntaxNode[] = [];
      for (const n of frontier) {
        for (const id of n.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
          if (!id) continue;
          const target = this.syntax.resolve(id);
          if (target.id === id.id || seen.has(target.id)) continue;
          if (contains(target, call)) continue;
          seen.add(target.id);
          out.push(target);
          next.push(target);
          if (out.length > 60) return out;
        }
      }
      frontier = next;
    }
    return out;
  }

  /** `llm = ChatOpenAI(…)` passed to `create_react_agent(llm, …)`: the agent prices it; the constructor is not a call of its own. */
  private linkModelConstructors(): void {
    const agents = this.calls.filter((c) => c.call.agent);
    for (const m of this.calls) {
      if (m.rule.role !== 'model') continue;
      for (const a of agents) {
        if (a === m) continue;
        const nodes = this.relevantNodes(a.node);
        if (nodes.some((n) => contains(n, m.node))) {
          m.call.usedBy = a.call.id;
          if (!a.call.model && m.call.model) {
            a.call.model = m.call.model;
            a.call.providerHint = m.call.providerHint;
          }
          break;
        }
      }
    }
  }
}

function firstDefined<T>(values: readonly (T | undefined)[] | undefined): T | undefined {
  if (!values) return undefined;
  for (const v of values) if (v !== undefined) return v;
  return undefined;
}

function numberOf(syntax: LanguageSyntax, node: SyntaxNode | undefined): number | undefined {
  return node ? syntax.number(node) : undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function looksLikeModel(s: string): boolean {
  return /^[\w.:/@-]{2,120}$/.test(s) && /[a-z]/i.test(s);
}

function isFunctionLike(n: SyntaxNode): boolean {
  return /^(function_definition|decorated_definition|function_declaration|arrow_function|function_expression|function|method_definition)$/.test(n.type);
}

function isTextish(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  return syntax.isTextLiteral(target) || Boolean(syntax.items(target)?.some((i) => syntax.isTextLiteral(syntax.resolve(i))));
}

/** `class RetrieverTool(Tool): description = "…"` (smolagents, LangChain BaseTool). */
function isToolClassAttribute(nameNode: SyntaxNode): boolean {
  const block = nameNode.parent?.parent?.parent;
  const cls = block?.parent;
  if (cls?.type !== 'class_definition' && cls?.type !== 'class_declaration') return false;
  const bases = cls.childForFieldName('superclasses')?.text ?? cls.namedChildren.find((c) => c?.type === 'class_heritage')?.text ?? '';
  return /\b(Tool|BaseTool|StructuredTool)\b/.test(bases);
}

/** A variable of a function that the function never reads (a draft prompt left next to the one returned). */
function isUnusedLocal(nameNode: SyntaxNode): boolean {
  let fn = nameNode.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const name = nameNode.text;
  return !fn.descendantsOfType(['identifier', 'shorthand_property_identifier']).some((id) => id && id.text === name && id.id !== nameNode.id);
}

function isDictKey(n: SyntaxNode): boolean {
  return n.parent?.type === 'pair' && n.parent.childForFieldName('key')?.id === n.id;
}

function kindFromName(name: string): PromptKind {
  if (/example|shot/i.test(name)) return 'few-shot';
  if (/system|persona|backstory|preamble/i.test(name)) return 'system';
  if (/instruction/i.test(name)) return 'instructions';
  if (/user|human|template|question|query|task/i.test(name)) return 'user-template';
  if (/tool|description/i.test(name)) return 'tool-description';
  return 'other';
}
