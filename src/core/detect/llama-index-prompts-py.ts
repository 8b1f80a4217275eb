/**
 * Python: the texts llama-index sends that a repository hands to the library's own constructors and factories,
 * read from the library's source (github.com/run-llama/llama_index, llama-index-core):
 *
 * - Tool metadata (`core/tools/types.py`): `ToolMetadata(description, name=None, fn_schema=…)` is a dataclass whose
 *   `description` is the first field; `to_openai_tool()` sends it as the function's description.
 * - Tool factories: `FunctionTool.from_defaults(fn, name, description, …, async_fn=…, tool_metadata=…)`
 *   (`core/tools/function_tool.py`) builds the metadata itself, with `description or f"{name}{signature}\n{docstring}"`:
 *   without a description (and without `tool_metadata`), the docstring of `fn` (or `async_fn`) is the description.
 *   `QueryEngineTool.from_defaults(query_engine, name, description, …)` (`core/tools/query_engine.py`) and
 *   `RetrieverTool.from_defaults(retriever, name, description, …)` (`core/tools/retriever_tool.py`) take it third.
 * - System prompts: `system_prompt` of the agents (`core/agent/workflow/base_agent.py` `BaseWorkflowAgent` fields
 *   shared by `FunctionAgent`, `ReActAgent`, `CodeActAgent`; `AgentWorkflow.from_tools_or_functions`; the legacy
 *   `OpenAIAgent`/`FunctionCallingAgent`/`ReActAgent` `.from_tools`), of the chat engines
 *   (`SimpleChatEngine`/`ContextChatEngine`/`CondensePlusContextChatEngine.from_defaults`, `index.as_chat_engine`),
 *   and of any LLM class (`core/base/llms/base.py` `system_prompt` field, prepended to every chat). The engines'
 *   `context_template`/`context_prompt` (the retrieved context's wrapper, a system message) and `condense_prompt`
 *   (the question-rewriting request's template) are sent too; the assistants' `instructions` likewise.
 *
 * Read only in a file that imports llama-index (`llama_index…`): the class names alone are common words.
 * A description given by calling a function of the file (`description=build_description(doc)`) is each text that
 * function returns.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, isFunctionLike, PromptReader } from './prompt-reader';
import { isTextish } from './prompt-places';
import { returnedTexts } from './returned-parts';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import type { PromptKind } from '../report/types';

const LLAMA_INDEX = /^llama_index(\.|#|$)/;
const TOOL_METADATA = /(^|\.)ToolMetadata$/;
/** `X.from_defaults(source, name, description)`: the description's positional slot. */
const TOOL_FACTORY = /(^|\.)(FunctionTool|QueryEngineTool|RetrieverTool)\.from_defaults$/;
const FUNCTION_TOOL_FACTORY = /(^|\.)FunctionTool\.from_defaults$/;
/** Agents, agent workflows, chat engines and their factories; `as_chat_engine` on any index. */
const PROMPTED = /(^|\.)(\w*Agent(Worker|Runner)?|AgentWorkflow|\w*ChatEngine)(\.(from_tools|from_defaults|from_llm|from_tools_or_functions|from_new|from_existing))?$|(^|\.)as_chat_engine$/;
/**
 * Structured-output programs (`core/program/llm_program.py`, `function_program.py`: `LLMTextCompletionProgram`,
 * `FunctionCallingProgram`, `OpenAIPydanticProgram`): `from_defaults(output_cls=…, prompt_template_str="…")`, the prompt.
 */
const PROGRAM = /(^|\.)\w*Program\.from_defaults$/;
const PROMPTED_KEYS: Readonly<Record<string, PromptKind>> = {
  prompt_template_str: 'user-template',
  system_prompt: 'system',
  instructions: 'instructions',
  context_template: 'system',
  context_prompt: 'system',
  condense_prompt: 'user-template',
  condense_question_prompt: 'user-template',
};
/** An LLM class imported from a llama-index integration (`llama_index.llms.openai#OpenAI`). */
const LLM_MODULE = /^llama_index\.llms\./;
const MAX_CALLS = 400;

export function llamaIndexPromptsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python' || ![...collected.imports.values()].some((m) => LLAMA_INDEX.test(m))) return;
  const prompts = new PromptReader(syntax, sites);
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    const callee = syntax.callee(call);
    if (TOOL_METADATA.test(callee) || TOOL_FACTORY.test(callee)) toolDescription(syntax, prompts, call, callee);
    else if (PROMPTED.test(callee) || PROGRAM.test(callee) || LLM_MODULE.test(collected.imports.get(callee.split('.')[0]) ?? '')) promptedKeys(syntax, prompts, call, callee);
  }
}

function toolDescription(syntax: LanguageSyntax, prompts: PromptReader, call: SyntaxNode, callee: string): void {
  const args = syntax.args(call);
  const description = args.named.get('description') ?? args.positional[TOOL_METADATA.test(callee) ? 0 : 2];
  if (description) {
    const reason = `description of ${callee}, sent as the tool's description`;
    if (isTextish(syntax, description)) prompts.promptsFrom(description, 'tool-description', CONFIDENCE.tool, reason);
    else for (const text of calledFunctionTexts(syntax, description)) prompts.promptsFrom(text, 'tool-description', CONFIDENCE.tool, `${reason} (returned by the function it calls)`);
    return;
  }
  // No description and no prebuilt metadata: llama-index writes the function's docstring into the description.
  if (!FUNCTION_TOOL_FACTORY.test(callee) || args.named.has('tool_metadata')) return;
  const fn = args.named.get('fn') ?? args.positional[0] ?? args.named.get('async_fn');
  const target = fn ? syntax.resolve(fn) : undefined;
  const doc = target && isFunctionLike(target) ? syntax.docstring(target) : undefined;
  if (doc) prompts.promptsFrom(doc, 'tool-description', CONFIDENCE.tool, `docstring of the function given to ${callee}, its tool description`);
}

function promptedKeys(syntax: LanguageSyntax, prompts: PromptReader, call: SyntaxNode, callee: string): void {
  const named = syntax.args(call).named;
  for (const [key, kind] of Object.entries(PROMPTED_KEYS)) {
    const value = named.get(key);
    if (value && isTextish(syntax, wrapped(value))) prompts.promptsFrom(value, kind, CONFIDENCE.position, `${key} of ${callee}`);
  }
}

/** The text a `.format(…)` / `.strip()` call is made on (`SYSTEM_MESSAGE.format(doc_titles=…)`), else the value. */
function wrapped(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 3 && n.type === 'call'; i++) {
    const fn = n.childForFieldName('function');
    const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (!object) break;
    n = object;
  }
  return n;
}

/** `build_description(doc)`: the texts the function of this file returns. */
function calledFunctionTexts(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode[] {
  if (node.type !== 'call') return [];
  const name = node.childForFieldName('function');
  if (name?.type !== 'identifier') return [];
  const fn = syntax.resolve(name);
  return fn.id !== name.id && isFunctionLike(fn) ? returnedTexts(syntax, fn) : [];
}
