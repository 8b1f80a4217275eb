/** What the Python detector needs from a tree, gathered in one walk: calls, dicts, declarations, decorated functions, loops, comments, imports. */
import type { SyntaxNode, SyntaxTree } from './parser';
import { walk, type Collected, type Declaration } from './syntax';

const WANTED = new Set([
  'call',
  'dictionary',
  'assignment',
  'augmented_assignment',
  'return_statement',
  'function_definition',
  'decorated_definition',
  'while_statement',
  'for_statement',
  'comment',
  'import_from_statement',
  'import_statement',
  'default_parameter',
  'typed_default_parameter',
]);

export function collectPython(tree: SyntaxTree): Collected {
  const contentAssignments: SyntaxNode[] = [];
  const assigned: SyntaxNode[] = [];
  const out: Collected = { calls: [], containers: [], contentAssignments, declarations: [], decorated: [], loops: [], comments: [], imports: new Map(), assigned };
  walk(tree, WANTED, (node) => {
    switch (node.type) {
      case 'call':
        out.calls.push(node);
        break;
      case 'dictionary':
        out.containers.push(node);
        break;
      case 'comment':
        out.comments.push(node);
        break;
      case 'while_statement':
      case 'for_statement':
        out.loops.push(node);
        break;
      case 'decorated_definition':
        out.decorated.push(node);
        break;
      case 'import_from_statement':
      case 'import_statement':
        collectImport(node, out.imports);
        break;
      case 'augmented_assignment':
      case 'return_statement':
        assigned.push(node);
        break;
      case 'assignment': {
        assigned.push(node);
        const left = node.childForFieldName('left');
        const right = loneTupleItem(node.childForFieldName('right'));
        if (left?.type === 'identifier' && right) out.declarations.push({ name: left.text, nameNode: left, value: right, isFunction: false });
        else if (left?.type === 'subscript' && right && left.childForFieldName('subscript')?.type === 'string') contentAssignments.push(node);
        else if (left?.type === 'attribute' && right) {
          const attr = left.childForFieldName('attribute');
          if (attr) out.declarations.push({ name: attr.text, nameNode: left, value: right, isFunction: false });
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        // `def llm_call(prompt, model="claude-3-5-sonnet")`: the default is what the body sees when callers omit it.
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (name?.type === 'identifier' && value) out.declarations.push({ name: name.text, nameNode: name, value, isFunction: false });
        break;
      }
      case 'function_definition': {
        const name = node.childForFieldName('name');
        const holder = node.parent?.type === 'decorated_definition' ? node.parent : node;
        if (name) out.declarations.push({ name: name.text, nameNode: name, value: holder, isFunction: true } satisfies Declaration);
        break;
      }
    }
  });
  return out;
}

function collectImport(node: SyntaxNode, imports: Map<string, string>): void {
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name')?.text;
    if (!module) return;
    for (const c of node.childrenForFieldName('name')) {
      if (!c) continue;
      if (c.type === 'aliased_import') {
        const alias = c.childForFieldName('alias');
        const name = c.childForFieldName('name');
        if (alias) imports.set(alias.text, name ? `${module}#${name.text}` : module);
      } else imports.set(c.text, module);
    }
    return;
  }
  for (const c of node.childrenForFieldName('name')) {
    if (!c) continue;
    if (c.type === 'aliased_import') {
      const alias = c.childForFieldName('alias');
      const name = c.childForFieldName('name');
      if (alias && name) imports.set(alias.text, name.text);
    } else imports.set(c.text.split('.')[0], c.text);
  }
}

/**
 * `system_message = ("You are …" + " Use the tools …",)`: a stray trailing comma makes a one-item tuple, which a
 * template formats as its item's text (in parentheses); the item is what the declaration holds.
 */
function loneTupleItem(value: SyntaxNode | null): SyntaxNode | null {
  if (value?.type !== 'tuple') return value;
  const items = value.namedChildren.filter((c) => c?.type !== 'comment');
  return items.length === 1 && items[0] && (items[0].type === 'string' || items[0].type === 'concatenated_string' || items[0].type === 'binary_operator') ? items[0] : value;
}
