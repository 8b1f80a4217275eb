/**
 * The member types of a TypeScript file's own types, for following a call's receiver through declared
 * types across files (typed-requests.ts): `type AgentInput = { config: AgentConfig }`, `interface
 * AgentConfig { llm: BaseLLM<any> }`, `class Agent { private llm: ChatModel }`, a function-typed member
 * `execute: (input: WidgetInput) => …` (`execute#0` → `WidgetInput`), and what a class or interface
 * extends or implements. Plain data, kept with the file's facts.
 */
import type { SyntaxNode } from '../detect/parser';
import { typeNameOf } from '../detect/typed-requests';
import type { DetectedCall } from '../detect/types';
import type { FileFacts, TypeShapeFact } from './facts';

export type { TypeShapeFact } from './facts';


/** A file that may declare a type with members: only those are queried for their declarations. */
export const DECLARES_TYPES = /\b(type|interface|class)\s+[A-Za-z_$]/;

const DECLARATIONS = ['type_alias_declaration', 'interface_declaration', 'class_declaration', 'abstract_class_declaration'];

export function typeShapes(root: SyntaxNode): TypeShapeFact[] {
  const out: TypeShapeFact[] = [];
  for (const node of root.descendantsOfType(DECLARATIONS)) {
    const name = node?.childForFieldName('name')?.text;
    if (!node || !name) continue;
    const members: Record<string, string> = {};
    const bases: string[] = [];
    const body = node.type === 'type_alias_declaration' ? node.childForFieldName('value') : node.childForFieldName('body');
    if (body && (body.type === 'object_type' || body.type === 'interface_body' || body.type === 'class_body')) readMembers(body, members);
    for (const clause of node.namedChildren) {
      if (!clause) continue;
      if (clause.type === 'class_heritage') {
        for (const c of clause.namedChildren) if (c) baseNames(c, bases);
      } else if (clause.type === 'extends_type_clause' || clause.type === 'extends_clause' || clause.type === 'implements_clause') baseNames(clause, bases);
    }
    if (Object.keys(members).length || bases.length) out.push({ name, line: node.startPosition.row + 1, bases, members });
  }
  return out;
}

function baseNames(clause: SyntaxNode, into: string[]): void {
  for (const c of clause.namedChildren) {
    if (!c) continue;
    const name = c.type === 'generic_type' ? c.childForFieldName('name')?.text : c.type === 'type_identifier' || c.type === 'identifier' ? c.text : c.type === 'call_expression' ? undefined : undefined;
    if (name) into.push(name);
  }
}

function readMembers(body: SyntaxNode, into: Record<string, string>): void {
  for (const m of body.namedChildren) {
    if (!m) continue;
    const key = m.childForFieldName('name')?.text.replace(/['"]/g, '');
    if (!key) continue;
    if (m.type === 'property_signature' || m.type === 'public_field_definition') {
      const annotation = m.childForFieldName('type');
      const fnType = annotation?.namedChildren.find((c) => c?.type === 'function_type');
      if (fnType) readParams(fnType.childForFieldName('parameters'), key, into);
      else {
        const type = typeNameOf(annotation);
        if (type) into[key] = type;
      }
    } else if (m.type === 'method_signature' || m.type === 'abstract_method_signature' || m.type === 'method_definition') {
      readParams(m.childForFieldName('parameters'), key, into);
    }
  }
}

function readParams(params: SyntaxNode | null | undefined, key: string, into: Record<string, string>): void {
  let i = 0;
  for (const p of params?.namedChildren ?? []) {
    if (!p || p.type === 'comment') continue;
    const type = typeNameOf(p.childForFieldName('type'));
    if (type) into[`${key}#${i}`] = type;
    i++;
  }
}

/** The file's facts with its type shapes and its typed-receiver candidates (TypeScript files that have any). */
export function withTypeShapes(facts: FileFacts, typed: readonly DetectedCall[], typescript: boolean, root: SyntaxNode): FileFacts {
  const shapes = typescript ? typeShapes(root) : [];
  return shapes.length || typed.length ? { ...facts, ...(shapes.length ? { typeShapes: shapes } : {}), ...(typed.length ? { typedCalls: typed } : {}) } : facts;
}
