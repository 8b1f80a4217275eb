/**
 * What the TypeScript / JavaScript detector needs from a tree, gathered in one walk (calls, object literals,
 * declarations, loops, comments, imports), and the node helpers both the walk and the syntax view use.
 */
import type { SyntaxNode, SyntaxTree } from './parser';
import { walk, type Collected, type Declaration } from './syntax';
import { decodeEscape } from './text';

const WANTED = new Set([
  'call_expression',
  'new_expression',
  'object',
  'variable_declarator',
  'function_declaration',
  'public_field_definition',
  'assignment_expression',
  'augmented_assignment_expression',
  'return_statement',
  'while_statement',
  'for_statement',
  'for_in_statement',
  'do_statement',
  'comment',
  'import_statement',
  'required_parameter',
  'optional_parameter',
]);

/** Nodes that put a value in a name or return it (src/core/repo/extract-texts.ts). */
const ASSIGNED = new Set(['variable_declarator', 'assignment_expression', 'augmented_assignment_expression', 'return_statement']);

const LOOPS = new Set(['while_statement', 'for_statement', 'for_in_statement', 'do_statement']);

export function collectTypeScript(tree: SyntaxTree): Collected {
  const assigned: SyntaxNode[] = [];
  const out: Collected = { calls: [], containers: [], declarations: [], decorated: [], loops: [], comments: [], imports: new Map(), assigned };
  walk(tree, WANTED, (node) => {
    const type = node.type;
    if (ASSIGNED.has(type)) assigned.push(node);
    if (type === 'call_expression' || type === 'new_expression') out.calls.push(node);
    else if (type === 'object') out.containers.push(node);
    else if (type === 'comment') out.comments.push(node);
    else if (LOOPS.has(type)) out.loops.push(node);
    else if (type === 'import_statement') collectImport(node, out.imports);
    else {
      const decl = declarationOf(node);
      if (decl) out.declarations.push(decl);
    }
  });
  return out;
}

function collectImport(node: SyntaxNode, imports: Map<string, string>): void {
  const source = node.childForFieldName('source');
  const module = source ? stringLiteralValue(source) : undefined;
  if (module === undefined) return;
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  if (!clause) return;
  for (const c of clause.namedChildren) {
    if (!c) continue;
    if (c.type === 'identifier') imports.set(c.text, module);
    else if (c.type === 'namespace_import') {
      const id = c.namedChildren.find((x) => x?.type === 'identifier');
      if (id) imports.set(id.text, module);
    } else if (c.type === 'named_imports') {
      for (const spec of c.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const local = spec.childForFieldName('alias') ?? spec.childForFieldName('name');
        const imported = spec.childForFieldName('name');
        if (local) imports.set(local.text, imported && imported.text !== local.text ? `${module}#${imported.text}` : module);
      }
    }
  }
}

function declarationOf(node: SyntaxNode): Declaration | undefined {
  if (node.type === 'variable_declarator') {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value) {
      // `const send = useCallback((query) => {…}, [deps])`: the hook hands back the function it is given.
      const fn = memoizedFunction(value) ?? value;
      return { name: name.text, nameNode: name, value: fn, isFunction: isFunctionNode(unwrap(fn)) };
    }
    return undefined;
  }
  if (node.type === 'required_parameter' || node.type === 'optional_parameter') {
    // `function call(model = 'gpt-4o')`: the default is what the body sees when callers omit it.
    const name = node.childForFieldName('pattern');
    const value = node.childForFieldName('value');
    if (name?.type === 'identifier' && value) return { name: name.text, nameNode: name, value, isFunction: false };
    return undefined;
  }
  if (node.type === 'function_declaration') {
    const name = node.childForFieldName('name');
    if (name) return { name: name.text, nameNode: name, value: node, isFunction: true };
    return undefined;
  }
  if (node.type === 'public_field_definition') {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    if (name && value) return { name: name.text, nameNode: name, value, isFunction: isFunctionNode(unwrap(value)) };
    return undefined;
  }
  if (node.type === 'assignment_expression') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return undefined;
    // `this.prompt = …` and `exports.prompt = …` name the property.
    const name = left.type === 'identifier' ? left.text : left.type === 'member_expression' ? left.childForFieldName('property')?.text : undefined;
    if (name) return { name, nameNode: left, value: right, isFunction: isFunctionNode(unwrap(right)) };
  }
  return undefined;
}

/** React's `useCallback(fn, deps)` (also `React.useCallback`): the function it memoizes. */
function memoizedFunction(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type !== 'call_expression' || !/^(React\.)?useCallback$/.test(value.childForFieldName('function')?.text ?? '')) return undefined;
  const first = value.childForFieldName('arguments')?.namedChildren[0];
  return first && isFunctionNode(first) ? first : undefined;
}

export function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 8; i++) {
    if (
      n.type === 'parenthesized_expression' ||
      n.type === 'as_expression' ||
      n.type === 'satisfies_expression' ||
      n.type === 'non_null_expression' ||
      n.type === 'await_expression' ||
      n.type === 'type_assertion'
    ) {
      const inner = n.namedChildren.find((c) => c && c.type !== 'comment' && !c.type.endsWith('type') && c.type !== 'type_arguments');
      if (!inner) return n;
      n = inner;
    } else return n;
  }
  return n;
}

export function isFunctionNode(n: SyntaxNode): boolean {
  return (
    n.type === 'function_declaration' ||
    n.type === 'arrow_function' ||
    n.type === 'function_expression' ||
    n.type === 'function' ||
    n.type === 'method_definition' ||
    n.type === 'generator_function_declaration'
  );
}

export function stringLiteralValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
  }
  return out;
}
