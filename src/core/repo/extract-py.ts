/**
 * Repository facts of a Python file (see facts.ts), read from its syntax tree in one
 * walk over the top-level statements, classes and function bodies. Cheap on purpose:
 * no resolution happens here, only plain expressions are recorded.
 */
import { idTemplate } from './string-ops';
import type { SyntaxNode } from '../detect/parser';
import { setterFacts } from './setter-facts';
import { lateImports, paramFallbacks } from './param-fallbacks';
import { addUnpackedLocals, addWithAliases } from './py-locals';
import { forwardedKwargsModel } from './forwarded-kwargs';
import { addSetattrLoops } from './py-setattr-attrs';
import { pipedModel } from './py-pipes';
import { pyNoneTest } from './none-tests';
import type { Collected } from '../detect/syntax';
import type { BranchTest, CalleeFact, ClassFact, Expr, FileFacts, FunctionFact, ImportFact, LoopFact } from './facts';
import { pythonParams } from './py-params';
import { comparisonsOf, loopHead, raiseGuards } from './extract-py-loops';
import { isBranchCall } from './branch-calls';
import { bucket, CALL_DEPTH, callFactsOf, LOCAL_DEPTH, notRepositoryCallee, INPUT_KEYS, loopFacts, namesIn, ownStatements, type DetectedCallSpot, type FunctionBucket, type LanguageFacts } from './extract-shared';
import { keepsModel } from './model-flow';
import { builtStateReturn, runtimeReturns } from './returns';
import { recursionOf } from './extract-recursion';
import { exitTestsOf } from './extract-exits';
import { dispatchTables, tableCalls } from './dispatch-tables';
import { branchTestsOf } from './branch-tests-py';
import { modelFieldSets, selfAttributeReads } from './py-body-facts';
import { loopFlagExits, stepEffectsOf, withFlagExits } from './extract-py-flags';
import { keyedPairs, lookupKey } from './keyed-tables';

const MAX_DEPTH = 6;
const RETURNS = new Set(['return_statement']);
/** Helpers that return a value are short: longer functions are not read for what they return. */
const MAX_RETURN_LINES = 60;
const PY_NAMES = new Set(['identifier']);

const PYTHON: LanguageFacts = {
  moreLocals: true,
  branchTests: (node, fnNode) => branchTestsOf(node, fnNode, (n) => expr(n, 0)),
  calleeFact,
  loopHead: (loop) => withFlagExits(loopHead(loop, expr), loopFlagExits(loop)),
  expr: (n, d) => expr(n, d),
  target(nameNode, moduleLevel) {
    const type = nameNode.type;
    if (type === 'identifier') {
      const parent = nameNode.parent;
      if (parent?.type !== 'assignment') return {};
      if (!moduleLevel) return { local: nameNode.text };
      // Class-level fields are the class's attributes (classFact), not names of the module.
      const container = parent.parent?.parent;
      return container?.type === 'block' && container.parent?.type === 'class_definition' ? {} : { local: nameNode.text };
    }
    if (type === 'attribute' && !moduleLevel && nameNode.childForFieldName('object')?.text === 'self') return { self: nameNode.childForFieldName('attribute')?.text };
    return {};
  },
};

export function extractPython(root: SyntaxNode, collected: Collected, detected: readonly DetectedCallSpot[]): FileFacts {
  const buckets: FunctionBucket[] = [];
  for (const d of collected.declarations) {
    if (!d.isFunction) continue;
    const def = d.value.type === 'decorated_definition' ? d.value.childForFieldName('definition') : d.value;
    if (def?.type !== 'function_definition') continue;
    const holder = d.value.parent;
    const cls = holder?.type === 'block' && holder.parent?.type === 'class_definition' ? holder.parent.childForFieldName('name')?.text : undefined;
    buckets.push({ node: def, name: cls ? `${cls}.${d.name}` : d.name, className: cls, calls: [], loops: [], locals: {}, selfAttrs: {} });
  }
  const module = bucket(collected, buckets, PYTHON);
  addWithAliases(root, buckets, expr, LOCAL_DEPTH);
  const moduleTables = dispatchTables(root, expr);
  const functions = buckets.map((b) => functionFact(b, moduleTables));
  const imports: ImportFact[] = [];
  const values: Record<string, Expr> = { ...module.moduleValues };
  addUnpackedLocals(root, buckets, expr, LOCAL_DEPTH, values);
  addSetattrLoops(root, buckets, expr, LOCAL_DEPTH);
  const classes: ClassFact[] = [];
  const visitBlock = (block: SyntaxNode, depth: number): void => {
    if (depth > 4) return;
    for (const stmt of block.namedChildren) {
      if (!stmt) continue;
      const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      if (def?.type === 'class_definition') classes.push(classFact(def, buckets));
      else if (stmt.type === 'import_from_statement' || stmt.type === 'import_statement') importFacts(stmt, imports);
      else if (stmt.type === 'if_statement' || stmt.type === 'try_statement' || stmt.type === 'with_statement') {
        for (const a of stmt.type === 'with_statement' ? stmt.descendantsOfType('as_pattern') : []) {
          const alias = a?.childForFieldName('alias') ?? a?.namedChildren[1];
          const id = alias?.type === 'identifier' ? alias : alias?.namedChildren.find((x) => x?.type === 'identifier');
          if (a?.namedChildren[0] && id && !(id.text in values)) values[id.text] = expr(a.namedChildren[0], 0);
        }
        for (const c of stmt.namedChildren) {
          if (!c) continue;
          if (c.type === 'block') visitBlock(c, depth + 1);
          else if (c.type.endsWith('clause')) {
            const inner = c.namedChildren.find((x) => x?.type === 'block');
            if (inner) visitBlock(inner, depth + 1);
          }
        }
      }
    }
  };
  visitBlock(root, 0);
  const calls = callFactsOf(detected, functions, (n) => modelArg(n));
  const late = lateImports(collected.imports, imports);
  const contextVars = contextVarsOf(root);
  return { imports, ...(late.length ? { lateImports: late } : {}), values, ...(contextVars ? { contextVars } : {}), functions, classes, moduleCalls: module.moduleCalls, moduleLoops: loopFacts(module.moduleLoops, [], PYTHON), calls };
}

/** `SESSION: ContextVar[SessionContext] = ContextVar("…")` at module level: the name and the type its `.get()` returns. */
function contextVarsOf(root: SyntaxNode): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const stmt of root.namedChildren) {
    const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    const name = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const held = /^(?:contextvars\.)?ContextVar\[\s*["']?([\w.]+)["']?\s*\]$/.exec(a?.childForFieldName('type')?.text ?? '');
    if (name?.type === 'identifier' && held) (out ??= {})[name.text] = held[1];
  }
  return out;
}

/** The model a detected call passes: its `model=` keyword (or equivalent). */
function modelArg(call: SyntaxNode): { model?: Expr; receiver?: string; inputs?: string[]; when?: BranchTest[] } {
  const args = call.childForFieldName('arguments');
  let model: Expr | undefined;
  const inputs: string[] = [];
  for (const a of args?.namedChildren ?? []) {
    if (a && a.type !== 'keyword_argument' && a.type !== 'comment') namesIn(a, inputs, PY_NAMES, 'attribute');
    if (a?.type !== 'keyword_argument') continue;
    const name = a.childForFieldName('name')?.text ?? '';
    const value = a.childForFieldName('value');
    if (value && INPUT_KEYS.test(name)) namesIn(value, inputs, PY_NAMES, 'attribute');
    if (value && /^(model|model_name|modelName|model_id|deployment_name|azure_deployment)$/.test(name)) model = expr(value, 0);
  }
  model ??= forwardedKwargsModel(call);
  const fn = call.childForFieldName('function');
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object')?.text : undefined;
  const when = branchTestsOf(call, undefined, (n) => expr(n, 0));
  return { model, receiver, inputs, ...(when ? { when } : {}) };
}

function importFacts(node: SyntaxNode, out: ImportFact[]): void {
  const line = node.startPosition.row + 1;
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name')?.text;
    if (!module) return;
    for (const c of node.childrenForFieldName('name')) {
      if (!c) continue;
      if (c.type === 'aliased_import') {
        const alias = c.childForFieldName('alias')?.text;
        const name = c.childForFieldName('name')?.text;
        if (alias && name) out.push({ local: alias, module, name, line });
      } else out.push({ local: c.text, module, name: c.text, line });
    }
    // `from .engine import *`: every public name of the module (the evaluator looks there last).
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) out.push({ local: '*', module, name: '*', line });
    return;
  }
  for (const c of node.childrenForFieldName('name')) {
    if (!c) continue;
    if (c.type === 'aliased_import') {
      const alias = c.childForFieldName('alias')?.text;
      const name = c.childForFieldName('name')?.text;
      if (alias && name) out.push({ local: alias, module: name, line });
    } else out.push({ local: c.text.split('.')[0], module: c.text.split('.')[0], line });
  }
}

function classFact(node: SyntaxNode, buckets: readonly FunctionBucket[]): ClassFact {
  const name = node.childForFieldName('name')?.text ?? '?';
  const bases = (node.childForFieldName('superclasses')?.namedChildren ?? []).filter((c) => c && c.type !== 'keyword_argument').map((c) => c!.text);
  const attrs: Record<string, { expr: Expr; fn?: string }> = {};
  const attrTypes: Record<string, string> = {};
  for (const stmt of node.childForFieldName('body')?.namedChildren ?? []) {
    const assign = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== 'assignment') continue;
    const left = assign.childForFieldName('left');
    const right = assign.childForFieldName('right');
    const type = assign.childForFieldName('type')?.text;
    if (left?.type === 'identifier' && type) attrTypes[left.text] = type;
    if (left?.type === 'identifier' && right) attrs[left.text] = { expr: expr(right, 0) };
  }
  const moreAttrs: Record<string, Expr[]> = {};
  for (const b of buckets) {
    if (b.className !== name) continue;
    for (const [attr, value] of Object.entries(b.selfAttrs)) if (!(attr in attrs)) attrs[attr] = { expr: value, fn: b.name };
    else (moreAttrs[attr] ??= []).push(value);
    for (const [attr, values] of Object.entries(b.moreSelfAttrs ?? {})) (moreAttrs[attr] ??= []).push(...values);
  }
  // `self._agent: DefaultAgent | None = None`: the annotation says what it will hold, the constructor's first, then a
  // setter method's (`self.completion_service: CompletionService = self.injector.get(svc)` in `_set_completion_service`).
  const ordered = buckets.filter((b) => b.className === name).sort((a, b) => Number(b.name.endsWith('.__init__')) - Number(a.name.endsWith('.__init__')));
  for (const b of ordered) {
    for (const a of b.node.descendantsOfType('assignment')) {
      const left = a?.childForFieldName('left');
      const type = a?.childForFieldName('type')?.text;
      if (type && left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self') attrTypes[left.childForFieldName('attribute')?.text ?? ''] ??= type;
    }
  }
  return { name, line: node.startPosition.row + 1, bases, attrs, ...setterFacts(name, buckets), ...(Object.keys(attrTypes).length ? { attrTypes } : {}), ...(Object.keys(moreAttrs).length ? { moreAttrs } : {}) };
}

function functionFact(b: FunctionBucket, moduleTables: ReadonlyMap<string, Expr[]>): FunctionFact {
  const def = b.node;
  const { params, kwargs } = pythonParams(def, (n) => expr(n, 0));
  if (b.className && params.length && (params[0].name === 'self' || params[0].name === 'cls')) params.shift();
  const line = def.startPosition.row + 1;
  const endLine = def.endPosition.row + 1;
  const body = def.childForFieldName('body');
  const fallbacks = body ? paramFallbacks(body, new Set(params.filter((p) => !p.default || (p.default.k === 'unknown' && p.default.text === 'None')).map((p) => p.name)), expr) : {};
  for (let i = 0; i < params.length; i++) if (fallbacks[params[i].name]) params[i] = { ...params[i], fallback: fallbacks[params[i].name] };
  const rets = body && endLine - line <= MAX_RETURN_LINES ? runtimeReturns(ownStatements(body, RETURNS)) : body ? builtStateReturn(body) : [];
  const [returns, ...moreReturns] = rets.map((r) => expr(r.namedChildren[0]!, 0));
  const returnTests = rets.map((r) => branchTestsOf(r, def, (n) => expr(n, 0)) ?? null);
  const returnType = def.childForFieldName('return_type')?.text;
  const guards = body ? raiseGuards(body, expr) : [];
  const selfRefs = b.className && body ? selfAttributeReads(body) : [];
  const fieldSets = body ? modelFieldSets(body, expr) : [];
  const recursion = recursionOf(def, b.name, params, expr);
  const exitTests = body ? exitTestsOf(body, expr) : [];
  const stepEffects = body ? stepEffectsOf(body, params.map((p) => p.name), expr) : undefined;
  // Calls through a dispatch table (`handlers.get(kind)(x)`) call each of its functions (dispatch-tables.ts).
  const dispatched = tableCalls(b.calls, b.locals, dispatchTables(body, expr), moduleTables);
  const calls = dispatched.length ? [...b.calls, ...dispatched].sort((x, y) => x.node.startIndex - y.node.startIndex) : b.calls;
  return {
    name: b.name,
    line,
    endLine,
    params,
    ...(kwargs ? { kwargs } : {}),
    returns,
    ...(moreReturns.length ? { moreReturns } : {}),
    ...(returnTests.some(Boolean) ? { returnTests } : {}),
    locals: b.locals,
    ...(b.moreLocals ? { moreLocals: b.moreLocals } : {}),
    ...(b.localTests ? { localTests: b.localTests } : {}),
    calls: calls.map((c) => c.fact),
    loops: loopFacts(b.loops, calls, PYTHON),
    ...(returnType ? { returnType } : {}),
    ...(guards.length ? { guards } : {}),
    ...(selfRefs.length ? { selfRefs } : {}),
    ...(fieldSets.length ? { fieldSets } : {}),
    ...(recursion ? { recursion } : {}),
    ...(exitTests.length ? { exitTests } : {}),
    ...(stepEffects ? { stepEffects } : {}),
    ...(b.fileChoices ? { fileChoices: b.fileChoices } : {}),
  };
}

function calleeFact(call: SyntaxNode): CalleeFact | undefined {
  const fn = call.childForFieldName('function');
  const callee = (fn?.text ?? '').replace(/\s+/g, '');
  // `executor.map(fn, items)`, Modal's `fn.map(items)`: a mapper runs a function (passed-callables.ts).
  if (notRepositoryCallee(callee) && !/(^|\.)map$/.test(callee)) return undefined;
  return { callee, expr: expr(call, CALL_DEPTH), line: call.startPosition.row + 1, ...(isBranchCall(call) ? { branch: true } : {}) };
}

const ENV = /^(os\.)?(getenv|environ\.get)$/;
const LOADERS = /^(yaml\.(safe_)?load|json\.load|tomllib\.load|toml\.load|json\.loads|yaml\.safe_load_all)$/;

export function expr(node: SyntaxNode, depth: number): Expr {
  const line = node.startPosition.row + 1;
  const unknown = (): Expr => ({ k: 'unknown', text: node.endIndex - node.startIndex <= 80 ? node.text : '', line });
  if (depth > MAX_DEPTH) return unknown();
  switch (node.type) {
    case 'parenthesized_expression':
    case 'await':
      return node.namedChildren[0] ? expr(node.namedChildren[0], depth + 1) : unknown();
    case 'string': {
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return idTemplate(node, line, (n) => expr(n, depth + 1)) ?? unknown();
      return { k: 'str', v: node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(''), line };
    }
    case 'concatenated_string': {
      const parts = node.namedChildren.map((c) => (c ? expr(c, depth + 1) : unknown()));
      return parts.every((p) => p.k === 'str') ? { k: 'str', v: parts.map((p) => (p as { v: string }).v).join(''), line } : unknown();
    }
    case 'integer':
    case 'float': {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { k: 'num', v, line } : unknown();
    }
    case 'identifier':
      return { k: 'name', v: node.text, line };
    case 'attribute': {
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName('attribute')?.text;
      if (obj?.text === 'os.environ' && prop) return unknown();
      return obj && prop ? { k: 'member', obj: expr(obj, depth + 1), prop, line } : unknown();
    }
    case 'subscript': {
      const obj = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      const k = key?.type === 'string' ? expr(key, depth + 1) : key?.type === 'integer' && /^\d+$/.test(key.text) ? { k: 'str' as const, v: key.text, line } : undefined;
      if (obj?.text === 'os.environ' && k?.k === 'str') return { k: 'env', name: k.v, line };
      // A literal key of Streamlit's session state (`st.session_state["agent"]`) is read whole, at no depth.
      const held = obj && /^(\w+\.)?session_state$/.test(obj.text) ? /^["'](\w+)["']$/.exec(key?.text ?? '') : null;
      if (obj && held) return { k: 'index', obj: expr(obj, depth), key: held[1], line };
      const computed = obj && !k ? lookupKey(key) : undefined; // `TABLE[APIProvider.ANTHROPIC]`, `TABLE[cast(P, provider)]` (keyed-tables.ts)
      if (obj && computed) return { k: 'lookup', obj: expr(obj, depth + 1), key: expr(computed, depth + 1), line };
      return obj && k?.k === 'str' ? { k: 'index', obj: expr(obj, depth + 1), key: k.v, line } : unknown();
    }
    case 'boolean_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return left && right && / or /.test(` ${node.text.slice(left.endIndex - node.startIndex, right.startIndex - node.startIndex)} `)
        ? { k: 'or', left: expr(left, depth + 1), right: expr(right, depth + 1), line }
        : unknown();
    }
    case 'conditional_expression': {
      const [a, test, b] = node.namedChildren;
      // `limit if limit is not None else default`: the branch the None test takes is followed (none-tests.ts).
      const none = test ? pyNoneTest(test, (n) => expr(n, depth + 1)) : undefined;
      return a && b ? { k: 'or', left: expr(a, depth + 1), right: expr(b, depth + 1), line, ...(none ? { test: none } : {}) } : unknown();
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === '/' && left && right) return { k: 'path', parts: [expr(left, depth + 1), expr(right, depth + 1)], line };
      // `[model] + fallback_models`: the leading items are the written list's (a fallback loop's first pass takes item 0).
      if (op === '+' && left?.type === 'list') return expr(left, depth + 1);
      if (op === '|') {
        const model = pipedModel(node);
        if (model) return expr(model, depth + 1);
      }
      return unknown();
    }
    case 'dictionary': {
      const entries: Record<string, Expr> = {};
      for (const pair of node.namedChildren.slice(0, 60)) {
        if (pair?.type !== 'pair') continue;
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        const k = key?.type === 'string' ? expr(key, depth + 1) : undefined;
        if (k?.k === 'str' && value) entries[k.v] = expr(value, depth + 1);
      }
      const keyed = keyedPairs(node.namedChildren.slice(0, 60), (n) => expr(n, depth + 1));
      return { k: 'dict', entries, line, ...(keyed.length ? { keyed } : {}) };
    }
    case 'list':
    case 'tuple':
    case 'expression_list': {
      // `return client, model` and `[(name, llm)]`: items read by position (an unpacking, a loop's first pass).
      const items = node.namedChildren.filter((c) => c && c.type !== 'comment');
      if (items.length > 20 || items.some((c) => c!.type === 'list_splat' || c!.type === 'list_comprehension')) return unknown();
      return { k: 'list', items: items.map((c) => expr(c!, depth + 1)), line };
    }
    case 'call':
      return callExpr(node, depth, line);
    default:
      return unknown();
  }
}

function callExpr(node: SyntaxNode, depth: number, line: number): Expr {
  const fn = node.childForFieldName('function');
  const text = (fn?.text ?? '').replace(/\s+/g, '');
  const argNodes = node.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  const args: Expr[] = [];
  const kw: Record<string, Expr> = {};
  for (const a of argNodes.slice(0, 12)) {
    if (!a) continue;
    if (a.type === 'keyword_argument') {
      const n = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      // An argument that is a dotted name (`self.lm_configs.question_asker_lm`) is kept whole: callers' bindings follow it.
      if (n && v) kw[n] = expr(v, v.type === 'attribute' ? depth - 1 : depth + 1);
    } else if (a.type === 'dictionary_splat') {
      // `Model(**kwargs)`: the dict splatted in, under the key `**` (the evaluator reads keywords from it).
      const inner = a.namedChildren[0];
      if (inner && !kw['**']) kw['**'] = expr(inner, depth + 1);
    } else if (a.type !== 'list_splat') args.push(expr(a, a.type === 'attribute' ? depth - 1 : depth + 1));
  }
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  if (ENV.test(text) && args[0]?.k === 'str') return { k: 'env', name: args[0].v, def: args[1] ?? kw.default, line };
  if (text === 'open' || /(^|\.)get_template$/.test(text) || /(^|\.)read_text$/.test(text) && !receiver) return args[0] ? { k: 'read', path: args[0], line } : { k: 'unknown', text, line };
  if (/(importlib\.)?resources\.read_text$/.test(text) && args[1]) return { k: 'read', path: { k: 'path', parts: [args[1]], line }, line };
  if (receiver && /\.(read_text|read|read_bytes)$/.test(text)) {
    const r = expr(receiver, depth + 1);
    return r.k === 'read' ? r : { k: 'read', path: r, line };
  }
  if (LOADERS.test(text) && args[0]) return args[0];
  // `importlib.resources.files("pkg.prompts")`: the package's folder; `.joinpath(name).open()` reads a file in it.
  if (/^((importlib\.)?resources|importlib_resources)\.files$/.test(text) && args[0]?.k === 'str') return { k: 'path', parts: [{ k: 'str', v: args[0].v.replace(/\./g, '/'), line }], line };
  if (receiver && /\.open$/.test(text)) {
    const r = expr(receiver, depth + 1);
    if (r.k === 'path') return { k: 'read', path: r, line };
  }
  if (receiver && /\.joinpath$/.test(text)) return { k: 'path', parts: [expr(receiver, depth + 1), ...args], line };
  if (/^(os\.path\.join|Path|pathlib\.Path|PurePath)$/.test(text)) return { k: 'path', parts: args, line };
  if (receiver && /\.(format|strip|format_map|substitute)$/.test(text)) return expr(receiver, depth + 1);
  // A chain of model wrappers (`init_chat_model(…).with_structured_output(S).with_retry(…)`) costs no depth: the model is at its root.
  // `with_config` keeps its config: the recursion limit a graph is run under (graph-limits.ts).
  if (receiver && keepsModel(text)) return { k: 'call', callee: { k: 'member', obj: expr(receiver, depth), prop: text.slice(text.lastIndexOf('.') + 1), line }, text, ...(/\.(with_config|withConfig)$/.test(text) ? { args, kw } : { args: [], kw: {} }), line };
  // `profile.get("llm", {}).get("model", "x")`: a chain of dict reads costs no depth either (its root is the config).
  if (receiver && /\.get$/.test(text)) return { k: 'call', callee: { k: 'member', obj: expr(receiver, depth), prop: 'get', line }, text, args, kw, line };
  return { k: 'call', callee: fn ? expr(fn, depth + 1) : { k: 'unknown', text: '', line }, text, args, kw, line };
}
