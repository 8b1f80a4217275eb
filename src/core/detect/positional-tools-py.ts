/**
 * Tools whose name and description are passed by position (Python). LangChain's constructors and factories take
 * them in a fixed order, and the description is the text the model reads to choose the tool:
 *
 *     create_retriever_tool(retriever, "wikipedia", "Search for a query on Wikipedia")   # (retriever, name, description)
 *     Tool("Image-Generator", wrapper.run, "Useful for when you need to draw …")           # (name, func, description)
 *     StructuredTool.from_function(search, "search", "Look a query up on the web")          # (func, name, description)
 *
 * The keyword spellings of the same calls are read by the tool-constructor visitor (code.ts). A positional call is
 * taken only where its shape is the library's: the name slot holds a one-token text (a tool name, not a sentence),
 * so a repository's own `Tool(a, b, c)` with another order is not read as one.
 */
import type { SyntaxNode } from './parser';
import type { CallArgs, LanguageSyntax } from './syntax';
import { parameterOf } from './model-resolve';

interface Layout {
  readonly name: number;
  readonly description: number;
}

/** `create_retriever_tool`, `create_<x>_tool`: (source, name, description). */
const FACTORY = /(^|\.)create_\w*_tool$/;
/** `Tool(name, func, description)`: LangChain's base tool class, imported under its own name. */
const TOOL_CLASS = /(^|\.)Tool$/;
/** `StructuredTool.from_function(func, name, description)`, llama-index `FunctionTool.from_defaults(fn, name, description)`. */
const FROM_FUNCTION = /(^|\.)\w*Tool\.(from_function|from_defaults)$/;

function layoutOf(callee: string): Layout | undefined {
  if (FACTORY.test(callee)) return { name: 1, description: 2 };
  if (FROM_FUNCTION.test(callee)) return { name: 1, description: 2 };
  if (TOOL_CLASS.test(callee)) return { name: 0, description: 2 };
  return undefined;
}

/** The description argument of a tool built by position, when the call has the library's shape. */
export function positionalToolDescription(syntax: LanguageSyntax, callee: string, args: CallArgs): SyntaxNode | undefined {
  if (syntax.language !== 'python') return undefined;
  const layout = layoutOf(callee);
  if (!layout) return undefined;
  const description = args.positional[layout.description];
  const name = args.positional[layout.name] ?? args.named.get('name');
  if (!description || !name || args.named.has('description')) return undefined;
  // A parameter without a default is the caller's text (followed from the callers by the repository pass), not
  // whatever else of the file shares its name.
  if (description.type === 'identifier' && parameterOf(syntax, description)) return undefined;
  return isToolName(syntax, name) ? description : undefined;
}

/** A written one-token name (`"you_search"`, `"Dall-E-Image-Generator"`), or a name bound to one. */
function isToolName(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  if (!syntax.isTextLiteral(target)) return node.type === 'identifier' || node.type === 'attribute';
  const text = syntax.stringConstant(target);
  return text !== undefined && /^[\w.-]{2,64}$/.test(text.trim());
}
