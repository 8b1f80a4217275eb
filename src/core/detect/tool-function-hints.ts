/**
 * Facts about Python functions handed to a model as tools by their signature (repo/tool-functions.ts): a module
 * whose public functions describe their parameters with `Annotated[T, "…"]` / `Annotated[T, Meta(description="…")]`
 * (the convention of AutoGen, Semantic Kernel and of repositories' own tool catalogs: the description only serves
 * a JSON schema), a loader that imports modules dynamically and collects their functions
 * (`inspect.getmembers(module, inspect.isfunction)`), and code that reads functions' docstrings (`inspect.getdoc`).
 *
 * Read from the text: the loader and the docstring reader are whole-repository evidence that detection of one
 * file cannot judge, and the modules a loader collects carry no LLM word of their own.
 */
import type { FileFacts, ToolFunctionHints } from '../repo/facts';
import type { ToolErrorFacts } from '../repo/tool-error-types';
import { annotatedDescriptions, scanTopLevelDefs } from './py-def-scan';
import { TOOL_ERROR_HINT } from './py-tool-errors';
import { TOOL_CLASS_HINT, TOOL_MAP_HINT } from './py-tool-map-methods';

/**
 * An MCP server module (`from mcp.server import FastMCP`, `from fastmcp import FastMCP`): its `@mcp.tool` docstrings
 * are the tool descriptions every connected client sends its model, though the module names no model or LLM word
 * (anthropic-quickstarts `agents/tools/calculator_mcp.py`, ChatDev `mcp_example/mcp_server.py`).
 */
const MCP_SERVER_HINT = /\bfrom\s+(mcp\.server(\.fastmcp)?|fastmcp)\s+import\b|\bFastMCP\s*\(/;
/** A file worth parsing for these facts (detection skips Python files without an LLM word); tool error classes too. */
export const TOOL_FUNCTION_HINT = new RegExp(`Annotated\\[|spec_from_file_location|getmembers\\(|getdoc\\(|${TOOL_ERROR_HINT.source}|${TOOL_MAP_HINT.source}|${TOOL_CLASS_HINT.source}|${MCP_SERVER_HINT.source}`);

/**
 * `Annotated` markers of web and CLI frameworks: their descriptions document an HTTP or command-line parameter
 * (FastAPI `Query`/`Path`/`Body`/…/`Depends`, Typer and Click `Option`/`Argument`, cyclopts `Parameter`).
 */
const FRAMEWORK_MARKER = /(^|\.)(Query|Path|Body|Header|Cookie|Form|File|UploadFile|Depends|Security|Option|Argument|Parameter|Doc)$/;

export function isFrameworkMarker(callee: string): boolean {
  return FRAMEWORK_MARKER.test(callee);
}

export function toolFunctionHints(text: string): ToolFunctionHints | undefined {
  const described = /Annotated\s*\[/.test(text) && scanTopLevelDefs(text).some((d) => !d.name.startsWith('_') && annotatedDescriptions(d.params, isFrameworkMarker).length > 0);
  const loader = /spec_from_file_location|import_module\s*\(/.test(text) && /getmembers\s*\([^)]*isfunction|isfunction\s*\(/.test(text);
  const docReader = /inspect\.getdoc\s*\(|\.__doc__\b/.test(text);
  if (!described && !loader && !docReader) return undefined;
  return { ...(described ? { described } : {}), ...(loader ? { loader } : {}), ...(docReader ? { docReader } : {}) };
}

/** The file's facts with its tool-function hints added (Python only; when it has any). */
export function withToolFunctionHints(facts: FileFacts, text: string, python: boolean, errors?: ToolErrorFacts): FileFacts {
  const found = python ? toolFunctionHints(text) : undefined;
  const hints = errors ? { ...found, errors } : found;
  return hints ? { ...facts, toolFunctionHints: hints } : facts;
}
