/**
 * The names a function binds itself that no declaration of the file records (declarations keep a name and the value
 * it is given): parameters, plain or destructured; `const { model, temperature } = options`; `let model;`; loop
 * variables; `catch (e)`; Python tuple targets, `for x in …`, `with … as x`, `except … as x`. A name a function binds
 * this way is that function's own: another function's `model = 'gpt-4o-mini'` is not what it holds
 * (Scope.binding).
 */
import type { SyntaxNode } from './parser';

const FUNCTION = new Set(['function_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition', 'generator_function_declaration']);

/** Nodes of a function body that bind names without a recorded value. */
const BINDERS = ['variable_declarator', 'for_in_statement', 'catch_clause', 'for_statement', 'pattern_list', 'tuple_pattern', 'as_pattern', 'except_clause'];

/** Node types that are a bound name inside a parameter or pattern. */
const NAME = new Set(['identifier', 'shorthand_property_identifier_pattern']);

/** Name → where the function first binds it (the start of the parameter or pattern's name). */
export function boundNames(fn: SyntaxNode): Map<string, number> {
  const out = new Map<string, number>();
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (params) patternNames(params, out);
  const body = fn.childForFieldName('body');
  if (!body) return out;
  for (const node of body.descendantsOfType(BINDERS)) {
    if (!node || ownerOf(node)?.id !== fn.id) continue;
    const target = targetOf(node);
    if (target) patternNames(target, out);
  }
  return out;
}

/** The part of a binder that names what it binds (undefined: it records a value, or binds nothing). */
function targetOf(node: SyntaxNode): SyntaxNode | undefined {
  switch (node.type) {
    case 'variable_declarator': {
      const name = node.childForFieldName('name');
      // `const model = …` is a declaration with its value; a pattern or a bare `let model` is not.
      return name && (name.type !== 'identifier' || !node.childForFieldName('value')) ? name : undefined;
    }
    case 'for_in_statement':
    case 'for_statement':
      return node.childForFieldName('left') ?? undefined;
    case 'catch_clause':
      return node.childForFieldName('parameter') ?? undefined;
    case 'pattern_list':
    case 'tuple_pattern':
      // Python `a, b = …` (the left of an assignment) or a nested tuple target.
      return node.parent?.type === 'assignment' && node.parent.childForFieldName('left')?.id !== node.id ? undefined : node;
    case 'as_pattern':
      return node.childForFieldName('alias') ?? undefined;
    case 'except_clause': {
      const alias = node.namedChildren.find((c) => c?.type === 'as_pattern');
      return alias ? undefined : node.namedChildren[1] && node.namedChildren[1].type === 'identifier' ? node.namedChildren[1] : undefined;
    }
    default:
      return undefined;
  }
}

/** The names a parameter list or pattern binds: not types, not defaults, not the keys it reads. */
function patternNames(node: SyntaxNode, out: Map<string, number>): void {
  if (NAME.has(node.type)) {
    if (!out.has(node.text)) out.set(node.text, node.startIndex);
    return;
  }
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (/type_annotation|^type$/.test(c.type)) continue;
    // A default (`model = 'x'`, `{ a = f(b) }`): only its name is bound.
    if (c.type === 'default_parameter' || c.type === 'typed_default_parameter') {
      const name = c.childForFieldName('name');
      if (name && !out.has(name.text)) out.set(name.text, name.startIndex);
      continue;
    }
    if (c.type === 'required_parameter' || c.type === 'optional_parameter') {
      const pattern = c.childForFieldName('pattern');
      if (pattern) patternNames(pattern, out);
      continue;
    }
    if (c.type === 'object_assignment_pattern' || c.type === 'assignment_pattern') {
      const left = c.childForFieldName('left');
      if (left) patternNames(left, out);
      continue;
    }
    if (c.type === 'pair_pattern') {
      const value = c.childForFieldName('value');
      if (value) patternNames(value, out);
      continue;
    }
    patternNames(c, out);
  }
}

function ownerOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION.has(p.type)) return p;
  return undefined;
}

/**
 * Where a function takes the parameter `name`: its position (after `self` / `cls` for a method read through its
 * receiver) and the name a caller's keyword uses; the name callers call it by (a declaration, a method, or the name
 * a wrapper's result is stored under: `const cached = unstable_cache(async (q, context) => …)`). Undefined when
 * `name` is not one of its plain parameters.
 */
export function parameterSlot(fn: SyntaxNode, name: string): { callee: string; index: number; method: boolean } | undefined {
  const params = fn.childForFieldName('parameters');
  if (!params) return undefined;
  const names: string[] = [];
  for (const c of params.namedChildren) {
    if (!c || c.type === 'comment') continue;
    const one = new Map<string, number>();
    patternNames(c, one);
    names.push(one.size === 1 ? [...one.keys()][0] : '');
  }
  const index = names.indexOf(name);
  if (index < 0) return undefined;
  const method = names[0] === 'self' || names[0] === 'cls' || fn.type === 'method_definition';
  const callee = calledAs(fn);
  if (!callee) return undefined;
  return { callee, index: method && (names[0] === 'self' || names[0] === 'cls') ? index - 1 : index, method };
}

function calledAs(fn: SyntaxNode): string | undefined {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  // `const f = wrapper(async (…) => …, …)`: the wrapper hands back a function called like the one it is given.
  const call = parent?.type === 'arguments' && parent.namedChildren[0]?.id === fn.id ? parent.parent : undefined;
  if (call?.type === 'call_expression' && call.parent?.type === 'variable_declarator') return call.parent.childForFieldName('name')?.text;
  return undefined;
}
