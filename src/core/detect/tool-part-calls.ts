/**
 * A tool's description or input schema given by calling a function instead of being written in place:
 * `tool({ description: getSearchToolDescription(), inputSchema: getSearchSchemaForModel(model), execute })`,
 * `server.registerTool(name, { description: describeTool(skills), inputSchema })`, a schema field's
 * `.describe(getSearchTypeDescription())`. The SDK sends whatever the call returns as the tool's definition, so
 * the texts the function returns (each branch: the text often depends on the environment) are tool descriptions,
 * and the schemas a picker returns (`useStrict ? strictSchema : schema`) are sent with every request.
 *
 * And a zod schema nested by name in a sent schema (`todos: z.array(todoItemSchema)`): its JSON schema is part of
 * the outer one, so its `.describe("…")` texts are sent too.
 *
 * In the file: the function (or the nested schema) declared here is read in place. Across files: each call of an
 * imported function at such a place is a fact (`ToolPartCallFact`) that repo/tool-part-texts.ts follows to the
 * module that writes the function. A description key counts only in a tool object (one with an input schema or an
 * `execute`): `toast({ title, description: t("…") })` describes nothing to a model.
 */
import type { ToolPartCallFact } from '../repo/prompt-facts';
import type { SyntaxNode } from './parser';
import { returnedTexts } from './returned-parts';
import type { Collected, LanguageSyntax } from './syntax';

/** Keys of a tool object whose value is the input schema. */
const SCHEMA_PLACE_KEYS = ['inputSchema', 'parameters', 'schema', 'input_schema', 'argsSchema'];
const DESCRIPTION_KEY = /^(description|toolDescription)$/;
const FUNCTION = /^(function_declaration|function_expression|arrow_function|function|generator_function_declaration)$/;
/** Schemas a picker may return, nested schemas followed per sent schema, facts per file. */
const MAX_PICKED = 6;
const MAX_NESTED = 12;
const MAX_FACTS = 60;

/** `f(…)` / `await f(…)`: the call of a plain function name (a method is not followed here). */
export function plainCall(node: SyntaxNode | undefined): { call: SyntaxNode; name: SyntaxNode } | undefined {
  let n = node;
  while (n && (n.type === 'await_expression' || n.type === 'parenthesized_expression') && n.namedChildren[0]) n = n.namedChildren[0];
  if (n?.type !== 'call_expression') return undefined;
  const callee = n.childForFieldName('function');
  return callee?.type === 'identifier' ? { call: n, name: callee } : undefined;
}

/** The function of this file a plain call calls; undefined for an imported or unknown name. */
function localFunction(syntax: LanguageSyntax, node: SyntaxNode | undefined): SyntaxNode | undefined {
  const called = plainCall(node);
  if (!called) return undefined;
  const fn = syntax.resolve(called.name);
  return fn.id !== called.name.id && FUNCTION.test(fn.type) ? fn : undefined;
}

/** The written texts returned by the function of this file that `node` calls (`description: toolDescription()`). */
export function calledTexts(syntax: LanguageSyntax, node: SyntaxNode | undefined): SyntaxNode[] {
  const fn = localFunction(syntax, node);
  return fn ? returnedTexts(syntax, fn) : [];
}

/** A tool object: a description beside an input schema or an `execute`. */
export function isToolObject(entries: ReadonlyMap<string, SyntaxNode>): boolean {
  return [...entries.keys()].some((k) => DESCRIPTION_KEY.test(k)) && (entries.has('execute') || SCHEMA_PLACE_KEYS.some((k) => entries.has(k)));
}

/** The description value of a tool object when it is a call (in place or imported). */
export function calledDescription(entries: ReadonlyMap<string, SyntaxNode>): SyntaxNode | undefined {
  if (!isToolObject(entries)) return undefined;
  const value = [...entries].find(([k]) => DESCRIPTION_KEY.test(k))?.[1];
  return plainCall(value) ? value : undefined;
}

/**
 * The values a schema place stands for when it calls a picker of this file (`inputSchema: schemaFor(model)`): what
 * the picker returns, both branches of a returned choice. Empty when the place is no such call.
 */
export function pickedSchemas(syntax: LanguageSyntax, place: SyntaxNode): SyntaxNode[] {
  const fn = localFunction(syntax, place);
  if (!fn) return [];
  const out: SyntaxNode[] = [];
  for (const returned of syntax.returns(fn).slice(0, MAX_PICKED)) {
    if (returned.type === 'ternary_expression') {
      for (const side of [returned.childForFieldName('consequence'), returned.childForFieldName('alternative')]) if (side) out.push(side);
    } else out.push(returned);
  }
  return out;
}

/**
 * The zod schemas of this file a schema names inside it (`z.array(todoItemSchema)`, `{ item: itemSchema }`), and
 * theirs in turn: each is sent as part of the outer schema. The outer schema itself is not in the list.
 */
export function nestedSchemas(syntax: LanguageSyntax, schema: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const seen = new Set([schema.id]);
  const queue = [schema];
  while (queue.length && out.length < MAX_NESTED) {
    const at = queue.shift()!;
    for (const id of at.descendantsOfType('identifier').slice(0, 200)) {
      if (!id || isCalleeOrMember(id)) continue;
      const target = syntax.resolve(id);
      if (target.id === id.id || seen.has(target.id) || !isZodValue(target)) continue;
      seen.add(target.id);
      out.push(target);
      queue.push(target);
    }
  }
  return out;
}

/** `z` in `z.string()`, `.describe`: a callee or a property, not a value the schema holds. */
function isCalleeOrMember(id: SyntaxNode): boolean {
  const parent = id.parent;
  return parent?.type === 'member_expression' && parent.childForFieldName('object')?.id === id.id;
}

function isZodValue(node: SyntaxNode): boolean {
  return node.type === 'call_expression' && /^z\s*\./.test(node.text);
}

/**
 * Calls of imported functions at a tool's description, at a tool's schema place, and in `.describe(…)` of a
 * module-level zod schema: the repository pass reads what the function returns where it is written.
 */
export function toolPartCalls(syntax: LanguageSyntax, collected: Collected): ToolPartCallFact[] {
  const out: ToolPartCallFact[] = [];
  if (syntax.language !== 'typescript' || !collected.imports.size) return out;
  for (const call of collected.calls) {
    if (out.length >= MAX_FACTS) break;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'identifier' || !collected.imports.has(callee.text)) continue;
    let holder = call.parent;
    if (holder?.type === 'await_expression') holder = holder.parent;
    const line = call.startPosition.row + 1;
    if (holder?.type === 'pair') {
      const key = holder.childForFieldName('key')?.text.replace(/['"]/g, '') ?? '';
      const entries = holder.parent ? syntax.entries(holder.parent) : undefined;
      if (!entries || !isToolObject(entries)) continue;
      if (DESCRIPTION_KEY.test(key)) out.push({ fn: callee.text, line, as: 'description' });
      else if (SCHEMA_PLACE_KEYS.includes(key)) out.push({ fn: callee.text, line, as: 'schema' });
    } else if (holder?.type === 'arguments') {
      const describe = holder.parent;
      if (describe?.type !== 'call_expression' || !/^z\s*\.[\s\S]*\.describe$/.test(syntax.callee(describe))) continue;
      const schema = moduleDeclarator(describe);
      if (schema) out.push({ fn: callee.text, line, as: 'describe', schema });
    }
  }
  return out;
}

/** The name of the module-level `const X = …` a node is written in. */
function moduleDeclarator(node: SyntaxNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'variable_declarator') {
      const decl = n.parent;
      const stmt = decl?.parent?.type === 'export_statement' ? decl.parent : decl;
      const name = n.childForFieldName('name');
      return stmt?.parent?.type === 'program' && name?.type === 'identifier' ? name.text : undefined;
    }
    if (FUNCTION.test(n.type) || n.type === 'method_definition') return undefined;
  }
  return undefined;
}
