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
import { returnedParts } from './returned-parts';
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
  const schema = syntax.entries(node) ?? builtSchema(syntax, node);
  if (!schema) return;
  // The schema's own `description` (depth 0 is the tool's parameters object; nested objects describe themselves).
  if (depth > 0) describe(syntax, schema.get('description'), prompts);
  const properties = schema.get('properties');
  let seen = 0;
  for (const value of propertySchemas(syntax, properties) ?? (depth === 0 ? barePropertyMap(syntax, schema) : [])) {
    if (++seen > MAX_PROPERTIES) break;
    visitSchema(syntax, value, prompts, depth + 1);
  }
  const items = schema.get('items');
  if (items) visitSchema(syntax, items, prompts, depth + 1);
  // `oneOf: [actionSchema("click"), actionSchema("fill", {...})]`: each alternative is sent with the schema.
  for (const key of COMBINATORS) {
    const list = schema.get(key);
    for (const alternative of list ? (syntax.items(list) ?? []).slice(0, MAX_PROPERTIES) : []) visitSchema(syntax, alternative, prompts, depth + 1);
  }
}

/** JSON Schema's combinators, whose lists of alternatives are schemas too. */
const COMBINATORS = ['oneOf', 'anyOf', 'allOf'];

/**
 * The object a helper of this file returns for a schema written as its call (`actionSchema("click")` with `const
 * actionSchema = (op) => ({ type: "object", properties: { op: { const: op, description: \`…\` } } })`): the
 * helper's written descriptions are sent once per call.
 */
function builtSchema(syntax: LanguageSyntax, node: SyntaxNode): Map<string, SyntaxNode> | undefined {
  if (node.type !== 'call_expression' && node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'identifier') return undefined;
  const fn = syntax.resolve(callee);
  if (fn.id === callee.id || !/^(arrow_function|function_declaration|function_expression|function_definition)$/.test(fn.type)) return undefined;
  const returned = syntax.returns(fn)[0];
  return returned ? syntax.entries(unwrapParens(returned)) : undefined;
}

function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/**
 * The schemas of a `properties` value: an object / dict literal's values, or the one value a Python dict comprehension
 * writes per key (`{c["signature"]: {"type": "object", "description": f"…", …} for c in candidates}`: a schema built
 * per item of the request, each copy sending the same written descriptions).
 */
function propertySchemas(syntax: LanguageSyntax, properties: SyntaxNode | undefined): SyntaxNode[] | undefined {
  if (!properties) return undefined;
  const target = syntax.resolve(properties);
  if (target.type === 'dictionary_comprehension') {
    const value = target.childForFieldName('body')?.childForFieldName('value');
    return value ? [value] : [];
  }
  // `{field: {...}}` keyed by a variable (the field's name chosen at run time): the values all the same.
  if (target.type === 'dictionary' || target.type === 'object') {
    return target.namedChildren.filter((c) => c?.type === 'pair').map((c) => c!.childForFieldName('value')).filter((v): v is SyntaxNode => Boolean(v));
  }
  const fields = syntax.entries(properties);
  return fields ? [...fields.values()] : undefined;
}

/**
 * A tool's `parameters` written as the property map itself (`parameters: { location: { type: "string", description:
 * "…" } }`), the wrapper `{type: "object", properties: {...tool.parameters}}` added where the list is turned into the
 * request's tools (openai-responses-starter-app's `tools-list.ts`). Only when the map has neither `type` nor
 * `properties` and every value is an object naming its `type`: `parameters: { temperature: 0.2 }` is no schema.
 */
function barePropertyMap(syntax: LanguageSyntax, schema: ReadonlyMap<string, SyntaxNode>): SyntaxNode[] {
  if (schema.has('type') || schema.has('properties') || schema.size === 0) return [];
  const values = [...schema.values()];
  return values.every((v) => syntax.entries(v)?.has('type')) ? values : [];
}

function describe(syntax: LanguageSyntax, node: SyntaxNode | undefined, prompts: PromptReader): void {
  if (!node) return;
  if (syntax.isTextLiteral(syntax.resolve(node))) {
    prompts.promptsFrom(node, 'tool-description', CONFIDENCE.tool, 'parameter description in a tool schema');
    return;
  }
  // `"description": _single_field_description(language)`: each text the helper of this file returns (returned-parts.ts).
  for (const t of returnedParts(syntax, node)) prompts.promptsFrom(t, 'tool-description', CONFIDENCE.tool, 'parameter description in a tool schema, returned by the function it calls');
}

/** A JSON schema written as an object literal with properties: `{"type": "object", "properties": {…}}`. */
export function isObjectSchemaLiteral(syntax: LanguageSyntax, node: SyntaxNode | undefined): boolean {
  const schema = node ? syntax.entries(node) : undefined;
  const type = schema?.get('type');
  const properties = schema?.get('properties');
  return Boolean(type && syntax.stringConstant(type) === 'object' && properties && syntax.entries(properties)?.size);
}

/** As isObjectSchemaLiteral, with properties keyed by variables or written by a dict comprehension too. */
export function isObjectSchemaWritten(syntax: LanguageSyntax, node: SyntaxNode | undefined): boolean {
  const schema = node ? syntax.entries(node) : undefined;
  const type = schema?.get('type');
  return Boolean(type && syntax.stringConstant(type) === 'object' && propertySchemas(syntax, schema?.get('properties'))?.length);
}
