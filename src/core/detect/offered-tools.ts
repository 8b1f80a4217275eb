/**
 * A tool built by a factory call from a name and a description, and then offered to the model:
 *
 *     const tool = createRetrieverTool(retriever, { name: "search_docs", description: "Searches the docs." });
 *     const agent = createReactAgent({ llm, tools: [tool] });
 *
 * The factory (LangChain's `createRetrieverTool`, `new DynamicTool(…)`, a repository's own wrapper) turns the object
 * into the tool definition sent with every model step; the description is a tool-description prompt. No name of the
 * factory is needed: what makes it a tool is where its result goes, a list offered as tools (a `tools` key or
 * variable, `bindTools([…])`, `new ToolNode([…])`), in place or through the local it is bound to.
 *
 * The same `{ name, description }` object given to an API client (`api.createTool({ name, description })`, a
 * database row, a form) is not a prompt: its result never reaches a tool list.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { LanguageSyntax } from './syntax';
import { literalLength } from './text';

/** Calls whose (first) argument is the list of tools offered to the model. */
const TOOL_LIST_CALL = /(^|\.)(bindTools|bind_tools|ToolNode|createReactAgent|create_react_agent)$/;
/** Keys and variables that hold a list of tools. */
const TOOL_LIST_NAME = /^(tools|\w*Tools)$/;
/** Shortest description read as prose. */
const MIN_DESCRIPTION = 12;
/** Uses of the bound local looked at. */
const MAX_USES = 40;

export function offeredToolPrompts(syntax: LanguageSyntax, container: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  if (syntax.language !== 'typescript' || container.parent?.type !== 'arguments') return;
  const description = entries.get('description');
  const name = entries.get('name');
  if (!description || !name || syntax.stringConstant(name) === undefined) return;
  const text = syntax.resolve(description);
  if (!syntax.isTextLiteral(text) || literalLength(syntax.text(text)) < MIN_DESCRIPTION) return;
  const call = container.parent.parent;
  if (!call || (call.type !== 'call_expression' && call.type !== 'new_expression')) return;
  if (!reachesToolList(call)) return;
  prompts.promptsFrom(description, 'tool-description', CONFIDENCE.tool, 'description of a tool offered to the model');
}

/** The value is an item of a tool list, in place or through the `const` it initializes (`const t = make(…)` … `tools: [t]`). */
function reachesToolList(value: SyntaxNode): boolean {
  if (isToolListItem(value)) return true;
  const holder = value.parent?.type === 'await_expression' ? value.parent : value;
  const decl = holder.parent;
  if (decl?.type !== 'variable_declarator' || decl.childForFieldName('value')?.id !== holder.id) return false;
  const local = decl.childForFieldName('name');
  if (local?.type !== 'identifier') return false;
  const scope = enclosingScope(decl);
  let seen = 0;
  for (const id of scope.descendantsOfType(['identifier', 'shorthand_property_identifier'])) {
    if (!id || id.text !== local.text || id.startIndex <= local.startIndex) continue;
    if (++seen > MAX_USES) break;
    if (isToolListItem(id)) return true;
  }
  return false;
}

/** An element of `[…]` that is a tool list: under a `tools` key or variable, or the argument of a tool-binding call. */
function isToolListItem(node: SyntaxNode): boolean {
  const list = node.parent;
  if (list?.type !== 'array') return false;
  const holder = list.parent;
  if (holder?.type === 'pair') return TOOL_LIST_NAME.test(holder.childForFieldName('key')?.text.replace(/['"]/g, '') ?? '');
  if (holder?.type === 'variable_declarator') return TOOL_LIST_NAME.test(holder.childForFieldName('name')?.text ?? '');
  if (holder?.type === 'arguments') {
    const call = holder.parent;
    const callee = call?.childForFieldName('function') ?? call?.childForFieldName('constructor');
    return TOOL_LIST_CALL.test(callee?.text ?? '');
  }
  return false;
}

function enclosingScope(node: SyntaxNode): SyntaxNode {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'statement_block' || n.type === 'program') return n;
  }
  return node;
}
