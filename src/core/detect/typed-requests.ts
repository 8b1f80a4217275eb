/**
 * TypeScript: a request through the repository's own chat-model type. An application that wraps its
 * providers in classes of its own (`abstract class BaseLLM { abstract streamText(…) }`, `OpenAILLM` and
 * `OllamaLLM` sending the SDK requests) asks the model where it calls such a method on a value typed with
 * that class or interface: `llm.generateObject({…})` on a parameter `llm: BaseLLM`, `input.config.llm
 * .streamText(…)` on a parameter whose type alias holds `llm: BaseLLM`, `this.model.chat(…)` on a typed
 * field, `input.llm…` inside `execute: async (input) => …` of an object declared `: Widget`.
 *
 * This file only sees the declared type, not whether that type's implementations send requests: the
 * call is a candidate carrying its receiver's type (`receiverType`), and the repository pass
 * (src/core/repo/typed-requests.ts) keeps it only where some class of that type (the type itself or a
 * subclass/implementation) holds a request in the method called. Candidates are limited to method names
 * that ask a model for something (`generateText`, `streamObject`, `chat`, `complete`, …), so that the
 * repository's other typed objects (stores, clients of other services) never become candidates.
 */
import type { SyntaxNode } from './parser';
import { spanOf, type SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import type { DetectedCall, TypedReceiver } from './types';

/** Method names that ask a model for an answer. */
// `generate…`/`stream…` with any suffix (`generateCommitMessage`): the repository pass keeps only methods the type's
// implementations send a request in, so a wider name list adds candidates, never requests.
export const ASKS_MODEL = /^(generate|stream)([A-Z]\w*)?$|^(chat|chatCompletion|complete|completion|createCompletion|createChatCompletion|sendMessage|askModel|ask)$/;

/** The same names as called in source text (`.generateObject<T>(`, `.chat(`). */
const ASKS_MODEL_IN_TEXT = /\.(generate|stream|chat|complete|completion|createCompletion|createChatCompletion|sendMessage|askModel|ask)\w*\s*[<(]/;

const FUNCTIONS = new Set(['arrow_function', 'function_declaration', 'function_expression', 'function', 'method_definition', 'generator_function_declaration', 'generator_function']);

/** A module of this project rather than a package: relative, or one of the usual path aliases. */
export function isProjectModule(module: string): boolean {
  return /^(\.|@\/|~\/|#|src\/)/.test(module);
}

/** The type an annotation names, without generic arguments and `| null`: `BaseLLM<any>` → `BaseLLM`; undefined for anything else. */
export function typeNameOf(annotation: SyntaxNode | null | undefined): string | undefined {
  const text = annotation?.text
    .replace(/^\??:\s*/, '')
    .replace(/<[^]*>$/, '')
    .replace(/\s*\|\s*(null|undefined)\b/g, '')
    .trim();
  return text && /^[A-Za-z_$][\w$]*$/.test(text) ? text : undefined;
}

/**
 * The candidates of a TypeScript file. They are not the file's calls: the repository pass reveals the ones it
 * confirms (a file alone cannot tell a chat-model type from any other), so nothing else in detection or in the
 * repository's loops and uses counts an unconfirmed one as a request.
 */
export function findTypedRequests(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, sites: SiteRegistry, text: string): DetectedCall[] {
  // Most files call no such method: a look at the text spares walking every call node.
  if (syntax.language !== 'typescript' || !ASKS_MODEL_IN_TEXT.test(text)) return [];
  const out: DetectedCall[] = [];
  const declared = declaredTypes(root);
  const taken = new Set(sites.calls.map((c) => c.id));
  for (const node of collected.calls) {
    const fn = calledMember(node);
    if (!fn) continue;
    const method = fn.childForFieldName('property')?.text ?? '';
    if (!ASKS_MODEL.test(method)) continue;
    const span = spanOf(node);
    const id = `c${span.line}.${span.column}`;
    if (taken.has(id)) continue;
    const receiver = fn.childForFieldName('object');
    const typed = receiver ? receiverType(receiver) : undefined;
    if (!typed || !receiver) continue;
    const module = collected.imports.get(typed.type)?.split('#')[0];
    // A factory's result (`const engine = getEngine()`) is typed by the factory's declared return: an imported
    // or file-local function of the project, looked up by the repository pass.
    if (module ? !isProjectModule(module) : !declared.has(typed.type)) continue;
    const call: DetectedCall = {
      id,
      ...span,
      framework: 'repository',
      callee: fn.text.replace(/\s+/g, ''),
      modelRef: { kind: 'member', text: receiver.text.replace(/\s+/g, ''), line: span.line },
      promptIds: promptsInside(sites, node),
      tools: [],
      agent: false,
      rule: 'typed-receiver',
      inputPlaceholders: [],
      receiverType: { ...typed, method, ...(module ? { module } : {}) },
    };
    out.push(call);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

const MAX_CANDIDATES = 200;

/**
 * The member a call calls. `await llm.generate<T>(…)` parses as a call of the `await` expression (the grammar's
 * reading of a generic call after `await`): the member is inside it.
 */
function calledMember(call: SyntaxNode): SyntaxNode | undefined {
  let fn = call.childForFieldName('function');
  if (fn?.type === 'await_expression') fn = fn.namedChildren[0] ?? null;
  return fn?.type === 'member_expression' ? fn : undefined;
}

/** Types, interfaces and classes declared in this file (a receiver typed with one of them is the project's own). */
function declaredTypes(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const n of root.descendantsOfType(['type_alias_declaration', 'interface_declaration', 'class_declaration', 'abstract_class_declaration', 'function_declaration'])) {
    const name = n?.childForFieldName('name')?.text;
    if (name) out.add(name);
  }
  return out;
}

/** Prompts already found inside the call's arguments (messages written in place): what it sends. */
function promptsInside(sites: SiteRegistry, call: SyntaxNode): string[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  const out: string[] = [];
  for (const e of sites.prompts.values()) if (e.startIndex >= args.startIndex && e.endIndex <= args.endIndex) out.push(e.prompt.id);
  return out;
}

/**
 * The declared type of the receiver's head and the members read from it: `input.config.llm` with
 * `input: AgentInput` → `{ type: 'AgentInput', path: ['config', 'llm'] }`; `this.llm` → the class and
 * `['llm']`; a parameter typed only by the object it is a property of (`execute: async (input) => …` in
 * `const w: Widget = {…}`) → `{ type: 'Widget', path: ['execute#0', …] }`.
 */
export function receiverType(receiver: SyntaxNode): Omit<TypedReceiver, 'method' | 'module'> | undefined {
  const path: string[] = [];
  let n: SyntaxNode = receiver;
  for (let i = 0; i < 8 && n.type === 'member_expression'; i++) {
    const prop = n.childForFieldName('property');
    const obj = n.childForFieldName('object');
    if (!prop || !obj || prop.type !== 'property_identifier') return undefined;
    path.unshift(prop.text);
    n = obj;
  }
  if (n.type === 'this') {
    const cls = enclosingClass(n);
    return cls && path.length ? { type: cls, path } : undefined;
  }
  if (n.type !== 'identifier') return undefined;
  const head = declarationOf(n);
  return head ? { type: head.type, path: [...head.path, ...path], ...(head.factory ? { factory: true } : {}) } : undefined;
}

function enclosingClass(n: SyntaxNode): string | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'class_declaration' || p.type === 'abstract_class_declaration' || p.type === 'class') return p.childForFieldName('name')?.text;
  }
  return undefined;
}

/** The type of an identifier: a typed parameter or local of an enclosing function, or a parameter typed by its object's declared type. */
function declarationOf(id: SyntaxNode): { type: string; path: string[]; factory?: boolean } | undefined {
  for (let p = id.parent; p; p = p.parent) {
    if (!FUNCTIONS.has(p.type)) continue;
    const params = paramsOf(p);
    const index = params.findIndex((q) => paramName(q) === id.text);
    if (index >= 0) {
      const type = typeNameOf(params[index].childForFieldName('type'));
      if (type) return { type, path: [] };
      const holder = objectType(p);
      return holder ? { type: holder.type, path: [`${holder.key}#${index}`] } : undefined;
    }
    const local = typedLocal(p, id);
    if (local) return { type: local.type, path: [], ...(local.factory ? { factory: true } : {}) };
  }
  return undefined;
}

function paramsOf(fn: SyntaxNode): SyntaxNode[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single];
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'comment');
}

function paramName(param: SyntaxNode): string | undefined {
  if (param.type === 'identifier') return param.text;
  const pattern = param.childForFieldName('pattern');
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}

/**
 * `const x: T = …` in the function's own body, before the use; else `const x = factory(…)` (or `await factory(…)`):
 * the type is the factory's declared return, which the repository pass reads (`factory`).
 */
function typedLocal(fn: SyntaxNode, id: SyntaxNode): { type: string; factory?: boolean } | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  for (const d of body.descendantsOfType('variable_declarator')) {
    if (!d || d.startIndex > id.startIndex || d.childForFieldName('name')?.text !== id.text) continue;
    const type = typeNameOf(d.childForFieldName('type'));
    if (type) return { type };
    const factory = factoryName(d.childForFieldName('value'));
    if (factory) return { type: factory, factory: true };
  }
  return undefined;
}

/** The plain function a value calls: `getEngine()`, `await createClient(cfg)`; not a method or a constructor. */
function factoryName(value: SyntaxNode | null): string | undefined {
  const call = value?.type === 'await_expression' ? value.namedChildren[0] : value;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'identifier' ? callee.text : undefined;
}

/** A function written as a property of an object literal declared with a type: `const w: Widget = { execute: (input) => … }`. */
function objectType(fn: SyntaxNode): { type: string; key: string } | undefined {
  const pair = fn.type === 'method_definition' ? fn : fn.parent?.type === 'pair' ? fn.parent : undefined;
  const key = (pair?.type === 'pair' ? pair.childForFieldName('key') : pair?.childForFieldName('name'))?.text.replace(/['"]/g, '');
  const object = pair?.parent;
  if (!key || object?.type !== 'object') return undefined;
  const holder = object.parent;
  if (holder?.type === 'variable_declarator') {
    const type = typeNameOf(holder.childForFieldName('type'));
    return type ? { type, key } : undefined;
  }
  if (holder?.type === 'satisfies_expression' || holder?.type === 'as_expression') {
    const type = typeNameOf(holder.namedChildren[1]);
    return type ? { type, key } : undefined;
  }
  return undefined;
}
