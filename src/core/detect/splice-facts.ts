/**
 * Facts for texts spliced into a prompt template (repo/spliced-constants.ts), TypeScript:
 *
 * - `TEMPLATE.replace("{slot}", hasX ? A : B).replace("{other}", value ?? C)` written in a function that sends a
 *   request: the text it starts from, the slots it fills, and the names it inserts (through `||`, `??` and
 *   ternaries). The names may be constants of another module that no rule reads as a prompt.
 * - The module's own text constants of written words (`export const OPTIONS = \`- 'rewrite': …\``), whose text
 *   another module may splice that way.
 * - The written texts each exported function returns (`return "No reflections found."`, a returned template),
 *   and the functions whose call a `.replace` chain inserts (`.replace("{BODY}", formatBody(posts))`, or a local
 *   holding `await getReflections(config)`): a builder imported from another module is read where it is written.
 */
import type { BuilderSpliceFact, BuilderTextsFact, CalledSpliceFact, SpliceFact, TextConstantFact } from '../repo/facts';
import { importedBuilderSplices, pythonBuilderTexts } from './builder-splices';
import { returnedTexts } from './returned-parts';
import { formatBuilderSplices, topLevelFunctions } from './accumulated-texts-py';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';
import type { DetectedCall } from './types';

const REPLACE = /\.(replace|replaceAll)$/;
const WRITTEN = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const MAX_CONSTANTS = 60;
const MAX_TEXT = 8000;
const FUNCTION = /^(function_declaration|function_expression|arrow_function|method_definition|function|generator_function_declaration)$/;

export interface SpliceFacts {
  readonly splices: SpliceFact[];
  readonly textConstants: TextConstantFact[];
  readonly calledSplices: CalledSpliceFact[];
  readonly builderTexts: BuilderTextsFact[];
  readonly builderSplices: BuilderSpliceFact[];
}

export function findSpliceFacts(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, calls: readonly DetectedCall[]): SpliceFacts {
  const builderSplices = importedBuilderSplices(syntax, collected, root);
  if (syntax.language === 'python') {
    const builderTexts = pythonBuilderTexts(syntax, root);
    const formatted = formatBuilderSplices(syntax, collected, topLevelFunctions(root));
    return { splices: [], textConstants: [], calledSplices: [], builderTexts, builderSplices: [...builderSplices, ...formatted] };
  }
  const out: SpliceFacts = { splices: [], textConstants: [], calledSplices: [], builderTexts: [], builderSplices };
  if (syntax.language !== 'typescript') return out;
  for (const call of collected.calls) {
    const fact = calledSplice(call);
    if (fact && out.calledSplices.length < MAX_CONSTANTS) out.calledSplices.push(fact);
  }
  const requests = calls.filter((c) => c.role !== 'binding');
  for (const call of requests.length ? collected.calls : []) {
    if (!REPLACE.test(syntax.callee(call)) || isInnerLink(syntax, call)) continue;
    const fn = enclosingFunction(call);
    if (!fn || !requests.some((r) => fn.startPosition.row < r.line && r.line <= fn.endPosition.row + 1)) continue;
    const fact = chainOf(syntax, call);
    if (fact.inserted.length || fact.root) out.splices.push(fact);
  }
  for (const stmt of root.namedChildren) {
    const decl = stmt?.type === 'export_statement' ? stmt.childForFieldName('declaration') : stmt;
    if (stmt?.type === 'export_statement' && decl) exportedBuilder(syntax, decl, out.builderTexts);
    if (decl?.type !== 'lexical_declaration') continue;
    for (const d of decl.namedChildren) {
      const name = d?.type === 'variable_declarator' ? d.childForFieldName('name') : undefined;
      const value = d?.childForFieldName('value');
      if (!d || name?.type !== 'identifier' || !value || (value.type !== 'string' && value.type !== 'template_string')) continue;
      const text = render(syntax.text(value)).text;
      if (!WRITTEN.test(text) || out.textConstants.length >= MAX_CONSTANTS) continue;
      out.textConstants.push({ name: name.text, line: value.startPosition.row + 1, endLine: value.endPosition.row + 1, text: text.slice(0, MAX_TEXT) });
    }
  }
  return out;
}

/** `export function f() { return "…" }` / `export const f = () => …`: the written texts it returns, when it returns any. */
function exportedBuilder(syntax: LanguageSyntax, decl: SyntaxNode, out: BuilderTextsFact[]): void {
  const declarators = decl.type === 'lexical_declaration' ? decl.namedChildren.filter((d): d is SyntaxNode => d?.type === 'variable_declarator') : [decl];
  for (const d of declarators) {
    const fn = d.type === 'variable_declarator' ? d.childForFieldName('value') : d;
    const name = d.childForFieldName('name');
    if (!fn || name?.type !== 'identifier' || !FUNCTION.test(fn.type) || out.length >= MAX_CONSTANTS) continue;
    const texts = returnedTexts(syntax, fn).flatMap((n) => (joinsNamesOnly(syntax, n) ? joinedTexts(syntax, n) : [n])).map((n) => ({ name: name.text, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: render(syntax.text(n)).text.slice(0, MAX_TEXT) }));
    if (texts.length) out.push({ fn: name.text, texts });
  }
}

/** `styleText + "\n\n" + factsText`: texts written elsewhere in the function, joined with separators only: those texts are what it returns. */
function joinsNamesOnly(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '+') return false;
  const separator = (side: SyntaxNode): boolean => (side.type === 'string' || side.type === 'template_string') && !/[A-Za-z]/.test(syntax.stringConstant(side) ?? 'x');
  return [node.childForFieldName('left'), node.childForFieldName('right')].every((side) => side && (side.type === 'identifier' || separator(side) || joinsNamesOnly(syntax, side)));
}

/** The texts the names of such a join are bound to (`styleText`, `factsText`), each a text of its own. */
function joinedTexts(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode[] {
  return [node.childForFieldName('left'), node.childForFieldName('right')].flatMap((side) => {
    if (side?.type === 'binary_expression') return joinedTexts(syntax, side);
    const target = side?.type === 'identifier' ? syntax.resolve(side) : undefined;
    return target && target.id !== side!.id && syntax.isTextLiteral(target) && WRITTEN.test(render(syntax.text(target)).text) ? [target] : [];
  });
}

/** `${getPrompts().businessContext}`: a call of a named function without arguments whose property is spliced into a template. */
function calledSplice(call: SyntaxNode): CalledSpliceFact | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier' || call.childForFieldName('arguments')?.namedChildCount !== 0) return undefined;
  // A node's parent costs a walk from the root in tree-sitter: asked only of calls without arguments.
  const member = call.parent;
  if (member?.type !== 'member_expression' || member.parent?.type !== 'template_substitution') return undefined;
  const prop = member.childForFieldName('property');
  return prop ? { fn: fn.text, prop: prop.text, line: call.startPosition.row + 1 } : undefined;
}

/** A `.replace` whose result is itself replaced again (`a.replace(…).replace(…)`): the outer link stands for the chain. */
function isInnerLink(syntax: LanguageSyntax, call: SyntaxNode): boolean {
  const parent = call.parent;
  return parent?.type === 'member_expression' && parent.parent?.type === 'call_expression' && REPLACE.test(syntax.callee(parent.parent));
}

function chainOf(syntax: LanguageSyntax, outer: SyntaxNode): SpliceFact {
  const keys: string[] = [];
  const inserted: string[] = [];
  const called: string[] = [];
  let cur: SyntaxNode | undefined = outer;
  for (let i = 0; i < 12 && cur && cur.type === 'call_expression' && REPLACE.test(syntax.callee(cur)); i++) {
    const [key, value] = syntax.args(cur).positional;
    const k = key ? syntax.stringConstant(key) : undefined;
    if (k) keys.push(k);
    if (value) namesIn(value, inserted);
    if (value) calledIn(syntax, value, called);
    cur = syntax.receiver(cur);
    while (cur?.type === 'parenthesized_expression' && cur.namedChildren[0]) cur = cur.namedChildren[0];
  }
  return { ...(cur?.type === 'identifier' ? { root: cur.text } : {}), keys, inserted, ...(called.length ? { calledInserted: called } : {}), line: outer.startPosition.row + 1 };
}

function namesIn(node: SyntaxNode, out: string[]): void {
  const n = node.type === 'parenthesized_expression' && node.namedChildren[0] ? node.namedChildren[0] : node;
  if (n.type === 'identifier') {
    if (!out.includes(n.text)) out.push(n.text);
  } else if (n.type === 'binary_expression' && /^(\|\||\?\?)$/.test(n.childForFieldName('operator')?.text ?? '')) {
    for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) namesIn(side, out);
  } else if (n.type === 'ternary_expression') {
    for (const side of [n.childForFieldName('consequence'), n.childForFieldName('alternative')]) if (side) namesIn(side, out);
  }
}

/** `f(…)`, `await f(…)`, or a local bound to either: the plain function name called (a method is not a builder of text). */
function calledIn(syntax: LanguageSyntax, node: SyntaxNode, out: string[]): void {
  let n: SyntaxNode | undefined = node;
  if (n.type === 'identifier') {
    const bound = syntax.resolve(n);
    n = bound.id === n.id ? undefined : bound;
  }
  while (n && (n.type === 'await_expression' || n.type === 'parenthesized_expression') && n.namedChildren[0]) n = n.namedChildren[0];
  // `memories ? formatReflections(memories) : "No reflections found."`, `saved ?? buildNotes()`: the builder an arm calls.
  const arms = n?.type === 'ternary_expression' ? [n.childForFieldName('consequence'), n.childForFieldName('alternative')] : n?.type === 'binary_expression' && /^(\|\||\?\?)$/.test(n.childForFieldName('operator')?.text ?? '') ? [n.childForFieldName('left'), n.childForFieldName('right')] : [];
  if (arms.length) {
    for (const arm of arms) if (arm && arm.type !== 'identifier') calledIn(syntax, arm, out);
    return;
  }
  const callee = n?.type === 'call_expression' ? n.childForFieldName('function') : undefined;
  if (callee?.type === 'identifier' && !out.includes(callee.text)) out.push(callee.text);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION.test(n.type)) return n;
  return undefined;
}
