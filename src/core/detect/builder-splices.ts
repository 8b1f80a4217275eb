/**
 * Builders of another module spliced into a template: `f"…{selected_stack}…"` after
 * `selected_stack = build_selected_stack_policy(stack)` (the function imported from a policies module), or
 * `` `…${formatRules(config)}` ``. The texts such a builder returns are written where it is declared and sent inside
 * the prompt that splices its call, so each is a prompt fragment there. This module records, per file, the imported
 * plain functions whose call a template splices (with the splice's line), and the written texts each top-level
 * function returns; repo/spliced-constants.ts joins them when a reported prompt spans the splice.
 */
import type { BuilderSpliceFact, BuilderTextsFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { returnedTexts } from './returned-parts';
import { accumulatedTexts } from './accumulated-texts-py';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

const MAX_SPLICES = 80;
const MAX_BUILDERS = 60;
const MAX_TEXT = 8000;
const SPLICE = ['interpolation', 'template_substitution'];

/** The imported plain functions whose call (or a local holding it) a template of the file splices in. */
export function importedBuilderSplices(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode): BuilderSpliceFact[] {
  const out: BuilderSpliceFact[] = [];
  for (const sub of root.descendantsOfType(SPLICE)) {
    if (out.length >= MAX_SPLICES) break;
    const fn = calledName(syntax, sub?.namedChildren[0] ?? undefined);
    // Only names the file imports: a function of this file is read in place (detect/returned-parts.ts).
    if (!fn || !collected.imports.has(fn)) continue;
    const line = sub!.startPosition.row + 1;
    if (!out.some((o) => o.fn === fn && o.line === line)) out.push({ fn, line });
  }
  return out;
}

/** Python: the written texts each top-level `def` returns (any module-level function may be imported). */
export function pythonBuilderTexts(syntax: LanguageSyntax, root: SyntaxNode): BuilderTextsFact[] {
  const out: BuilderTextsFact[] = [];
  for (const stmt of root.namedChildren) {
    if (out.length >= MAX_BUILDERS) break;
    const fn = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name') : undefined;
    if (!fn || !name) continue;
    const texts = returnedTexts(syntax, fn).map((n) => ({ name: name.text, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: render(syntax.text(n)).text.slice(0, MAX_TEXT) }));
    // `text += f"…"` … `return text`: the pieces the helper accumulates (accumulated-texts-py.ts).
    const accumulated = accumulatedTexts(syntax, fn, name.text);
    if (texts.length || accumulated.length) out.push({ fn: name.text, texts, ...(accumulated.length ? { accumulated } : {}) });
  }
  return out;
}

/** `f(…)`, `await f(…)`, or a local bound to one: the plain function name called (a method is no builder here). */
export function calledName(syntax: LanguageSyntax, expr: SyntaxNode | undefined): string | undefined {
  let n = expr;
  if (n?.type === 'identifier') {
    const bound = syntax.resolve(n);
    n = bound.id === n.id ? undefined : bound;
  }
  while (n && /^(await|await_expression|parenthesized_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  if (n?.type !== 'call' && n?.type !== 'call_expression') return undefined;
  const callee = n.childForFieldName('function');
  return callee?.type === 'identifier' ? callee.text : undefined;
}
