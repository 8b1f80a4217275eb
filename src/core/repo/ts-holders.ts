/**
 * What a TypeScript class's attributes hold, for the call graph to follow `this.model.send(…)` to the
 * method of the class the attribute is typed as: field annotations (`private model: Model;`), constructor
 * parameter properties (`constructor(private model: Model, private maxSteps = 8)`: an attribute typed and
 * defaulted as the parameter), and parameter annotations (`agent: Agent`). Only a plain class name is
 * kept as a type (`Model`, `ns.Model`, `Model | null`); generics, unions of classes, and builtins are not.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';

const NOT_A_CLASS = /^(string|number|boolean|any|unknown|never|void|object|null|undefined|Record|Array|Promise|Map|Set|Partial|Readonly|Date|Function)$/;

/** The class an annotation names: `: Model`, `: ns.Model`, `: Model | null`, `?: Model`. */
export function annotatedClass(annotation: SyntaxNode | null | undefined): string | undefined {
  const text = annotation?.text.replace(/^\??:\s*/, '').replace(/\s*\|\s*(null|undefined)\b/g, '').trim();
  if (!text || !/^([A-Za-z_$][\w$]*\.)*[A-Z][\w$]*$/.test(text)) return undefined;
  return NOT_A_CLASS.test(text.split('.').pop() ?? '') ? undefined : text;
}

/** A constructor parameter with an accessibility or `readonly` modifier is also an attribute of the instance. */
export function isParameterProperty(param: SyntaxNode): boolean {
  return param.namedChildren.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'override_modifier') || /^\s*readonly\b/.test(param.text);
}

/** Attributes the class body declares with a type and those its constructor's parameter properties add. */
export function classHolders(body: SyntaxNode | null | undefined, expr: (n: SyntaxNode, depth: number) => Expr): { attrs: Record<string, { expr: Expr; fn?: string }>; attrTypes: Record<string, string> } {
  const attrs: Record<string, { expr: Expr; fn?: string }> = {};
  const attrTypes: Record<string, string> = {};
  for (const m of body?.namedChildren ?? []) {
    if (m?.type === 'public_field_definition') {
      const name = m.childForFieldName('name')?.text;
      const type = annotatedClass(m.childForFieldName('type'));
      if (name && type) attrTypes[name] = type;
      continue;
    }
    if (m?.type !== 'method_definition' || m.childForFieldName('name')?.text !== 'constructor') continue;
    for (const p of m.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p || (p.type !== 'required_parameter' && p.type !== 'optional_parameter') || !isParameterProperty(p)) continue;
      const name = p.childForFieldName('pattern');
      if (name?.type !== 'identifier') continue;
      const type = annotatedClass(p.childForFieldName('type'));
      const value = p.childForFieldName('value');
      if (type) attrTypes[name.text] = type;
      // Its value is the argument the constructor is called with, else the default.
      attrs[name.text] = { expr: { k: 'name', v: name.text, line: name.startPosition.row + 1 }, fn: `${m.parent?.parent?.childForFieldName('name')?.text ?? '?'}.constructor` };
      if (!value && !type) delete attrs[name.text];
    }
  }
  return { attrs, attrTypes };
}
