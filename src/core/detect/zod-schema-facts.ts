/**
 * zod schemas sent as structured output or tools, wherever the schema is declared. LangChain JS turns
 * `model.withStructuredOutput(Schema)` and `model.bindTools([{ name, description, schema: Schema }])` into a
 * function definition, and the AI SDK does the same with `generateObject({ schema })` / `tool({ parameters })`:
 * each `.describe("…")` text of the schema is read by the model with every request.
 *
 * In this file: a schema named at such a place and declared here has its descriptions registered as
 * tool-description prompts (a list of tools in an array, or the schema as the first argument, which the
 * object-literal rule of zod-prompts.ts does not see). Across files: an imported schema named there is a
 * use, and each module-level zod schema with descriptions is a schema another file may send; the
 * repository pass (repo/schema-prompts.ts) joins the two, as it does for Python's pydantic classes.
 *
 * A zod schema nothing sends (form validation, an env parser) is not a prompt: only a use reveals it.
 */
import type { SchemaFact, SchemaSenderFact, SchemaUseFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import { spanOf, type SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { literalLength, render, type TextValue } from './text';
import { calledTexts, nestedSchemas, pickedSchemas } from './tool-part-calls';
import { objectPlaces, senderArguments, senderOf, unwrapConverted, type SchemaPlace } from './schema-hops-ts';
import { describedText } from './zod-prompts';

/** Methods whose first argument is a schema or a list of tools. */
const SCHEMA_METHOD = /(^|\.)(withStructuredOutput|bindTools|with_structured_output|bind_tools)$/;
/** Keys of a tool or request object whose value is a schema. */
const SCHEMA_KEYS = ['schema', 'parameters', 'inputSchema', 'input_schema', 'outputSchema', 'argsSchema'];
/** Longest schema text kept. */
const MAX_SCHEMA_CHARS = 6000;

export interface ZodSchemaFacts {
  readonly uses: SchemaUseFact[];
  readonly schemas: SchemaFact[];
  /** Functions whose parameter reaches a request's schema place (schema-hops-ts.ts); their callers send the schema. */
  readonly senders: SchemaSenderFact[];
}

export function findZodSchemaFacts(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, sites: SiteRegistry): ZodSchemaFacts {
  const out: ZodSchemaFacts = { uses: [], schemas: [], senders: [] };
  if (syntax.language !== 'typescript') return out;
  const read = (call: SyntaxNode, places: readonly SchemaPlace[], via?: string): void => {
    const imported: string[] = [];
    // `inputSchema: schemaFor(model)` with the picker written here stands for each schema it returns (tool-part-calls.ts).
    for (const place of places.flatMap(({ node }) => (pickedSchemas(syntax, node).length ? pickedSchemas(syntax, node) : [node]))) {
      if (place.type === 'identifier' && collected.imports.has(place.text)) {
        if (!imported.includes(place.text)) imported.push(place.text);
        continue;
      }
      const schema = syntax.resolve(place);
      if (!isZod(schema)) continue;
      // Schemas of this file nested by name (`z.array(todoItemSchema)`) are sent inside this one.
      for (const arg of [schema, ...nestedSchemas(syntax, schema)].flatMap((s) => describedTexts(syntax, s))) sites.addPrompt(arg, syntax.text(arg), 'tool-description', CONFIDENCE.tool, via ? `schema description passed to ${via}(), whose parameter reaches the request's schema` : `schema description sent with ${syntax.callee(call).split('.').pop()}`);
    }
    if (imported.length) out.uses.push({ names: imported, line: call.startPosition.row + 1, endLine: call.endPosition.row + 1, ...enclosing(call) });
  };
  for (const call of collected.calls) {
    const places = schemaPlaces(syntax, call);
    if (!places.length) continue;
    read(call, places);
    for (const place of places) {
      const sender = senderOf(place);
      if (sender && !out.senders.some((s) => s.fn === sender.fn && s.param === sender.param)) out.senders.push(sender);
    }
  }
  // One function removed: the schemas this file's calls hand to its own senders (other files' calls: repo/schema-senders.ts).
  for (const call of collected.calls) {
    const places = senderArguments(syntax, [call], out.senders);
    if (places.length) read(call, places, syntax.callee(call).split('.').pop());
  }
  for (const decl of root.text.includes('.describe') ? moduleDeclarations(root) : []) {
    const name = decl.childForFieldName('name');
    const value = decl.childForFieldName('value');
    if (name?.type !== 'identifier' || !value || !isZod(value)) continue;
    const texts = describedTexts(syntax, value).map((n) => render(syntax.text(n)).text);
    if (!texts.length) continue;
    const holder = decl.parent ?? decl;
    out.schemas.push({ name: name.text, ...spanOf(holder), text: [name.text, ...texts].join('\n').slice(0, MAX_SCHEMA_CHARS) });
  }
  return out;
}

/**
 * The nodes a call puts where a schema goes: the first argument of `withStructuredOutput`, the tools of `bindTools`,
 * `schema:` keys of its object arguments and of their response-format objects, converters unwrapped.
 */
function schemaPlaces(syntax: LanguageSyntax, call: SyntaxNode): SchemaPlace[] {
  const args = syntax.args(call);
  const places: SchemaPlace[] = [];
  const method = SCHEMA_METHOD.test(syntax.callee(call));
  if (method) {
    const first = args.positional[0];
    const items = first?.type === 'array' ? (syntax.items(first) ?? []) : first ? [first] : [];
    for (const item of items.slice(0, 30)) {
      if (item.type === 'object') places.push(...objectPlaces(syntax, item, SCHEMA_KEYS, true));
      else places.push({ node: unwrapConverted(syntax, item), request: true });
    }
  }
  for (const a of args.positional.slice(0, 3)) places.push(...objectPlaces(syntax, a, SCHEMA_KEYS, method));
  return places;
}

/** A zod chain: `z.object({…}).describe("…")`, `z.array(…)`. */
function isZod(node: SyntaxNode): boolean {
  return node.type === 'call_expression' && /^z\s*\./.test(node.text);
}

/** The literal texts of the schema's `.describe("…")` calls that read as prose. */
function describedTexts(syntax: LanguageSyntax, schema: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const call of schema.descendantsOfType('call_expression').slice(0, 400)) {
    if (!call || !/\.describe$/.test(syntax.callee(call)) || !/^z\./.test(syntax.callee(call))) continue;
    const arg = syntax.args(call).positional[0];
    const described = arg ? describedText(syntax, arg) : undefined;
    if (described && prose(syntax.text(described))) out.push(described);
    // `.describe(typeDescription())` with the function written here: the texts it returns.
    else if (arg) out.push(...calledTexts(syntax, arg));
  }
  return out;
}

function prose(text: TextValue): boolean {
  return literalLength(text) >= 8 && text.parts.some((p) => typeof p === 'string' && /\S\s+\S/.test(p));
}

/** `const X = …` / `export const X = …` at the top of the module. */
function moduleDeclarations(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const stmt of root.namedChildren) {
    const decl = stmt?.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
    if (decl?.type !== 'lexical_declaration' && decl?.type !== 'variable_declaration') continue;
    for (const d of decl.namedChildren) if (d?.type === 'variable_declarator') out.push(d);
  }
  return out;
}

/** The declared function a use is written in (`Class.method` for methods), and the variable the configured model goes to. */
function enclosing(call: SyntaxNode): { fn?: string; target?: string } {
  let target: string | undefined;
  for (let n = call.parent; n; n = n.parent) {
    if (!target && n.type === 'variable_declarator' && n.childForFieldName('name')?.type === 'identifier') target = n.childForFieldName('name')!.text;
    if (!target && n.type === 'assignment_expression' && n.childForFieldName('left')?.type === 'identifier') target = n.childForFieldName('left')!.text;
    const fn = functionName(n);
    if (fn) return { fn, ...(target ? { target } : {}) };
  }
  return target ? { target } : {};
}

function functionName(n: SyntaxNode): string | undefined {
  if (n.type === 'function_declaration' || n.type === 'generator_function_declaration') return n.childForFieldName('name')?.text;
  if (n.type === 'method_definition') {
    const cls = n.parent?.parent?.childForFieldName('name')?.text;
    const name = n.childForFieldName('name')?.text;
    return name ? (cls ? `${cls}.${name}` : name) : undefined;
  }
  if ((n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function') && n.parent?.type === 'variable_declarator') return n.parent.childForFieldName('name')?.text;
  return undefined;
}
