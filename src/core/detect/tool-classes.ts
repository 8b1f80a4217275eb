/**
 * Tool classes whose class attributes become the tool schema sent with each request (Python). A base class of
 * the repository builds the schema from attributes of the tool:
 *
 *     def to_param(self):
 *         return {"type": "function", "function": {"name": self.name, "description": self.description, "parameters": self.parameters}}
 *
 * (or a function that takes the tool class, `def get_tool_function(tool: Type[Tool])` with `"description":
 * tool.arg_description` inside the `parameters` schema), and each subclass, in whatever file, sets those
 * attributes: `description: str = "Executes Python code…"`, `parameters: dict = {"type": "object", "properties": …}`.
 * The texts the builder reads are sent to the model with every request that offers the tool, whatever the
 * attributes are called; the other attributes of the class (a label for the UI, an icon) are not.
 *
 * Detection records two facts per file (it cannot see the other files): the builders (which class, which
 * attributes go into a description and which into a schema) and the candidate attributes of every class that
 * has a base (their prose texts and the property descriptions of their JSON-schema dicts, as prompts ready to
 * report). repo/tool-classes.ts joins them through the class hierarchy across files.
 */
import type { DetectedPrompt } from './types';
import type { FileFacts, ToolClassFact, ToolSchemaBuilderFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import { isObjectSchemaLiteral, toolSchemaPropertyDescriptions } from './json-schema-prompts';
import { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { literalLength } from './text';

/** Keys of a tool definition that hold its JSON schema (`parameters` of OpenAI functions, `input_schema` of Anthropic tools). */
const SCHEMA_KEYS = new Set(['parameters', 'input_schema', 'inputSchema']);
/** A dict holding one of these keys (or inside one that does) is a tool definition. */
const TOOL_KEYS = new Set([...SCHEMA_KEYS, 'function']);
/** Shortest attribute text kept: descriptions are sentences, not ids. */
const MIN_TEXT = 12;
/** Attributes recorded per class, and prompts per attribute (a schema's property descriptions). */
const MAX_ATTRS = 30;
const MAX_PROMPTS = 80;
/** How far up from a `"description": x.attr` pair a tool key is looked for (pair, dict, pair, dict …). */
const MAX_UP = 10;

export interface ToolClassFacts {
  readonly builders: ToolSchemaBuilderFact[];
  readonly classes: ToolClassFact[];
}

/** The file's facts with its tool schema builders and candidate class attributes added (when it has any). */
export function withToolClassFacts(facts: FileFacts, syntax: LanguageSyntax, collected: Collected): FileFacts {
  const found = findToolClassFacts(syntax, collected);
  if (!found.builders.length && !found.classes.length) return facts;
  return { ...facts, ...(found.builders.length ? { toolSchemaBuilders: found.builders } : {}), ...(found.classes.length ? { toolClasses: found.classes } : {}) };
}

export function findToolClassFacts(syntax: LanguageSyntax, collected: Collected): ToolClassFacts {
  if (syntax.language !== 'python') return { builders: [], classes: [] };
  return { builders: findBuilders(collected), classes: findCandidates(syntax, collected) };
}

/** Dicts of a tool definition that read the description or the schema from an attribute of a tool class. */
function findBuilders(collected: Collected): ToolSchemaBuilderFact[] {
  const byClass = new Map<string, { described: Set<string>; schemas: Set<string>; line: number }>();
  for (const dict of collected.containers) {
    if (dict.type !== 'dictionary') continue;
    for (const pair of dict.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = stringKey(pair.childForFieldName('key'));
      const value = pair.childForFieldName('value');
      const isDescription = key === 'description';
      if (!key || (!isDescription && !SCHEMA_KEYS.has(key)) || value?.type !== 'attribute') continue;
      const obj = value.childForFieldName('object');
      const attr = value.childForFieldName('attribute')?.text;
      if (obj?.type !== 'identifier' || !attr || !inToolDefinition(dict)) continue;
      const cls = classOf(obj);
      if (!cls) continue;
      const entry = byClass.get(cls) ?? { described: new Set<string>(), schemas: new Set<string>(), line: pair.startPosition.row + 1 };
      (isDescription ? entry.described : entry.schemas).add(attr);
      byClass.set(cls, entry);
    }
  }
  return [...byClass].map(([cls, e]) => ({ cls, described: [...e.described], schemas: [...e.schemas], line: e.line }));
}

function stringKey(node: SyntaxNode | null | undefined): string | undefined {
  return node?.type === 'string' ? node.text.replace(/^[rbuf]*['"]{1,3}|['"]{1,3}$/gi, '') : undefined;
}

/** The dict, or a dict it is nested in, has a tool key (`parameters`, `function`): the schema of a tool, not a record for a UI. */
function inToolDefinition(dict: SyntaxNode): boolean {
  let n: SyntaxNode | null = dict;
  for (let up = 0; n && up < MAX_UP; up++, n = n.parent) {
    if (n.type !== 'dictionary') continue;
    for (const pair of n.namedChildren) if (pair?.type === 'pair' && TOOL_KEYS.has(stringKey(pair.childForFieldName('key')) ?? '')) return true;
  }
  return false;
}

/**
 * The class whose attributes `obj.attr` reads: `self`/`cls` in a method, the enclosing class; a parameter
 * annotated with a class (`tool: Type[Tool]`, `tool: "BaseTool"`), that class by the name written.
 */
function classOf(obj: SyntaxNode): string | undefined {
  let fn: SyntaxNode | null = obj.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return undefined;
  const name = obj.text;
  if (name === 'self' || name === 'cls') {
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const cls = holder.parent?.type === 'block' ? holder.parent.parent : undefined;
    return cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
  }
  const guarded = reflectedClass(fn, name);
  if (guarded) return guarded;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || !/typed(_default)?_parameter/.test(p.type)) continue;
    const pName = p.type === 'typed_parameter' ? p.namedChildren.find((c) => c?.type === 'identifier')?.text : p.childForFieldName('name')?.text;
    if (pName !== name) continue;
    const type = p.childForFieldName('type')?.text ?? '';
    // `Type[Tool]`, `type[Tool]`, `Optional[Type["Tool"]]`, `"Tool"`: the innermost class name.
    const m = /([A-Za-z_][\w]*)\W*$/.exec(type.replace(/\]+\s*$/, '').replace(/['"]/g, ''));
    return m && /^[A-Z]/.test(m[1]) ? m[1] : undefined;
  }
  return undefined;
}

/** How many statements of a function are searched for the guard that names a reflected tool class. */
const MAX_GUARD_NODES = 400;

/**
 * Tools found by reflection: the builder reads an instance of a class the function only knows by its base.
 * `tool = obj()` where the function tests `issubclass(obj, BaseTool)` (classes listed by `inspect.getmembers`
 * of modules imported by name), a value tested with `isinstance(tool, BaseTool)`, or a loop over
 * `BaseTool.__subclasses__()`: every subclass of that base sends its attributes, so the base is the class.
 */
function reflectedClass(fn: SyntaxNode, name: string): string | undefined {
  // `tool = obj()` / `tool = obj(config)`: the instance of the class held by `obj`.
  const names = new Set([name]);
  const nodes = fn.descendantsOfType(['assignment', 'call', 'for_statement']).slice(0, MAX_GUARD_NODES);
  for (const n of nodes) {
    if (n?.type !== 'assignment' || n.childForFieldName('left')?.text !== name) continue;
    const right = n.childForFieldName('right');
    const callee = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    if (callee?.type === 'identifier') names.add(callee.text);
  }
  for (const n of nodes) {
    if (!n) continue;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function')?.text;
      const args = n.childForFieldName('arguments')?.namedChildren ?? [];
      if ((callee !== 'issubclass' && callee !== 'isinstance') || args.length !== 2 || !names.has(args[0]?.text ?? '')) continue;
      const base = args[1]?.type === 'identifier' || args[1]?.type === 'attribute' ? args[1].text.split('.').pop() : undefined;
      if (base && /^[A-Z]/.test(base)) return base;
    } else {
      // `for tool_cls in BaseTool.__subclasses__():`
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left?.type !== 'identifier' || !names.has(left.text) || right?.type !== 'call') continue;
      const m = /^([A-Z]\w*)\.__subclasses__$/.exec(right.childForFieldName('function')?.text ?? '');
      if (m) return m[1];
    }
  }
  return undefined;
}

/** Class-level attributes of classes with a base: prose texts, and JSON-schema dicts by their property descriptions. */
function findCandidates(syntax: LanguageSyntax, collected: Collected): ToolClassFact[] {
  const byClass = new Map<SyntaxNode, { name: string; bases: string[]; attrs: Record<string, DetectedPrompt[]> }>();
  const classes: SyntaxNode[] = [];
  for (const d of collected.declarations) {
    if (d.isFunction) continue;
    const cls = classHolding(d.nameNode);
    const name = cls?.childForFieldName('name')?.text;
    if (!cls || !name) continue;
    let entry = byClass.get(cls);
    if (!entry) {
      const bases = baseNames(cls);
      if (!bases.length) continue;
      entry = { name, bases, attrs: {} };
      byClass.set(cls, entry);
      classes.push(cls);
    }
    if (Object.keys(entry.attrs).length >= MAX_ATTRS || entry.attrs[d.name]) continue;
    const prompts = attributePrompts(syntax, d.value, `${name}.${d.name}`);
    if (prompts.length) entry.attrs[d.name] = prompts;
  }
  // `self.parameters = self._build_parameters()` in a method: the schema the builder method returns first.
  for (const node of collected.assigned ?? []) {
    const built = builtAttribute(syntax, node);
    if (!built) continue;
    let entry = byClass.get(built.cls);
    if (!entry) {
      const bases = baseNames(built.cls);
      const name = built.cls.childForFieldName('name')?.text;
      if (!bases.length || !name) continue;
      entry = { name, bases, attrs: {} };
      byClass.set(built.cls, entry);
      classes.push(built.cls);
    }
    if (entry.attrs[built.attr] || Object.keys(entry.attrs).length >= MAX_ATTRS) continue;
    const prompts = attributePrompts(syntax, built.value, `${entry.name}.${built.attr}`);
    if (prompts.length) entry.attrs[built.attr] = prompts;
  }
  return classes.map((c) => byClass.get(c)!).filter((e) => Object.keys(e.attrs).length).map((e) => ({ name: e.name, bases: e.bases, attrs: e.attrs }));
}

/** The prompts an attribute's value would send as part of a tool: its text, or its schema's property descriptions. */
function attributePrompts(syntax: LanguageSyntax, value: SyntaxNode, attr: string): DetectedPrompt[] {
  const target = syntax.resolve(value);
  const sites = new SiteRegistry(MAX_PROMPTS);
  const reader = new PromptReader(syntax, sites);
  if (syntax.isTextLiteral(target)) {
    const text = syntax.text(target);
    if (literalLength(text) < MIN_TEXT || !text.parts.some((p) => typeof p === 'string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(p))) return [];
    reader.promptsFrom(value, 'tool-description', CONFIDENCE.tool, `${attr}, read into the tool schema sent with each request`);
  } else if (target.type === 'dictionary' && isObjectSchemaLiteral(syntax, target)) {
    toolSchemaPropertyDescriptions(syntax, new Map([['parameters', target]]), reader);
    for (const entry of sites.prompts.values()) entry.prompt.reason = `parameter description in ${attr}, the tool schema sent with each request`;
  }
  return [...sites.prompts.values()].map((e) => ({ ...e.prompt }));
}

function baseNames(cls: SyntaxNode): string[] {
  return (cls.childForFieldName('superclasses')?.namedChildren ?? []).filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'keyword_argument').map((c) => c.text);
}

/**
 * `self.<attr> = self.<method>()` in a method of a class: the first value that method of the same class returns
 * (its first return: the default path, as returns are read everywhere else).
 */
function builtAttribute(syntax: LanguageSyntax, node: SyntaxNode): { cls: SyntaxNode; attr: string; value: SyntaxNode } | undefined {
  if (node.type !== 'assignment') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self' || right?.type !== 'call') return undefined;
  const callee = right.childForFieldName('function');
  if (callee?.type !== 'attribute' || callee.childForFieldName('object')?.text !== 'self') return undefined;
  const method = callee.childForFieldName('attribute')?.text;
  const attr = left.childForFieldName('attribute')?.text;
  let cls: SyntaxNode | null = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  if (!cls || !method || !attr) return undefined;
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type !== 'function_definition' || def.childForFieldName('name')?.text !== method) continue;
    const value = syntax.returns(def)[0];
    return value ? { cls, attr, value } : undefined;
  }
  return undefined;
}

/** The class whose body assigns this name directly (not inside a method). */
function classHolding(name: SyntaxNode): SyntaxNode | undefined {
  if (name.parent?.type !== 'assignment' || name.parent.childForFieldName('left')?.id !== name.id) return undefined;
  const block = name.parent.parent?.parent;
  const cls = block?.type === 'block' ? block.parent : undefined;
  return cls?.type === 'class_definition' ? cls : undefined;
}
