/**
 * Python: functions turned into tool definitions by a library converter called on them (not decorated, not listed
 * in a request's `tools=`), whose docstring the library sends as the tool's description when no description is
 * given. Read from each library's source:
 *
 * - CAMEL `FunctionTool(func)` (camel/toolkits/function_tool.py: `get_openai_tool_schema(func)` parses the
 *   docstring into the description and the parameters' descriptions); Google ADK `FunctionTool(func)`
 *   (google/adk/tools/function_tool.py: the declaration's description is `func.__doc__`).
 * - LangChain `StructuredTool.from_function(func)` / `Tool.from_function(func)` (langchain_core/tools/structured.py:
 *   `description or func.__doc__`), `tool(func)` called as a function (langchain_core/tools/convert.py), and
 *   `convert_to_openai_tool(func)` / `convert_to_openai_function(func)` (langchain_core/utils/function_calling.py).
 * - OpenAI Agents SDK `function_tool(func)` (agents/tool.py: `description_override or` the parsed docstring).
 * - `openai_function(func)` (openai_function_call, instructor ≤ 0.2 function_calls.py: `"description": func.__doc__`).
 * - llama-index `FunctionTool.from_defaults(fn)` is read with the library's other texts (llama-index-prompts-py.ts).
 *
 * The function is a name of this file or a method of the enclosing class (`FunctionTool(self.extract_content)`,
 * the toolkit idiom); a given `description` replaces the docstring and is read where tools are constructed (code.ts).
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, isFunctionLike, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

/** Converters whose first argument (or `func`/`function`/`fn`) is the function (llama-index, LangChain, ADK, Agents SDK). */
const CONVERTER = /^((\w+\.)*FunctionTool(\.from_defaults)?|(\w+\.)*(Structured)?Tool\.from_function|tool|function_tool|openai_function|convert_to_openai_(tool|function))$/;
const FUNCTION_KEYS = ['func', 'function', 'fn'];
/** A description given to the converter replaces the function's docstring. */
const DESCRIPTION_KEYS = ['description', 'description_override', 'tool_metadata'];
const MAX_CALLS = 400;

/** The function a tool converter is handed, when the call is one and no description of its own replaces the docstring. */
export function convertedFunction(syntax: LanguageSyntax, call: SyntaxNode): SyntaxNode | undefined {
  if (!CONVERTER.test(syntax.callee(call))) return undefined;
  const args = syntax.args(call);
  if (DESCRIPTION_KEYS.some((k) => args.named.has(k))) return undefined;
  return FUNCTION_KEYS.map((k) => args.named.get(k)).find(Boolean) ?? args.positional[0];
}

export function functionToolDocstringsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  let prompts: PromptReader | undefined;
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    const given = convertedFunction(syntax, call);
    const fn = given ? functionOf(syntax, given) : undefined;
    const doc = fn ? syntax.docstring(fn) : undefined;
    if (!doc) continue;
    prompts ??= new PromptReader(syntax, sites);
    prompts.promptsFrom(doc, 'tool-description', CONFIDENCE.tool, `docstring of the function given to ${syntax.callee(call)}, which sends it as the tool's description`);
  }
}

/** The function definition a name or `self.method` refers to, in this file. */
function functionOf(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'identifier') {
    const target = syntax.resolve(node);
    return target.id !== node.id && isFunctionLike(target) ? target : undefined;
  }
  const object = node.type === 'attribute' ? node.childForFieldName('object') : undefined;
  const attr = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  if (object?.type !== 'identifier' || !/^(self|cls)$/.test(object.text) || !attr) return undefined;
  let cls: SyntaxNode | null = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  for (const stmt of cls?.childForFieldName('body')?.namedChildren ?? []) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === attr) return def;
  }
  return undefined;
}
