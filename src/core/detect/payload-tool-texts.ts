/**
 * Texts a request payload written by hand sends with its tools and output formats, read from the shapes of the
 * providers' own request types rather than from a library helper:
 *
 * - a structured-output format's JSON schema: OpenAI Chat Completions `response_format: {type: "json_schema",
 *   json_schema: {name, description?, schema, strict}}` (openai-python `types/shared_params/response_format_json_schema.py`
 *   `JSONSchema`), the Responses API's `text.format: {type: "json_schema", name, schema, strict}`
 *   (`types/responses/response_format_text_json_schema_config_param.py`). The property descriptions of `schema` are
 *   sent with the request like a tool's parameters (the model reads them as it fills the fields). Only an object
 *   schema beside a `name` and a sign of the format (`strict`, `type: "json_schema"`, or held under a `json_schema`
 *   key): an OpenAPI parameter (`{name, in: "query", schema}`) or a validator's schema is sent nowhere.
 * - an MCP server or connector offered as a tool: the Responses API's `{type: "mcp", server_label,
 *   server_description, server_url | connector_id}` (`types/responses/tool_param.py` `Mcp.server_description`:
 *   "Optional description of the MCP server, used to provide more context"): the model reads it to choose the server.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { isObjectSchemaWritten, toolSchemaPropertyDescriptions } from './json-schema-prompts';
import type { LanguageSyntax } from './syntax';

/** Reads one object / dict literal of a payload: a structured-output format's schema, an MCP tool's description. */
export function payloadToolTexts(syntax: LanguageSyntax, node: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  if (isJsonSchemaFormat(syntax, node, entries)) toolSchemaPropertyDescriptions(syntax, new Map([['parameters', entries.get('schema')!]]), prompts);
  const serverDescription = entries.has('server_label') ? entries.get('server_description') : undefined;
  if (serverDescription && syntax.isTextLiteral(syntax.resolve(serverDescription))) {
    prompts.promptsFrom(serverDescription, 'tool-description', CONFIDENCE.tool, 'server_description of an MCP tool offered to the model');
  }
}

/** `{name, schema: {type: "object", properties}, strict}` as a json_schema output format (not an OpenAPI parameter). */
function isJsonSchemaFormat(syntax: LanguageSyntax, node: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>): boolean {
  if (!entries.has('name') || entries.has('in') || !isObjectSchemaWritten(syntax, entries.get('schema'))) return false;
  if (entries.has('strict')) return true;
  const type = entries.get('type');
  if (type && syntax.stringConstant(type) === 'json_schema') return true;
  return keyOf(node) === 'json_schema';
}

/** The key an object literal is the value of (`json_schema: {...}`, `"json_schema": {...}`), if any. */
function keyOf(node: SyntaxNode): string | undefined {
  const pair = node.parent;
  if (pair?.type !== 'pair' || pair.childForFieldName('value')?.id !== node.id) return undefined;
  return pair.childForFieldName('key')?.text.replace(/^["'`]|["'`]$/g, '');
}
