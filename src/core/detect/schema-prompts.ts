/**
 * Schemas sent with a request: a pydantic / TypedDict class handed to `with_structured_output(Model)`,
 * `bind_tools([Model, …])`, `response_format=Model`, `output_type=Model`, `args_schema=Model`… is turned
 * into a tool or JSON-schema definition whose text (the class docstring, field names and
 * `Field(description=…)`) the model reads with every request. Such a class is a tool-description prompt.
 *
 * A class only becomes a prompt by that use: a settings model with described fields is not sent anywhere.
 * Classes of this file used in this file are registered here; every use and every class that could be
 * a schema go into the file's facts so that the repository pass finds schemas used from another file.
 */
import type { SchemaFact, SchemaUseFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import { spanOf, type SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { literal, render } from './text';

/** Methods whose first argument is a schema (or a list of tools that may hold schemas). */
export const SCHEMA_METHOD = /(^|\.)(with_structured_output|withStructuredOutput|bind_tools|bindTools|as_structured_llm|structured_predict|astructured_predict)$/;
/** Keyword arguments that send a schema with the request. */
export const SCHEMA_KEYWORDS = ['response_format', 'response_schema', 'response_json_schema', 'response_model', 'output_type', 'result_type', 'text_format', 'output_schema', 'args_schema', 'output_pydantic', 'output_cls', 'tools'];
/**
 * Keywords whose value is a request's configuration object, itself holding the schema: Gemini's
 * `config={"response_schema": Model}` / `generation_config={…}` (a dict; a `GenerateContentConfig(response_schema=…)`
 * call is a call of its own and read as one).
 */
const CONFIG_KEYWORDS = ['config', 'generation_config', 'generate_content_config', 'model_kwargs', 'extra_body'];
/** Class attributes that hold a schema the class's framework sends (not `tools`: a class's tool list is not one schema). */
const CLASS_SCHEMA_ATTRS = new Set(SCHEMA_KEYWORDS.filter((k) => k !== 'tools'));
/** Bases of classes that may be sent as a schema from another file (kept in the facts). */
const SCHEMA_BASE = /\b(BaseModel|TypedDict|Schema|BaseTool|LanceModel|Document)\b/;
/** Longest schema text kept (a schema longer than this is priced on its first part). */
const MAX_SCHEMA_CHARS = 6000;

export interface SchemaFacts {
  readonly uses: SchemaUseFact[];
  readonly schemas: SchemaFact[];
}

export function findSchemaPrompts(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, sites: SiteRegistry): SchemaFacts {
  const out: SchemaFacts = { uses: [], schemas: [] };
  if (syntax.language !== 'python') return out;
  let classes: Map<string, SyntaxNode> | undefined;
  const classesOf = (): Map<string, SyntaxNode> => (classes ??= classDefinitions(root));
  for (const call of collected.calls) {
    const names = schemaNames(syntax, call);
    if (!names.length) continue;
    const callee = syntax.callee(call);
    const line = call.startPosition.row + 1;
    out.uses.push({ names, line, endLine: call.endPosition.row + 1, ...enclosing(call) });
    for (const name of names) {
      const cls = classesOf().get(name);
      const text = cls ? schemaText(syntax, cls) : undefined;
      if (cls && text) sites.addPrompt(cls, literal(text), 'tool-description', CONFIDENCE.tool, `schema ${name} sent with ${callee.split('.').pop()}`);
    }
  }
  // `args_schema: Type[SearchInput] = SearchInput` in a tool class body: the tool framework sends the class as the tool's schema.
  for (const use of classAttributeUses(collected)) {
    out.uses.push({ names: [use.name], line: use.line, endLine: use.line });
    const cls = classesOf().get(use.name);
    const text = cls ? schemaText(syntax, cls) : undefined;
    if (cls && text) sites.addPrompt(cls, literal(text), 'tool-description', CONFIDENCE.tool, `schema ${use.name} set as ${use.attr} of a tool class`);
  }
  // A class that writes its own tool definition: `"description": cls.__doc__` beside the fields' JSON schema.
  for (const [name, cls] of classes ?? topLevelClasses(root)) {
    if (!describesItselfAsTool(cls)) continue;
    const text = schemaText(syntax, cls);
    if (text) sites.addPrompt(cls, literal(text), 'tool-description', CONFIDENCE.tool, `${name} builds its tool definition from its docstring and fields`);
  }
  // Classes another file can import are the module's own (no second walk of the whole tree).
  for (const [name, cls] of classes ?? topLevelClasses(root)) {
    if (!SCHEMA_BASE.test(cls.childForFieldName('superclasses')?.text ?? '')) continue;
    const text = schemaText(syntax, cls);
    if (text) out.schemas.push({ name, ...spanOf(cls), text });
  }
  return out;
}

/**
 * Class attributes that name the schema a framework sends for the class (`args_schema = Model` on a LangChain /
 * CrewAI style tool class, `response_format = Model`): the value must be a class name, so `args_schema: Type[BaseModel] = None`
 * on the base class and `response_format = "json"` on a settings class are not uses.
 */
function classAttributeUses(collected: Collected): { name: string; attr: string; line: number }[] {
  const out: { name: string; attr: string; line: number }[] = [];
  for (const node of collected.assigned ?? []) {
    if (node.type !== 'assignment' || node.parent?.parent?.parent?.type !== 'class_definition') continue;
    const attr = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (attr?.type !== 'identifier' || !CLASS_SCHEMA_ATTRS.has(attr.text) || right?.type !== 'identifier' || !/^[A-Z]/.test(right.text)) continue;
    out.push({ name: right.text, attr: attr.text, line: node.startPosition.row + 1 });
  }
  return out;
}

/** Identifiers of classes (or tools) passed where a schema goes; lists are read through one variable. */
function schemaNames(syntax: LanguageSyntax, call: SyntaxNode): string[] {
  const callee = syntax.callee(call);
  const args = syntax.args(call);
  const values: SyntaxNode[] = [];
  if (SCHEMA_METHOD.test(callee)) {
    const first = args.positional[0] ?? args.named.get('schema') ?? args.named.get('tools') ?? args.named.get('output_cls');
    if (first) values.push(first);
  }
  for (const key of SCHEMA_KEYWORDS) {
    const v = args.named.get(key);
    if (v && !(key === 'response_model' && isHttpRoute(syntax, call))) values.push(v);
  }
  // The schema inside a config dict handed to the request (written in place or bound to a local first).
  for (const key of CONFIG_KEYWORDS) {
    const config = args.named.get(key);
    const entries = config ? syntax.entries(config) : undefined;
    for (const k of SCHEMA_KEYWORDS) {
      const v = k === 'tools' ? undefined : entries?.get(k);
      if (v) values.push(v);
    }
  }
  const names: string[] = [];
  for (const v of values) {
    const items = [...(syntax.items(v) ?? [v]), ...appendedItems(v)];
    for (const item of items.slice(0, 30)) {
      const name = schemaClassName(syntax, item);
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** HTTP route verbs of FastAPI / Starlette-style routers (`@app.get(…)`, `@router.post(…)`, `app.add_api_route(…)`). */
const HTTP_ROUTE = /(^|\.)(get|post|put|patch|delete|head|options|trace|api_route|websocket|add_api_route|add_api_websocket_route)$/;

/**
 * FastAPI's `@app.get("/user", response_model=UserOut)`: the model the HTTP response is serialised with, shown to the
 * API's clients, never sent to a language model (Instructor's `create(response_model=…)` and Mirascope's
 * `@llm.call(…, response_model=…)` are not routes).
 */
function isHttpRoute(syntax: LanguageSyntax, call: SyntaxNode): boolean {
  return HTTP_ROUTE.test(syntax.callee(call));
}

/**
 * The class a schema place names: `Model`, `list[Model]` / `Optional[Model]` (the class inside), or a local bound to
 * the class first (`schema = Model` … `response_format=schema`). A local bound to anything else (a dict, a
 * parameter, a string) names no class.
 */
function schemaClassName(syntax: LanguageSyntax, item: SyntaxNode): string | undefined {
  if (item.type === 'subscript') {
    const inner = item.namedChildren.find((c) => c?.type === 'identifier' && /^[A-Z]/.test(c.text) && c.id !== item.namedChildren[0]?.id);
    return inner?.text;
  }
  if (item.type !== 'identifier') return undefined;
  if (/^[A-Z]/.test(item.text)) return item.text;
  const bound = syntax.resolve(item);
  // The binding must be the use's own function's (`schema = Model` there), not a name of another function.
  if (bound.id === item.id || (bound.type !== 'class_definition' && functionOf(bound) !== functionOf(item))) return undefined;
  if (bound.type === 'class_definition') return bound.childForFieldName('name')?.text;
  return bound.type === 'identifier' && /^[A-Z]/.test(bound.text) ? bound.text : undefined;
}

/** The function a use is written in (`Class.method` for methods) and the variable the configured model goes to. */
export function enclosing(call: SyntaxNode): { fn?: string; target?: string } {
  let target: string | undefined;
  let fn: string | undefined;
  for (let n = call.parent; n; n = n.parent) {
    if (!target && n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'identifier' || left?.type === 'attribute') target = left.text;
    }
    if (n.type === 'function_definition') {
      const name = n.childForFieldName('name')?.text;
      const holder = n.parent?.type === 'decorated_definition' ? n.parent : n;
      const cls = holder.parent?.type === 'block' && holder.parent.parent?.type === 'class_definition' ? holder.parent.parent.childForFieldName('name')?.text : undefined;
      fn = name ? (cls ? `${cls}.${name}` : name) : undefined;
      break;
    }
    if (n.type === 'class_definition') break;
  }
  return { ...(fn ? { fn } : {}), ...(target ? { target } : {}) };
}

/**
 * `def openai_schema(cls): … {"description": cls.__doc__, "parameters": {"properties": cls.model_json_schema()…}}`: a
 * (pydantic) class whose own method turns its docstring and fields into the tool definition a request sends
 * (shell_gpt's function modules). A docstring read for a help text (`description = cmd.__doc__`) has no schema beside it.
 */
function describesItselfAsTool(cls: SyntaxNode): boolean {
  const body = cls.childForFieldName('body');
  if (!body) return false;
  const text = body.text;
  return /["']description["']\s*:\s*(cls|self|self\.__class__)\.__doc__/.test(text) && /\b(cls|self)\.(model_json_schema|schema)\(\)/.test(text);
}

function topLevelClasses(root: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const stmt of root.namedChildren) {
    const cls = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
    if (cls && name && !out.has(name)) out.set(name, cls);
  }
  return out;
}

function classDefinitions(root: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const cls of root.descendantsOfType('class_definition')) {
    const name = cls?.childForFieldName('name')?.text;
    if (cls && name && !out.has(name)) out.set(name, cls);
  }
  return out;
}

/**
 * What the model reads of a schema class: its name, docstring and fields with their descriptions.
 * Undefined for a class with no docstring and no described field (nothing but names: no prompt text).
 */
export function schemaText(syntax: LanguageSyntax, cls: SyntaxNode): string | undefined {
  const name = cls.childForFieldName('name')?.text ?? '';
  const body = cls.childForFieldName('body');
  if (!body) return undefined;
  const doc = syntax.docstring(cls);
  const docText = doc ? syntax.stringConstant(doc)?.trim() : undefined;
  const fields: string[] = [];
  let described = false;
  for (const stmt of body.namedChildren.slice(0, 80)) {
    const assign = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== 'assignment') continue;
    const left = assign.childForFieldName('left');
    if (left?.type !== 'identifier' || left.text.startsWith('_') || left.text === 'model_config') continue;
    const type = assign.childForFieldName('type')?.text;
    const right = assign.childForFieldName('right');
    const field = right?.type === 'call' && /(^|\.)Field$/.test(syntax.callee(right)) ? right : annotatedField(syntax, assign.childForFieldName('type'));
    const description = field ? syntax.args(field).named.get('description') : undefined;
    // An f-string description is sent with its values filled in: its text, placeholders for the values.
    const d = description ? (syntax.stringConstant(description) ?? (syntax.isTextLiteral(description) ? render(syntax.text(description)).text : undefined)) : undefined;
    if (d) described = true;
    if (type || d) fields.push(`${left.text}${type ? `: ${type}` : ''}${d ? ` — ${d}` : ''}`);
  }
  if (!docText && !described) return undefined;
  const text = [name, docText, ...fields].filter(Boolean).join('\n');
  return text.length > MAX_SCHEMA_CHARS ? text.slice(0, MAX_SCHEMA_CHARS) : text;
}

/**
 * `query: Annotated[str, Field(description="…")]`: pydantic reads the `Field` among the annotation's metadata as it
 * reads one assigned, so the description is in the schema either way. Only a `Field` call counts: a bare string in
 * the metadata is no part of a pydantic schema.
 */
function annotatedField(syntax: LanguageSyntax, type: SyntaxNode | null): SyntaxNode | undefined {
  const sub = type?.type === 'type' ? type.namedChildren[0] : type;
  // tree-sitter-python writes `Annotated[…]` in an annotation as a generic type or as a subscript, by version.
  if (!sub || !/^(typing\.)?Annotated\s*\[/.test(sub.text)) return undefined;
  for (const call of sub.descendantsOfType('call').slice(0, 8)) {
    if (call && /(^|\.)Field$/.test(syntax.callee(call))) return call;
  }
  return undefined;
}

/** The id of the function a node is written in (undefined at module level). */
function functionOf(node: SyntaxNode): number | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n.id;
  return undefined;
}

/**
 * `tools = [A, B]` then `if messages: tools.append(Ignore)` (or `.extend([…])`, `.insert(i, X)`) before
 * `bind_tools(tools)`: a class added to the list in the use's own function is sent on the path that adds it.
 */
function appendedItems(list: SyntaxNode): SyntaxNode[] {
  const scope = functionNode(list);
  if (list.type !== 'identifier' || !scope) return [];
  const out: SyntaxNode[] = [];
  for (const call of scope.descendantsOfType('call').slice(0, 400)) {
    const fn = call?.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (!call || !method || !/^(append|extend|insert)$/.test(method) || fn?.childForFieldName('object')?.text !== list.text) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => Boolean(a)) ?? [];
    const added = method === 'insert' ? args.slice(1, 2) : args.slice(0, 1);
    for (const a of added) out.push(...(a.type === 'list' ? a.namedChildren.filter((c): c is SyntaxNode => Boolean(c)) : [a]));
  }
  return out.slice(0, 30);
}

function functionNode(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}
