/**
 * Where a TypeScript schema reaches a request when it is not the value of a schema key itself:
 *
 * - inside a response-format object (`responseFormat: { type: "json_schema", name, schema: … }`,
 *   `response_format: zodResponseFormat(Schema, "answer")`, `text: { format: zodTextFormat(Schema, "x") }`,
 *   Instructor's `response_model: { schema: Schema, name: "Note" }`);
 * - through a converter (`zodToJsonSchema(Schema)`, `z.toJSONSchema(Schema)`, `z.json().parse(…)` around it):
 *   the JSON schema keeps every `.describe("…")` text;
 * - one function removed: a helper `generateStructured(generate, name, schema, …)` whose parameter reaches such a
 *   place makes each of its calls (`generateStructured(gen, "Act", ActSchema, …)`) send the schema it is given.
 *
 * A parameter counts only where the place is a request's: under a structured-output method, under a response
 * format key, or in an object that also carries the messages or the prompt. A helper that hands its schema to a
 * validator or a form (`ajv.compile({ schema })`) sends nothing.
 */
import type { SchemaSenderFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/**
 * Keys of a request that hold the response format, itself holding the schema. `response_model: { schema, name,
 * description }` is Instructor's (instructor-js `chat.completions.create`, zod-stream `withResponseModel`: the schema
 * becomes `z.toJSONSchema(schema)` in the response format, tool or function of every mode, descriptions kept).
 */
const FORMAT_KEY = /^(responseFormat|response_format|text|format|output|jsonSchema|json_schema|response_model)$/;
/** Keys whose value may be the schema itself or a converter of it (`response_format: zodResponseFormat(S, "x")`). */
export const FORMAT_VALUE_KEYS = ['responseFormat', 'response_format', 'format'];
/** Calls that turn a zod schema into what is sent, keeping its descriptions; the schema is their first argument. */
const CONVERTER = /(^|\.)(zodToJsonSchema|toJSONSchema|zodResponseFormat|zodTextFormat|zodFunction|parse)$/;
/** Keys of a request object beside the schema: the place is a request's. */
const REQUEST_KEY = /^(messages|prompt|system|systemPrompt|system_prompt|input|contents|instructions)$/;
/** How deep response-format objects are followed. */
const MAX_DEPTH = 3;

export interface SchemaPlace {
  readonly node: SyntaxNode;
  /** The place is known to be a request's (see the file comment); a parameter there makes its function a sender. */
  readonly request: boolean;
}

/** The schema a converter chain wraps: `z.json().parse(z.toJSONSchema(S))` → `S`; any other node as it is. */
export function unwrapConverted(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (current.type !== 'call_expression' || !CONVERTER.test(syntax.callee(current).replace(/\s+/g, ''))) return current;
    const first = syntax.args(current).positional[0];
    if (!first) return current;
    current = first;
  }
  return current;
}

/**
 * The schema places of an object argument: its schema keys (`keys`), and the same keys inside its response-format
 * objects. `request` says whether the object (or the call) is a request's.
 */
export function objectPlaces(syntax: LanguageSyntax, node: SyntaxNode, keys: readonly string[], request: boolean, depth = 0): SchemaPlace[] {
  if (node.type !== 'object' || depth > MAX_DEPTH) return [];
  const entries = syntax.entries(node);
  if (!entries) return [];
  const here = request || [...entries.keys()].some((k) => REQUEST_KEY.test(k));
  const out: SchemaPlace[] = [];
  for (const key of keys) {
    const v = entries.get(key);
    if (v) out.push({ node: unwrapConverted(syntax, v), request: here || depth > 0 });
  }
  for (const [key, v] of entries) {
    if (!FORMAT_KEY.test(key)) continue;
    if (v.type === 'object') out.push(...objectPlaces(syntax, v, keys, true, depth + 1));
    else if (FORMAT_VALUE_KEYS.includes(key)) out.push({ node: unwrapConverted(syntax, v), request: true });
  }
  return out;
}

/** The function declaration a node is written in, and its name as its callers write it. */
function enclosingDeclaration(node: SyntaxNode): { def: SyntaxNode; name: string } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_declaration' || n.type === 'method_definition') {
      const name = n.childForFieldName('name')?.text;
      return name ? { def: n, name } : undefined;
    }
    if ((n.type === 'arrow_function' || n.type === 'function_expression') && n.parent?.type === 'variable_declarator') {
      const name = n.parent.childForFieldName('name')?.text;
      return name ? { def: n, name } : undefined;
    }
    if (n.type === 'class_declaration' || n.type === 'program') return undefined;
  }
  return undefined;
}

/** The position of a plain parameter (`schema`, `schema: T`, `schema?: T`); undefined for other names or destructured ones. */
function parameterIndex(def: SyntaxNode, name: string): number | undefined {
  const params = (def.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is SyntaxNode => p?.type === 'required_parameter' || p?.type === 'optional_parameter');
  const at = params.findIndex((p) => p.childForFieldName('pattern')?.text === name);
  return at >= 0 ? at : undefined;
}

/** A parameter at a request's schema place makes its function a schema sender (by name and position, as callers pass it). */
export function senderOf(place: SchemaPlace): SchemaSenderFact | undefined {
  if (!place.request || place.node.type !== 'identifier') return undefined;
  const owner = enclosingDeclaration(place.node);
  const param = owner ? parameterIndex(owner.def, place.node.text) : undefined;
  return owner && param !== undefined ? { fn: owner.name, param, line: owner.def.startPosition.row + 1 } : undefined;
}

/** The arguments the file's own calls give its senders: each is a schema sent (callee by its last name, `this.ask(…)` too). */
export function senderArguments(syntax: LanguageSyntax, calls: readonly SyntaxNode[], senders: readonly SchemaSenderFact[]): SchemaPlace[] {
  if (!senders.length) return [];
  const out: SchemaPlace[] = [];
  for (const call of calls) {
    const last = syntax.callee(call).split('.').pop() ?? '';
    for (const s of senders) {
      if (s.fn !== last) continue;
      const arg = syntax.args(call).positional[s.param];
      if (arg) out.push({ node: unwrapConverted(syntax, arg), request: true });
    }
  }
  return out;
}
