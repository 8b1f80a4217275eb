/**
 * `self.model_name`, `this.model`: the declaration of the field in the class that holds the read, then in its bases
 * declared in the same file, before any other class's field of that name. Two weave `Model` classes of one module
 * with `model_name: Optional[str] = "gpt-3.5-turbo"` and `= "gpt-4-turbo"`: the scoring model's `predict` reads its
 * own. Within the class: the method's own assignment, else the class-level default, else the first assignment
 * (`self.x = …` in `__init__`). A class that declares nothing of the name (its base is a library's) keeps the
 * file-wide lookup, as before.
 */
import type { SyntaxNode } from './parser';
import type { Declaration, LanguageSyntax } from './syntax';

const CLASS = new Set(['class_definition', 'class_declaration', 'class', 'abstract_class_declaration']);
const FUNCTION = new Set(['function_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition', 'generator_function_declaration']);
const SELF = /^(self|this|cls)$/;
const MAX_BASES = 4;

export function fieldDeclaration(syntax: LanguageSyntax, field: string, member: SyntaxNode): SyntaxNode | undefined {
  const object = member.childForFieldName('object');
  const cls = object && SELF.test(object.text) ? classOf(member) : undefined;
  if (cls) {
    const decls = syntax.declarations(field);
    if (decls.length > 1) {
      for (const c of hierarchy(cls)) {
        const own = decls.filter((d) => classOf(d.isFunction ? d.value : d.nameNode)?.id === c.id && isField(d, c));
        if (own.length) return pick(own, member, c).value;
      }
    }
  }
  return syntax.lookup(field, member);
}

/** The method's own assignment, else a class-level one (a field default, a property), else the first. */
function pick(own: readonly Declaration[], member: SyntaxNode, cls: SyntaxNode): Declaration {
  const method = functionOf(member, cls);
  const inMethod = method ? own.find((d) => functionOf(d.nameNode, cls)?.id === method.id && d.nameNode.startIndex < member.startIndex) : undefined;
  return inMethod ?? own.find((d) => d.isFunction || !functionOf(d.nameNode, cls)) ?? own[0];
}

/** `self.x = …` / `this.x = …`, or a declaration at the class's own level (a field default, a method): not a method's local. */
function isField(d: Declaration, cls: SyntaxNode): boolean {
  if (d.nameNode.type === 'attribute' || d.nameNode.type === 'member_expression') return SELF.test(d.nameNode.childForFieldName('object')?.text ?? '');
  return !functionOf(d.isFunction ? d.value : d.nameNode, cls);
}

/** The class and the bases of it this file declares, nearest first. */
function hierarchy(cls: SyntaxNode): SyntaxNode[] {
  const out = [cls];
  const root = rootOf(cls);
  let classes: SyntaxNode[] | undefined;
  for (let i = 0; i < out.length && out.length <= MAX_BASES; i++) {
    for (const base of baseNames(out[i])) {
      classes ??= root.descendantsOfType([...CLASS]).filter((c): c is SyntaxNode => Boolean(c));
      const hit = classes.find((c) => c.childForFieldName('name')?.text === base);
      if (hit && !out.some((c) => c.id === hit.id)) out.push(hit);
    }
  }
  return out;
}

function baseNames(cls: SyntaxNode): string[] {
  const supers = cls.childForFieldName('superclasses');
  if (supers) return supers.namedChildren.filter((c): c is SyntaxNode => c?.type === 'identifier').map((c) => c.text);
  const heritage = cls.namedChildren.find((c) => c?.type === 'class_heritage');
  const ext = heritage?.namedChildren.find((c) => c?.type === 'extends_clause');
  const value = ext?.childForFieldName('value') ?? ext?.namedChildren[0];
  return value?.type === 'identifier' ? [value.text] : [];
}

function classOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (CLASS.has(p.type)) return p;
  return undefined;
}

/** The outermost function between `node` and its class (the method), if any. */
function functionOf(node: SyntaxNode, cls: SyntaxNode): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (let p = node.parent; p && p.id !== cls.id; p = p.parent) if (FUNCTION.has(p.type)) found = p;
  return found;
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}
