/**
 * Repository facts of a TypeScript/JavaScript file (see facts.ts): imports and
 * exports, top-level constants, functions (arrow functions bound to constants
 * included) and class methods, class fields and `this.x = …`, calls and loops.
 */
import type { SyntaxNode } from '../detect/parser';
import { setterFacts } from './setter-facts';
import type { Collected } from '../detect/syntax';
import { PROVIDER_FACTORY } from '../detect/frameworks';
import type { CalleeFact, ClassFact, Expr, FileFacts, FunctionFact, ImportFact, LoopFact, ParamFact } from './facts';
import { addDestructuredLocals } from './destructure';
import { addInlineParamDefaults } from './inline-param-defaults';
import { keepsModel } from './model-flow';
import { runtimeReturns, testOnly } from './returns';
import { pickerReturns } from './env-pickers';
import { optionsVariableModel, postedModel } from './posted-payloads';
import { idTemplate } from './string-ops';
import { addParserTableDefaults } from './parser-tables';
import { isBranchCall, isGuardedCall } from './branch-calls';
import { tsLoopHead } from './ts-loop-heads';
import { bucket, CALL_DEPTH, LOCAL_DEPTH, callFactsOf, notRepositoryCallee, INPUT_KEYS, loopFacts, namesIn, ownStatements, type DetectedCallSpot, type FunctionBucket, type LanguageFacts } from './extract-shared';
import { annotatedClass, classHolders } from './ts-holders';
import { returnedObjectsOf, SENT_SCHEMA_KEYS, tsCondition } from './ts-conditions';
import { initializerObject } from './state-stores';
import { keyedReturnsOf } from './keyed-returns';
import { recursionOf } from './extract-recursion';
import { ifTestOf, routeSendsOf } from './route-sends-ts';
import { chatHooksOf } from './chat-hooks-ts';

const TS_NAMES = new Set(['identifier', 'shorthand_property_identifier']);

const MAX_DEPTH = 6;

const TS: LanguageFacts = {
  calleeFact,
  loopHead: (loop) => tsLoopHead(loop, expr),
  expr: (n, d) => expr(n, d),
  target(nameNode, moduleLevel) {
    // Module level or not, a declarator is a name and `this.x = …` an attribute.
    if (nameNode.type === 'identifier' && nameNode.parent?.type === 'variable_declarator') return { local: nameNode.text };
    // `let body; try { body = schema.parse(json) } …`: a later assignment of a declared name.
    if (!moduleLevel && nameNode.type === 'identifier' && nameNode.parent?.type === 'assignment_expression') return { local: nameNode.text };
    if (nameNode.type === 'member_expression' && nameNode.childForFieldName('object')?.type === 'this') return { self: nameNode.childForFieldName('property')?.text };
    return {};
  },
};

export function extractTypeScript(root: SyntaxNode, collected: Collected, detected: readonly DetectedCallSpot[]): FileFacts {
  const buckets: FunctionBucket[] = [];
  const add = (node: SyntaxNode, name: string, className?: string): void => {
    buckets.push({ node, name: className ? `${className}.${name}` : name, className, calls: [], loops: [], locals: {}, selfAttrs: {} });
  };
  for (const d of collected.declarations) {
    if (!d.isFunction) continue;
    const fn = unwrap(d.value);
    const holder = d.nameNode.parent;
    const cls = holder?.type === 'public_field_definition' ? holder.parent?.parent?.childForFieldName('name')?.text : undefined;
    add(fn, d.name, cls);
  }
  const classNodes = root.descendantsOfType(['class_declaration', 'class']).filter((c): c is SyntaxNode => Boolean(c));
  for (const c of classNodes) {
    const cls = c.childForFieldName('name')?.text;
    if (!cls) continue;
    for (const m of c.childForFieldName('body')?.namedChildren ?? []) {
      if (m?.type === 'method_definition') add(m, m.childForFieldName('name')?.text ?? '?', cls);
    }
  }
  const module = bucket(collected, buckets, TS);
  const stateDefaults = addDestructuredLocals(root, buckets, expr, LOCAL_DEPTH);
  addInlineParamDefaults(root, buckets, expr, LOCAL_DEPTH);
  addParserTableDefaults(collected, buckets, expr);
  // The declared return type (`getEngine(…): AiEngine`) says what a factory's callers hold (typed-requests.ts).
  const functions = buckets.map((b) => {
    const returnType = b.node.childForFieldName('return_type')?.text.replace(/^:\s*/, '');
    return returnType ? { ...functionFact(b), returnType } : functionFact(b);
  });
  const classes = classNodes.filter((c) => c.childForFieldName('name')).map((c) => classFact(c, buckets));
  const imports: ImportFact[] = [];
  const exports: string[] = [];
  const values: Record<string, Expr> = { ...module.moduleValues };
  for (const stmt of root.namedChildren) {
    if (!stmt) continue;
    if (stmt.type === 'import_statement') importFacts(stmt, imports);
    else if (stmt.type === 'export_statement') {
      const decl = stmt.childForFieldName('declaration');
      if (decl) {
        const name = decl.childForFieldName('name')?.text;
        if (name) exports.push(name);
        for (const d of decl.namedChildren) if (d?.type === 'variable_declarator' && d.childForFieldName('name')) exports.push(d.childForFieldName('name')!.text);
        continue;
      }
      const value = stmt.childForFieldName('value');
      if (value) values.default ??= expr(value, 0);
      const source = stmt.childForFieldName('source');
      const module = source ? stringValue(source) : undefined;
      for (const spec of stmt.descendantsOfType('export_specifier')) {
        const name = spec?.childForFieldName('name')?.text;
        const alias = spec?.childForFieldName('alias')?.text ?? name;
        if (alias) exports.push(alias);
        if (module && name && alias) imports.push({ local: alias, module, name, line: stmt.startPosition.row + 1 });
      }
    }
  }
  const calls = callFactsOf(detected, functions, modelArg);
  const routeSends = routeSendsOf(collected.calls, functions, expr);
  const chatHooks = chatHooksOf(collected.calls, functions, expr);
  return { imports, exports, values, functions, classes, moduleCalls: module.moduleCalls, moduleLoops: loopFacts(module.moduleLoops, [], TS), calls, ...(stateDefaults.length ? { stateDefaults } : {}), ...(routeSends.length ? { routeSends } : {}), ...(chatHooks.length ? { chatHooks } : {}) };
}

/**
 * `openai(PLANNER_MODEL)`, `anthropic.messages(MODEL)`: a provider factory of the Vercel AI SDK
 * takes the model id as its first argument; that argument is what to follow across files.
 */
function factoryArgument(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type !== 'call_expression') return undefined;
  if (!PROVIDER_FACTORY.test(value.childForFieldName('function')?.text ?? '')) return undefined;
  return value.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
}

function modelArg(call: SyntaxNode): { model?: Expr; modelImplied?: true; receiver?: string; inputs?: string[] } {
  const args = call.childForFieldName('arguments');
  let model: Expr | undefined;
  const inputs: string[] = [];
  for (const a of args?.namedChildren ?? []) {
    if (a && a.type !== 'object') namesIn(a, inputs, TS_NAMES, 'member_expression');
    if (a?.type !== 'object') continue;
    for (const p of a.namedChildren) {
      const key = p?.type === 'pair' ? (p.childForFieldName('key')?.text ?? '').replace(/['"]/g, '') : p?.type === 'shorthand_property_identifier' ? p.text : '';
      const value = p?.type === 'pair' ? p.childForFieldName('value') : p;
      if (value && (INPUT_KEYS.test(key) || SENT_SCHEMA_KEYS.test(key))) namesIn(value, inputs, TS_NAMES, 'member_expression');
      if (p?.type === 'pair' && /^['"]?(model|modelName|model_name|modelId)['"]?$/.test(p.childForFieldName('key')?.text ?? '')) {
        const v = p.childForFieldName('value');
        if (v) model = expr(factoryArgument(v) ?? v, 0);
      } else if (p?.type === 'shorthand_property_identifier' && /^(model|modelName|modelId)$/.test(p.text)) model = { k: 'name', v: p.text, line: p.startPosition.row + 1 };
    }
  }
  // `create({ ...body, stream: false })`: no model written, so the model is the spread object's (a proxy route passing on what its client sent).
  model ??= postedModel(call, expr);
  const implied = model ? undefined : (spreadModel(args) ?? optionsVariableModel(args));
  const fn = call.childForFieldName('function');
  const receiver = fn?.type === 'member_expression' ? fn.childForFieldName('object')?.text : undefined;
  return { model: model ?? implied, ...(implied ? { modelImplied: true as const } : {}), receiver, inputs };
}

/** The `model` of the last object spread into a request's options object (`{ ...(body as any), stream: false }`). */
function spreadModel(args: SyntaxNode | null): Expr | undefined {
  const options = args?.namedChildren.find((a) => a?.type === 'object');
  const spreads = options?.namedChildren.filter((p) => p?.type === 'spread_element' && p.namedChildren[0]) ?? [];
  const last = spreads[spreads.length - 1]?.namedChildren[0];
  return last ? { k: 'member', obj: expr(last, 1), prop: 'model', line: last.startPosition.row + 1 } : undefined;
}

function importFacts(node: SyntaxNode, out: ImportFact[]): void {
  const source = node.childForFieldName('source');
  const module = source ? stringValue(source) : undefined;
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  if (module === undefined || !clause) return;
  const line = node.startPosition.row + 1;
  for (const c of clause.namedChildren) {
    if (!c) continue;
    if (c.type === 'identifier') out.push({ local: c.text, module, name: 'default', line });
    else if (c.type === 'namespace_import') {
      const id = c.namedChildren.find((x) => x?.type === 'identifier');
      if (id) out.push({ local: id.text, module, line });
    } else if (c.type === 'named_imports') {
      for (const spec of c.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name')?.text;
        const local = spec.childForFieldName('alias')?.text ?? name;
        if (name && local) out.push({ local, module, name, line });
      }
    }
  }
}

function classFact(node: SyntaxNode, buckets: readonly FunctionBucket[]): ClassFact {
  const name = node.childForFieldName('name')?.text ?? '?';
  const heritage = node.namedChildren.find((c) => c?.type === 'class_heritage');
  const bases = (heritage?.descendantsOfType('extends_clause') ?? []).map((e) => e?.childForFieldName('value')?.text ?? '').filter(Boolean);
  const attrs: Record<string, { expr: Expr; fn?: string }> = {};
  for (const m of node.childForFieldName('body')?.namedChildren ?? []) {
    if (m?.type !== 'public_field_definition') continue;
    const n = m.childForFieldName('name')?.text;
    const v = m.childForFieldName('value');
    if (n && v) attrs[n] = { expr: expr(v, 0) };
  }
  for (const b of buckets) {
    if (b.className !== name) continue;
    for (const [attr, value] of Object.entries(b.selfAttrs)) if (!(attr in attrs)) attrs[attr] = { expr: value, fn: b.name };
  }
  // Typed fields and constructor parameter properties (ts-holders.ts).
  const holders = classHolders(node.childForFieldName('body'), expr);
  for (const [attr, value] of Object.entries(holders.attrs)) if (!(attr in attrs)) attrs[attr] = value;
  const attrTypes = Object.keys(holders.attrTypes).length ? { attrTypes: holders.attrTypes } : {};
  return { name, line: node.startPosition.row + 1, bases, attrs, ...setterFacts(name, buckets), ...attrTypes };
}

const RETURNS = new Set(['return_statement']);
const MAX_RETURN_LINES = 60;

function functionFact(b: FunctionBucket): FunctionFact {
  const fn = b.node;
  const params: ParamFact[] = [];
  let index = 0;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || (p.type !== 'required_parameter' && p.type !== 'optional_parameter')) continue;
    const pattern = p.childForFieldName('pattern');
    const value = p.childForFieldName('value');
    const type = annotatedClass(p.childForFieldName('type'));
    if (pattern?.type === 'identifier') params.push({ name: pattern.text, ...(value ? { default: expr(value, 0) } : {}), ...(type ? { type } : {}) });
    else if (pattern?.type === 'object_pattern') {
      for (const e of pattern.namedChildren) {
        if (e?.type === 'shorthand_property_identifier_pattern') params.push({ name: e.text, fromObject: index });
        else if (e?.type === 'object_assignment_pattern') {
          const left = e.childForFieldName('left')?.text;
          const right = e.childForFieldName('right');
          if (left) params.push({ name: left, fromObject: index, ...(right ? { default: expr(right, 0) } : {}) });
        }
      }
    }
    index++;
  }
  const single = fn.childForFieldName('parameter');
  if (single?.type === 'identifier') params.push({ name: single.text });
  const line = fn.startPosition.row + 1;
  const endLine = fn.endPosition.row + 1;
  const body = fn.childForFieldName('body');
  let returns: Expr | undefined;
  let moreReturns: Expr[] = [];
  let returnGuards: (string[] | null)[] | undefined;
  if (body && body.type !== 'statement_block') returns = expr(body, 0);
  else if (body) {
    // A long function's returns are kept only when it has one (`return await initChatModel(name, {…})` after the checks).
    const all = ownStatements(body, RETURNS);
    const picker = pickerReturns(all.filter((r) => r.namedChildren[0] && !testOnly(r)), b.locals);
    const own = picker?.returns ?? runtimeReturns(all);
    if (picker || endLine - line <= MAX_RETURN_LINES || own.length === 1) [returns, ...moreReturns] = own.map((r) => expr(r.namedChildren[0]!, 0));
    if (picker) returnGuards = picker.guards;
  }
  const recursion = recursionOf(fn, b.name, params, expr);
  const returnedObjects = body?.type === 'statement_block' && !returns ? returnedObjectsOf(ownStatements(body, RETURNS), expr) : [];
  const keyedReturns = keyedReturnsOf(fn, expr);
  return { name: b.name, line, endLine, params, returns, ...(moreReturns.length ? { moreReturns } : {}), ...(returnGuards ? { returnGuards } : {}), ...(returnedObjects.length ? { returnedObjects } : {}), ...(keyedReturns ? { keyedReturns } : {}), locals: b.locals, calls: b.calls.map((c) => c.fact), loops: loopFacts(b.loops, b.calls, TS), ...(recursion ? { recursion } : {}) };
}

function calleeFact(call: SyntaxNode): CalleeFact | undefined {
  const fn = call.childForFieldName('function') ?? call.childForFieldName('constructor');
  const callee = (fn?.text ?? '').replace(/\s+/g, '');
  if (notRepositoryCallee(callee)) return undefined;
  const branch = isBranchCall(call);
  const test = branch || isGuardedCall(call) ? ifTestOf(call, expr) : undefined;
  return { callee, expr: expr(call, CALL_DEPTH), line: call.startPosition.row + 1, ...(branch ? { branch: true } : {}), ...(test ? { test } : {}) };
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (/^(parenthesized_expression|await_expression|as_expression|satisfies_expression|non_null_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

function stringValue(node: SyntaxNode): string | undefined {
  if (node.type === 'string') return node.namedChildren.filter((c) => c?.type === 'string_fragment' || c?.type === 'escape_sequence').map((c) => c!.text).join('');
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution')) return node.text.slice(1, -1);
  return undefined;
}

/** Items of an array literal kept: option lists are short; longer arrays are data. */
const MAX_LIST = 40;

export function expr(raw: SyntaxNode, depth: number): Expr {
  const node = unwrap(raw);
  const line = node.startPosition.row + 1;
  const unknown = (): Expr => ({ k: 'unknown', text: node.endIndex - node.startIndex <= 80 ? node.text : '', line });
  if (depth > MAX_DEPTH) return unknown();
  switch (node.type) {
    case 'string':
    case 'template_string': {
      const v = stringValue(node);
      return v === undefined ? (idTemplate(node, line, (n) => expr(n, depth + 1)) ?? unknown()) : { k: 'str', v, line };
    }
    case 'number': {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { k: 'num', v, line } : unknown();
    }
    case 'identifier':
    case 'this':
      return { k: 'name', v: node.text, line };
    case 'member_expression': {
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName('property')?.text;
      if (!obj || !prop) return unknown();
      if (/^(process\.env|import\.meta\.env)$/.test(obj.text)) return { k: 'env', name: prop, line };
      return { k: 'member', obj: expr(obj, depth + 1), prop, line };
    }
    case 'subscript_expression': {
      const obj = node.childForFieldName('object');
      const index = node.childForFieldName('index');
      const key = index ? (stringValue(index) ?? (index.type === 'number' && /^\d+$/.test(index.text) ? index.text : undefined)) : undefined;
      if (obj && index && key === undefined && !/^(string|template_string|number)$/.test(index.type) && !/^(process\.env|import\.meta\.env)$/.test(obj.text)) return { k: 'lookup', obj: expr(obj, depth + 1), key: expr(index, depth + 1), line };
      if (!obj || key === undefined) return unknown();
      if (/^(process\.env|import\.meta\.env)$/.test(obj.text)) return { k: 'env', name: key, line };
      return { k: 'index', obj: expr(obj, depth + 1), key, line };
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if ((op === '??' || op === '||') && l && r) {
        const left = expr(l, depth + 1);
        const right = expr(r, depth + 1);
        return left.k === 'env' && !left.def ? { ...left, def: right } : { k: 'or', left, right, line };
      }
      return unknown();
    }
    case 'ternary_expression': {
      const a = node.childForFieldName('consequence');
      const b = node.childForFieldName('alternative');
      const c = node.childForFieldName('condition');
      const test = c ? tsCondition(c, depth + 1, expr) : undefined;
      return a && b ? { k: 'or', left: expr(a, depth + 1), right: expr(b, depth + 1), line, ...(test ? { test } : {}) } : unknown();
    }
    case 'object': {
      const entries: Record<string, Expr> = {};
      const spreads: Expr[] = [];
      for (const p of node.namedChildren.slice(0, 200)) { // 200: an alias table (`customProvider`'s languageModels) may map 150 names
        if (p?.type === 'pair') {
          const keyNode = p.childForFieldName('key');
          const key = keyNode ? (stringValue(keyNode) ?? keyNode.text) : undefined;
          const value = p.childForFieldName('value');
          if (key && value) entries[key] = expr(value, depth + 1);
        } else if (p?.type === 'shorthand_property_identifier') entries[p.text] = { k: 'name', v: p.text, line: p.startPosition.row + 1 };
        else if (p?.type === 'spread_element' && p.namedChildren[0] && spreads.length < 8) spreads.push(expr(p.namedChildren[0], depth + 1));
      }
      return { k: 'dict', entries, line, ...(spreads.length ? { spreads } : {}) };
    }
    case 'array': {
      const items = node.namedChildren.filter((c) => c && c.type !== 'comment' && c.type !== 'spread_element').slice(0, MAX_LIST);
      return { k: 'list', items: items.map((c) => expr(c!, depth + 1)), line };
    }
    case 'call_expression':
    case 'new_expression':
      return callExpr(node, depth, line);
    default:
      return unknown();
  }
}

function callExpr(node: SyntaxNode, depth: number, line: number): Expr {
  const fn = node.childForFieldName('function') ?? node.childForFieldName('constructor');
  const text = (fn?.text ?? '').replace(/\s+/g, '');
  const args: Expr[] = [];
  const kw: Record<string, Expr> = {};
  for (const a of node.childForFieldName('arguments')?.namedChildren.slice(0, 12) ?? []) {
    if (!a || a.type === 'comment' || a.type === 'spread_element') continue;
    // A state store's initializer (`create((set) => ({ model: "x" }))`): the object it returns (state-stores.ts).
    const e = initializerObject(text, a, depth, expr) ?? expr(a, depth + 1);
    args.push(e);
    if (e.k === 'dict' && args.length === 1) Object.assign(kw, e.entries);
  }
  if (/(^|\.)(readFileSync|readFile)$/.test(text) && args[0]) return { k: 'read', path: args[0], line };
  if (/^(path\.)?(join|resolve)$/.test(text) || text === 'URL') return { k: 'path', parts: args, line };
  // A chain of model wrappers (`model.withStructuredOutput(S).withRetry(…)`) costs no depth: the model is at its root.
  // `with_config` keeps its config: the recursion limit a graph is run under (graph-limits.ts).
  const receiver = fn?.type === 'member_expression' ? fn.childForFieldName('object') : undefined;
  if (receiver && keepsModel(text)) return { k: 'call', callee: { k: 'member', obj: expr(receiver, depth), prop: text.slice(text.lastIndexOf('.') + 1), line }, text, ...(/\.(with_config|withConfig)$/.test(text) ? { args, kw } : { args: [], kw: {} }), line };
  return { k: 'call', callee: fn ? expr(fn, depth + 1) : { k: 'unknown', text: '', line }, text, args, kw, line };
}
