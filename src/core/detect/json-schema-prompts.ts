/**
 * Parameter descriptions of a tool written as a JSON schema literal: the `description` of each
 * property under `parameters` / `input_schema` / `inputSchema` (`{"type": "object", "properties":
 * {"code": {"type": "string", "description": "The code to run"}}}`). The request sends the whole
 * schema with the tool, so the model reads each of these texts with every request, like the tool's own
 * description.
 *
 * Only schemas inside a tool definition are read (a container that has a `description` and a schema
 * key): a JSON schema used to validate a form or a config file is sent nowhere.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { LanguageSyntax } from './syntax';

/** Keys of a tool definition that hold its JSON schema. */
const SCHEMA_KEYS = ['parameters', 'input_schema', 'inputSchema'];
/** How deep nested objects and arrays are followed (`properties.filters.items.properties.name`). */
const MAX_DEPTH = 4;
/** Properties read per object (a generated schema of hundreds of fields is priced on its first ones). */
const MAX_PROPERTIES = 60;

/** Registers the property descriptions of the JSON schema a tool definition holds. */
export function toolSchemaPropertyDescriptions(syntax: LanguageSyntax, tool: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  for (const key of SCHEMA_KEYS) {
    const schema = tool.get(key);
    if (schema) visitSchema(syntax, schema, prompts, 0);
  }
}

function visitSchema(syntax: LanguageSyntax, node: SyntaxNode, prompts: PromptReader, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const schema = syntax.entries(node);
  if (!schema) return;
  // The schema's own `description` (depth 0 is the tool's parameters object; nested objects describe themselves).
  if (depth > 0) describe(syntax, schema.get('description'), prompts);
  const properties = schema.get('properties');
  const fields = properties ? syntax.entries(properties) : undefined;
  let seen = 0;
  for (const value of fields?.values() ?? []) {
    if (++seen > MAX_PROPERTIES) break;
    visitSchema(syntax, value, prompts, depth + 1);
  }
  const items = schema.get('items');
  if (items) visitSchema(syntax, items, prompts, depth + 1);
}

function describe(syntax: LanguageSyntax, node: SyntaxNode | undefined, prompts: PromptReader): void {
  if (!node || !syntax.isTextLiteral(syntax.resolve(node))) return;
  prompts.promptsFrom(node, 'tool-description', CONFIDENCE.tool, 'parameter description in a tool schema');
}

/** A JSON schema written as an object literal with properties: `{"type": "object", "properties": {…}}`. */
export function isObjectSchemaLiteral(syntax: LanguageSyntax, node: SyntaxNode | undefined): boolean {
  const schema = node ? syntax.entries(node) : undefined;
  const type = schema?.get('type');
  const properties = schema?.get('properties');
  return Boolean(type && syntax.stringConstant(type) === 'object' && properties && syntax.entries(properties)?.size);
}
