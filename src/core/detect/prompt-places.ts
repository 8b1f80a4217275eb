/**
 * Prompts found by where they sit rather than by the call they go to: `{role, content}` messages,
 * tool schemas and prompt-named keys in any literal, decorated tool functions and prompt hooks,
 * functions listed as tools, and variables or functions named like prompts.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { kindOfRole, NOT_PROMPT_NAME, PROMPT_NAME } from './frameworks';
import { findPromptClassAttributes } from './prompt-classes';
import { zodDescriptions } from './zod-prompts';
import { toolObjectPrompts } from './tool-objects';
import { offeredToolPrompts } from './offered-tools';
import { calledDescription, calledTexts } from './tool-part-calls';
import { isObjectSchemaLiteral, toolSchemaPropertyDescriptions } from './json-schema-prompts';
import { CONFIDENCE, isFunctionLike, kindFromName, MIN_NAMED_LITERAL, type PromptReader } from './prompt-reader';
import type { CallArgs, Collected, LanguageSyntax } from './syntax';
import { literalLength, type TextValue } from './text';
import { defaultText, nameLedConcatenation, splicedTexts } from './spliced-parts';
import { joinedListPieces, returnedAssembly } from './joined-returns';
import { returnedToolTemplates, serializedResultTexts, toolExecuteResultTexts } from './tool-results';
import { builtTemplate } from './built-templates';
import { onlyAskedOfPerson } from './person-prompts';
import { endsInFileWrite, onlyWrittenToFile } from './training-data';
import { unsentEarlierMessage } from './last-message-only';
import { textsAssignedToLocal } from './local-assignments';
import { keyedTableTexts } from './prompt-key-tables';
import { appendedPieces } from './appended-named-prompt-py';
import { toolResultItemValue } from './tool-result-items';
import { payloadToolTexts } from './payload-tool-texts';
import { mappedRecordTexts } from './mapped-record-fields';
import { inputAffixPrompts } from './input-affixes';
import { isCopiedRole, isPreviewOnly, isRoleMap } from './rendered-messages';

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
export const TOOL_SCHEMA_KEYS = ['parameters', 'input_schema', 'inputSchema', 'execute', 'args_schema', 'argsSchema', 'schema', 'func', 'strict', 'outputSchema'];
// `openai_function`: openai_function_call / instructor ≤ 0.2 (`"description": func.__doc__`); `register_for_llm`: AutoGen's
// ConversableAgent (its `description=` or the docstring describes the function to the model).
const TOOL_DECORATOR = /(^|\.)(tool|function_tool|tool_plain|ai_function|kernel_function|mcp_tool|openai_function|register_for_llm)\b/;
const PROMPT_DECORATOR = /(^|\.)(system_prompt|instructions)\b/;

export class PromptPlaces {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    private readonly prompts: PromptReader,
  ) {}

  run(): void {
    for (const node of this.collected.containers) this.visitContainer(node);
    for (const node of this.collected.decorated) this.visitDecorated(node);
    this.visitNamedDeclarations();
    findPromptClassAttributes(this.syntax, this.collected, this.prompts);
  }

  /** Functions handed over as tools (`TOOLS = [search]`, `tools=[search]`, `ToolNode([search])`): their docstrings describe them to the model. */
  toolDocstrings(node: SyntaxNode): void {
    for (const item of this.syntax.items(node)?.slice(0, 50) ?? []) {
      const fn = this.syntax.resolve(item);
      // `@tool(description_override="…")`: the decorator's text replaces the docstring (taken with the decorator).
      if (fn.namedChildren.some((c) => c?.type === 'decorator' && /\bdescription(_override)?\s*=/.test(c.text))) continue;
      const doc = isFunctionLike(fn) ? this.syntax.docstring(fn) : undefined;
      if (doc) this.prompts.promptsFrom(doc, 'tool-description', CONFIDENCE.tool, 'docstring of a function given as a tool');
    }
  }

  /** `ToolMessage(content=f"Reflection recorded: {r}")`: a tool result whose text the code writes is sent back to the model. */
  toolResultMessage(callee: string, args: () => CallArgs): void {
    if (!/(^|\.)(ToolMessage|FunctionMessage)$/.test(callee)) return;
    const a = args();
    const content = a.named.get('content') ?? a.positional[0];
    if (content && hasWrittenText(this.syntax, content)) this.prompts.promptsFrom(content, 'other', CONFIDENCE.key, `text of ${callee}`);
  }

  /** Object / dict literals anywhere: `{role, content}` messages, tool schemas, prompt-named keys. */
  private visitContainer(node: SyntaxNode): void {
    const syntax = this.syntax;
    const entries = syntax.entries(node);
    if (!entries) return;
    // LangChain's message dicts name the role under `type` (`{"type": "tool", "content": …, "tool_call_id": …}`); `type`
    // keys a text part or a tool choice too, so it is read as the role only beside the id a tool message answers.
    const role = entries.get('role') ?? (entries.has('tool_call_id') || isLangChainMessageType(syntax, this.collected, entries) ? entries.get('type') : undefined);
    const roleText = role ? this.prompts.roleOf(role) : undefined;
    const content = entries.get('content');
    // Tool results are mostly data the code passes back; a text the code writes there (an error or
    // acknowledgement template) is sent to the model like any prompt.
    if (roleText && /^(tool|function)$/i.test(roleText)) {
      if (content) this.toolResultTexts(content, `${roleText} result`);
      return;
    }
    // `{type: 'function_call_output', call_id, output}` and the other SDKs' result items (tool-result-items.ts).
    const resultItem = toolResultItemValue(syntax, entries);
    if (resultItem) this.toolResultTexts(resultItem.value, resultItem.label);
    // A tool call the code writes into the history (`{"role": "assistant", "tool_calls": [{"function": {"arguments": "…"}}]}`):
    // its written arguments are sent back to the model with every later request.
    if (roleText && /^assistant$/i.test(roleText) && entries.has('tool_calls')) this.synthesizedToolCalls(entries.get('tool_calls')!);
    if (roleText && content && kindOfRole(roleText)) {
      // `prompt: messages[messages.length - 1].content`: an earlier message of that list is never sent.
      if (syntax.language !== 'python' && unsentEarlierMessage(node)) return;
      // `{ ...createMessage({ role: "assistant", content: "……" }), preview: true }`: a bubble the UI shows, never sent.
      if (isPreviewOnly(node, entries)) return;
      // `{"role": "system", "content": …}` of a fine-tuning example written to a JSONL file (training-data.ts).
      if (endsInFileWrite(syntax, node)) return;
      this.prompts.promptsFrom(content, kindOfRole(roleText)!, CONFIDENCE.message, `${roleText} message`);
      // `content: suggestedAction.action` in a callback over a written list of records (mapped-record-fields.ts).
      for (const t of mappedRecordTexts(syntax, content)) this.prompts.promptsFrom(t, kindOfRole(roleText)!, CONFIDENCE.message, `${roleText} message, a field of each record the list maps`);
      return;
    }
    // `{ role: msg.role, content: \`File contents of ${name}:\n\n${text}\` }`: a message rewritten with its role copied.
    if (!roleText && role && content && isCopiedRole(role, content)) {
      this.prompts.promptsFrom(content, 'user-template', CONFIDENCE.message, 'text of a message rewritten with the role of the one it replaces');
      return;
    }
    // Gemini's `{role, parts: [text, …]}`: the message's texts are its parts.
    const parts = entries.get('parts');
    if (roleText && !content && parts && kindOfRole(roleText) && syntax.items(parts)) {
      this.prompts.promptsFrom(parts, kindOfRole(roleText)!, CONFIDENCE.message, `${roleText} message parts`);
      return;
    }
    zodDescriptions(syntax, node, entries, this.prompts);
    toolObjectPrompts(syntax, node, entries, this.prompts);
    offeredToolPrompts(syntax, node, entries, this.prompts);
    payloadToolTexts(syntax, node, entries, this.prompts);
    inputAffixPrompts(syntax, node, entries, this.prompts);
    for (const t of toolExecuteResultTexts(syntax, entries)) this.prompts.promptsFrom(t, 'other', CONFIDENCE.key, 'text returned by a tool\'s execute: the tool result sent back to the model');
    // `description: toolDescription()` with the function written here: each text it returns (tool-part-calls.ts).
    for (const t of calledTexts(syntax, calledDescription(entries))) this.prompts.promptsFrom(t, 'tool-description', CONFIDENCE.tool, 'tool description returned by the function the tool calls for it');
    // AI SDK `generateObject({ schema, schemaName, schemaDescription })` (vercel/ai `generate-object.ts`): the output's
    // description goes with its JSON schema to the provider (a tool description or the response format's).
    const schemaDescription = entries.has('schema') ? entries.get('schemaDescription') : undefined;
    if (schemaDescription && isTextish(syntax, schemaDescription)) this.prompts.promptsFrom(schemaDescription, 'tool-description', CONFIDENCE.tool, 'schemaDescription of a structured output');
    const description = entries.get('description');
    if (description && TOOL_SCHEMA_KEYS.some((k) => entries.has(k)) && isTextish(syntax, description)) {
      this.prompts.promptsFrom(description, 'tool-description', CONFIDENCE.tool, 'tool description');
      toolSchemaPropertyDescriptions(syntax, entries, this.prompts);
    } else if (description && entries.has('name') && isObjectSchemaLiteral(syntax, entries.get('parameters'))) {
      // `{"name": …, "description": tool.description, "parameters": {"type": "object", "properties": …}}` built per tool:
      // the description comes from elsewhere, the parameter descriptions are written here.
      toolSchemaPropertyDescriptions(syntax, entries, this.prompts);
    }
    // prompt_toolkit's `Style.from_dict({'prompt': 'cyan bold'})`: `prompt` names the input line's style class there.
    if (isStyleMap(node)) return;
    // `{ assistant: "assistant", user: "user", system: "user" }`: a table of role names, not a system prompt.
    if (isRoleMap(entries)) return;
    for (const [key, kind] of Object.entries(PROMPT_KEYS)) {
      const v = entries.get(key);
      if (v && isTextish(syntax, v)) this.prompts.promptsFrom(v, kind, CONFIDENCE.key, `${key} property`);
      // `instructions: groupInstructions[groupId]`: every text of the table the key picks from (prompt-key-tables.ts).
      else if (v) for (const t of keyedTableTexts(syntax, v)) this.prompts.promptsFrom(t, kind, CONFIDENCE.key, `${key} property, read from a table of texts by key`);
      // `prompt: saved?.prompt || "You are a helpful assistant."`: the text used when nothing is saved.
      const fallback = v ? fallbackText(syntax, v) : undefined;
      if (fallback) this.prompts.promptsFrom(fallback, kind, CONFIDENCE.key, `default of the ${key} property`);
    }
  }

  /** The texts the code writes into a tool result: in place, in each assignment of the local it names, in the fields it serialises. */
  private toolResultTexts(content: SyntaxNode, label: string): void {
    const syntax = this.syntax;
    // `output: found ? rows : "No matching order was found"`: each written arm.
    if (content.type === 'ternary_expression' || content.type === 'conditional_expression') {
      for (const arm of content.namedChildren) if (arm && hasWrittenText(syntax, arm)) this.prompts.promptsFrom(arm, 'other', CONFIDENCE.key, `${label} text, one arm of a choice`);
    }
    if (hasWrittenText(syntax, content)) this.prompts.promptsFrom(content, 'other', CONFIDENCE.key, `${label} text`);
    // `"content": function_response`, the local set once per outcome (success, error): each text it is given.
    for (const t of content.type === 'identifier' ? textsAssignedToLocal(syntax, content) : []) if (hasWrittenText(syntax, t)) this.prompts.promptsFrom(t, 'other', CONFIDENCE.key, `${label} text, assigned to ${content.text}`);
    for (const t of serializedResultTexts(syntax, content)) if (hasWrittenText(syntax, t)) this.prompts.promptsFrom(t, 'other', CONFIDENCE.key, `${label} field, serialised into the result`);
  }

  private synthesizedToolCalls(list: SyntaxNode): void {
    for (const call of this.syntax.items(list)?.slice(0, 10) ?? []) {
      const fn = this.syntax.entries(call)?.get('function');
      const args = fn ? this.syntax.entries(fn)?.get('arguments') : undefined;
      if (args && hasWrittenText(this.syntax, args)) this.prompts.promptsFrom(args, 'other', CONFIDENCE.key, 'arguments of a tool call the code writes into the history');
    }
  }

  /** Python functions registered as tools (docstring) or as prompt hooks (return value). */
  private visitDecorated(node: SyntaxNode): void {
    const syntax = this.syntax;
    const decorators = node.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text.replace(/^@/, '').replace(/\(.*$/s, ''));
    if (decorators.some((d) => TOOL_DECORATOR.test(d))) {
      // `return f"Error: … Direct the user to {url}."`: the tool result sent back to the model (tool-results.ts).
      for (const t of returnedToolTemplates(syntax, node)) this.prompts.promptsFrom(t, 'other', CONFIDENCE.key, `text returned by @${decorators[0]} function: the tool result sent back to the model`);
      // `@tool(description_override="…")` replaces the docstring.
      for (const dec of node.namedChildren) {
        const call = dec?.type === 'decorator' ? dec.namedChildren[0] : undefined;
        if (call?.type !== 'call') continue;
        const named = syntax.args(call).named;
        const d = named.get('description_override') ?? named.get('description');
        if (d) {
          this.prompts.promptsFrom(d, 'tool-description', CONFIDENCE.decorated, `description of @${decorators[0]}`);
          return;
        }
      }
      const doc = syntax.docstring(node);
      if (doc) this.prompts.promptsFrom(doc, 'tool-description', CONFIDENCE.decorated, `docstring of @${decorators[0]} function`);
      return;
    }
    const hook = decorators.find((d) => PROMPT_DECORATOR.test(d));
    if (hook) {
      const returned = syntax.returns(node)[0];
      const kind: PromptKind = /instructions/.test(hook) ? 'instructions' : 'system';
      if (returned) this.prompts.promptsFrom(returned, kind, CONFIDENCE.decorated, `return value of @${hook} function`);
    }
  }

  /**
   * `review_prompt = base_form + examples`, `system_prompt = base + "Be critical."` (spliced-parts.ts): a prompt-named
   * concatenation that starts with a name. With words of its own it is a prompt (its joined texts too); without,
   * only the texts it joins are (written elsewhere, they are reported there).
   */
  private nameLedConcatenation(name: string, value: SyntaxNode, kind: PromptKind): boolean {
    const concat = nameLedConcatenation(value);
    if (!concat) return false;
    if (concat.ownText) {
      const inner = value.type === 'parenthesized_expression' && value.namedChildren[0] ? value.namedChildren[0] : value;
      this.prompts.wholeText(inner, kind, CONFIDENCE.named, `assigned to ${name}, joined from names`);
      return true;
    }
    for (const part of splicedTexts(this.syntax, value)) {
      if (this.syntax.isTextLiteral(part) && literalLength(this.syntax.text(part)) >= MIN_NAMED_LITERAL) this.prompts.promptsFrom(part, kind, CONFIDENCE.named, `joined into ${name}`);
    }
    return true;
  }

  /** `SYSTEM_PROMPT = """…"""`, `const reviewInstructions = \`…\``, `def build_prompt(): return f"…"`. */
  private visitNamedDeclarations(): void {
    const syntax = this.syntax;
    for (const d of this.collected.declarations) {
      if (d.name === 'description' && isToolClassAttribute(d.nameNode)) {
        this.prompts.promptsFrom(d.value, 'tool-description', CONFIDENCE.tool, 'description of a Tool class');
        continue;
      }
      if (/^tools$|_tools$/i.test(d.name) && syntax.items(d.value)) this.toolDocstrings(d.value);
      if (!PROMPT_NAME.test(d.name) || NOT_PROMPT_NAME.test(d.name)) continue;
      // `prompt = f"… Continue?"` handed only to `input(prompt)` / `InputRequest(prompt=prompt)`: asked of a person.
      if (!d.isFunction && onlyAskedOfPerson(d.nameNode, isFunctionLike)) continue;
      // `SYSTEM_PROMPT` formatted into fine-tuning examples written to a file (training-data.ts): data, never sent.
      if (!d.isFunction && onlyWrittenToFile(syntax, d.nameNode)) continue;
      const kind = kindFromName(d.name);
      if (d.isFunction) {
        const returned = syntax.returns(d.value)[0];
        // `def choose_prompt(): return "code_contests_prompts_solve_direct"`: a key the caller hands to a loader, not a text.
        if (returned && syntax.isTextLiteral(returned) && literalLength(syntax.text(returned)) >= MIN_NAMED_LITERAL) {
          if (hasSpace(syntax.text(returned))) this.prompts.promptsFrom(returned, kind, CONFIDENCE.namedFunction, `returned by ${d.name}()`);
        } else {
          // `if not parts: return None` … `return "\n\n".join(parts)`: the pieces of every returned join.
          for (const piece of syntax.returns(d.value).slice(0, 5).flatMap((r) => joinedListPieces(syntax, d.value, r))) this.prompts.promptsFrom(piece, kind, CONFIDENCE.namedFunction, `joined into the text ${d.name}() returns`);
          for (const r of syntax.returns(d.value).slice(0, 5)) returnedAssembly(syntax, this.prompts, d.name, r, kind);
        }
        continue;
      }
      if (!syntax.isTextLiteral(d.value) && !isUnusedLocal(d.nameNode) && this.nameLedConcatenation(d.name, d.value, kind)) continue;
      const built = isUnusedLocal(d.nameNode) ? undefined : builtTemplate(syntax, d.value);
      if (built) {
        for (const body of built.bodies) this.prompts.wholeText(body, kind, CONFIDENCE.named, `returned by the helper that builds ${d.name}`);
        for (const text of built.passed) this.prompts.promptsFrom(text, kind, CONFIDENCE.named, `passed to the helper that builds ${d.name}`);
        continue;
      }
      // `self.reflection_prompt = config.reflection_prompt or "Reflect on …"`: the text used when nothing is configured.
      const fallback = defaultText(syntax, d.value);
      if (fallback) {
        this.prompts.promptsFrom(fallback, kind, CONFIDENCE.named, `default of ${d.name}`);
        continue;
      }
      if (!syntax.isTextLiteral(d.value) || isUnusedLocal(d.nameNode)) continue;
      const value = syntax.text(d.value);
      // Flags and ids (`PROMPT_CACHING_BETA = "prompt-caching-2024-07-31"`) have no spaces; prompts do.
      if (literalLength(value) < MIN_NAMED_LITERAL || !hasSpace(value)) continue;
      this.prompts.promptsFrom(d.value, kind, CONFIDENCE.named, `assigned to ${d.name}`);
      for (const piece of appendedPieces(syntax, d.nameNode)) this.prompts.promptsFrom(piece, kind, CONFIDENCE.named, `appended to ${d.name}`);
    }
  }
}

const LANGCHAIN_MODULE = /^(@langchain\/|langchain(_\w+)?\b|langgraph\b)/;

/**
 * `{type: "ai", content: "Successfully sent email."}`: LangChain's message objects (langgraph-sdk `types.messages.ts`:
 * `HumanMessage`/`AIMessage` are `BaseMessage & {type: "human" | "ai"}`; `@langchain/core` coerces a `{type, content}`
 * dict the same) written into a thread's history or submitted to it. `human`/`ai` name no other `type` of a literal
 * with `content` in a file that uses LangChain; `system`/`tool` do (log entries, tool choices), so those stay keyed on
 * `tool_call_id` above.
 */
function isLangChainMessageType(syntax: LanguageSyntax, collected: Collected, entries: ReadonlyMap<string, SyntaxNode>): boolean {
  const type = entries.get('type');
  if (!type || !entries.has('content') || !/^(human|ai)$/.test(syntax.stringConstant(type) ?? '')) return false;
  // A chat UI's own `{type: "ai", content: greeting}` renders a bubble; the shape is LangChain's only where the file uses LangChain.
  return [...collected.imports.values()].some((m) => LANGCHAIN_MODULE.test(m));
}

/** A text literal with words of its own (not only the values it splices in). */
export function hasWrittenText(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  if (!syntax.isTextLiteral(target)) return false;
  const value = syntax.text(target);
  return literalLength(value) >= MIN_NAMED_LITERAL && value.parts.some((p) => typeof p === 'string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(p));
}

/** The written text after `||` / `??` (`a || "…"`), when it is long enough to be a prompt. */
function fallbackText(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'binary_expression' || !['||', '??'].includes(node.childForFieldName('operator')?.text ?? '')) return undefined;
  const right = node.childForFieldName('right');
  return right && syntax.isTextLiteral(right) && literalLength(syntax.text(right)) >= MIN_NAMED_LITERAL ? right : undefined;
}

export function isTextish(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  return syntax.isTextLiteral(target) || Boolean(syntax.items(target)?.some((i) => syntax.isTextLiteral(syntax.resolve(i))));
}

/** `class RetrieverTool(Tool): description = "…"` (smolagents, LangChain BaseTool). */
function isToolClassAttribute(nameNode: SyntaxNode): boolean {
  const block = nameNode.parent?.parent?.parent;
  const cls = block?.parent;
  if (cls?.type !== 'class_definition' && cls?.type !== 'class_declaration') return false;
  const bases = cls.childForFieldName('superclasses')?.text ?? cls.namedChildren.find((c) => c?.type === 'class_heritage')?.text ?? '';
  const base = /\b(Tool|BaseTool|StructuredTool)\b/.exec(bases)?.[1];
  return Boolean(base) && !(cls.type === 'class_definition' && isOwnRecordClass(cls, base!));
}

/**
 * `class BaseTool(BaseModel): name: str; description: str` written in the same module: the repository's own record of
 * a tool for its UI or store (a picker's label and blurb), not the framework's tool class. Its subclasses'
 * `description` fields are data; only a base that is itself a tool class (or is imported) makes them sent texts.
 */
function isOwnRecordClass(cls: SyntaxNode, base: string): boolean {
  let root: SyntaxNode | null = cls;
  while (root?.parent) root = root.parent;
  for (const stmt of root?.namedChildren ?? []) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type !== 'class_definition' || def.childForFieldName('name')?.text !== base) continue;
    // A base whose method writes the tool definition (`"description": self.description`) sends its subclasses' texts.
    const buildsDefinition = /\bself\.description\b/.test(def.childForFieldName('body')?.text ?? '');
    return !buildsDefinition && !/\b(Tool|BaseTool|StructuredTool)\b/.test(def.childForFieldName('superclasses')?.text ?? '');
  }
  return false;
}

/** A variable of a function that the function never reads (a draft prompt left next to the one returned). */
function isUnusedLocal(nameNode: SyntaxNode): boolean {
  // `self.execution_instructions = "…"`: an attribute outlives the method; other methods and files read it.
  if (nameNode.type === 'attribute' || nameNode.type === 'member_expression') return false;
  let fn = nameNode.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const name = nameNode.text;
  return !fn.descendantsOfType(['identifier', 'shorthand_property_identifier']).some((id) => id && id.text === name && id.id !== nameNode.id);
}

/** A terminal UI's style table: a dict given to a `Style`/`….from_dict` call, or held by a local named as a style. */
function isStyleMap(node: SyntaxNode): boolean {
  const holder = node.parent;
  if (holder?.type === 'argument_list' || holder?.type === 'arguments') {
    const callee = holder.parent?.childForFieldName('function')?.text ?? '';
    return /(^|\.)\w*Style(\.from_dict)?$/.test(callee);
  }
  const name = holder?.type === 'assignment' ? holder.childForFieldName('left')?.text : undefined;
  return Boolean(name && /(^|_)style(_dict|_map)?$/i.test(name));
}

/** Written words have spaces between them; flags, ids and keys (`prompt-caching-2024-07-31`) have none. */
function hasSpace(value: TextValue): boolean {
  return value.parts.some((p) => typeof p === 'string' && /\s/.test(p.trim()));
}
