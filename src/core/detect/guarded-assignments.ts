/**
 * A name a function binds itself (a parameter, a destructured local: `let { model } = options`) and reassigns only
 * under an `if` with no `else`: `if (image) { if (model.startsWith('gpt')) model = 'gpt-4o-mini' }`. The binding is
 * what the request sends unless the guard holds, so it stays the value and the guarded literal is an alternative
 * under its conditions. A guard that fills the name in when it is empty (`if (!model) model = 'gpt-4o'`, `if model is
 * None:`) is the default of a caller that passes nothing, and stays the value (as before).
 */
import { boundNames } from './local-bindings';
import type { SyntaxNode } from './parser';
import type { Declaration, LanguageSyntax } from './syntax';

const FUNCTION = new Set(['function_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition', 'generator_function_declaration']);
const ASSIGNMENT = new Set(['assignment', 'assignment_expression']);
const IF = new Set(['if_statement']);
/** Branch nodes of an `if` that make it not a bare guard: `else`, `elif`. */
const OTHERWISE = new Set(['else_clause', 'elif_clause']);

export interface GuardedArm {
  readonly value: SyntaxNode;
  /** The guards around the assignment, outermost first, joined with `&&`. */
  readonly condition: string;
}

/**
 * For a read `use` of a name: when every assignment of the name in the read's function is such a guarded
 * reassignment before the read, outside the guards' bodies, and the function binds the name itself, the assigned
 * values with their conditions; otherwise undefined (the first declaration is the value, as before).
 */
export function guardedReassignments(syntax: LanguageSyntax, use: SyntaxNode): GuardedArm[] | undefined {
  const fn = functionOf(use);
  if (!fn) return undefined;
  const decls = syntax.declarations(use.text).filter((d) => d.nameNode.type === 'identifier' && functionOf(d.nameNode)?.id === fn.id);
  if (decls.length === 0) return undefined;
  const binding = boundNames(fn).get(use.text);
  if (binding === undefined) return undefined;
  const arms: GuardedArm[] = [];
  for (const d of decls) {
    const assignment = d.nameNode.parent;
    if (!assignment || !ASSIGNMENT.has(assignment.type) || assignment.childForFieldName('left')?.id !== d.nameNode.id) return undefined;
    if (d.nameNode.startIndex > use.startIndex) return undefined;
    const condition = guardOf(assignment, fn, binding, use);
    if (condition === undefined || emptinessTest(condition, use.text)) return undefined;
    arms.push({ value: d.value, condition });
  }
  return arms;
}

/**
 * Of a file's declarations, the guarded reassignments as above, whatever reads them: every assignment of a name in
 * a function that binds the name itself is under an `if` with no `else` that does not fill an empty name in. The
 * repository pass leaves them out of the function's locals, so the name keeps its own binding's value.
 */
export function guardedOnlyDeclarations(declarations: readonly Declaration[]): Set<Declaration> {
  const groups = new Map<string, { decls: Declaration[]; guarded: boolean }>();
  const bound = new Map<number, Map<string, number>>();
  for (const d of declarations) {
    if (d.isFunction || d.nameNode.type !== 'identifier') continue;
    const assignment = d.nameNode.parent;
    // Most declarations are not reassignments under an `if`: those are passed over before any binding is read.
    if (!assignment || !ASSIGNMENT.has(assignment.type) || assignment.childForFieldName('left')?.id !== d.nameNode.id) continue;
    const fn = functionOf(d.nameNode);
    if (!fn) continue;
    let names = bound.get(fn.id);
    if (!names) bound.set(fn.id, (names = boundNames(fn)));
    const binding = names.get(d.name);
    if (binding === undefined) continue;
    const key = `${fn.id}:${d.name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { decls: [], guarded: true }));
    g.decls.push(d);
    const condition = g.guarded ? guardOf(assignment, fn, binding) : undefined;
    g.guarded = condition !== undefined && !emptinessTest(condition, d.name);
  }
  const out = new Set<Declaration>();
  if (groups.size === 0) return out;
  const names = new Set([...groups.values()].map((g) => g.decls[0].name));
  for (const d of declarations) {
    if (d.isFunction || d.nameNode.type !== 'identifier' || !names.has(d.name)) continue;
    const fn = functionOf(d.nameNode);
    const g = fn ? groups.get(`${fn.id}:${d.name}`) : undefined;
    if (!g) continue;
    // Every declaration of the name in the function must be one of the guarded reassignments.
    if (!g.decls.includes(d)) g.guarded = false;
  }
  for (const g of groups.values()) if (g.guarded) for (const d of g.decls) out.add(d);
  return out;
}

/**
 * The conditions the assignment runs under, when its innermost `if` has no `else` and no `if` around it (below the
 * function) holds the read; undefined otherwise.
 */
function guardOf(assignment: SyntaxNode, fn: SyntaxNode, binding: number, use?: SyntaxNode): string | undefined {
  const conditions: string[] = [];
  let innermost: SyntaxNode | undefined;
  let child = assignment;
  for (let p = assignment.parent; p && p.id !== fn.id; child = p, p = p.parent) {
    if (!IF.has(p.type)) continue;
    // An `if` that holds the binding too is no guard against it (`let { prompt } = item; prompt = …` in one branch).
    if (p.startIndex <= binding && binding < p.endIndex) break;
    if (use && contains(p, use)) return undefined;
    innermost ??= p;
    const cond = p.childForFieldName('condition');
    if (!cond) return undefined;
    const text = cond.text.replace(/^\((.*)\)$/s, '$1').replace(/\s+/g, ' ');
    conditions.unshift(p.childForFieldName('consequence')?.id === child.id ? text : `!(${text})`);
  }
  if (!innermost || alternativeOf(innermost)) return undefined;
  return conditions.join(' && ');
}

/** The `else` / `elif` part of an `if`, if any. */
function alternativeOf(ifNode: SyntaxNode): SyntaxNode | undefined {
  const alt = ifNode.childForFieldName('alternative');
  if (alt) return alt;
  return ifNode.namedChildren.find((c) => c && OTHERWISE.has(c.type)) ?? undefined;
}

/** `!model`, `not model`, `model is None`, `model === undefined`, `model == ""`: the guard fills an empty name in. */
function emptinessTest(condition: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$');
  return new RegExp(
    `(^|[^\\w.$])(!\\s*|not\\s+)${n}\\b(?!\\s*\\.)|\\b${n}\\s*(is\\s+None|===?\\s*(null|undefined|''|""|None))|typeof\\s+${n}\\s*===?\\s*['"]undefined`,
  ).test(condition);
}

function functionOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION.has(p.type)) return p;
  return undefined;
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
