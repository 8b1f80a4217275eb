/**
 * Chat models handed in rather than made here, invoked under a model-like name (`llm.ainvoke(…)`):
 *
 * - a parameter whose signature default is `None` (`summary_llm: Chat | None = None`): the caller's model, or
 *   what the body puts there when nothing is passed (`if summary_llm is None: summary_llm = self.llm`);
 * - a fallback between such values (`llm = ai_step_llm or self.llm`, `model ?? this.model`).
 *
 * Both are requests whose model the repository pass follows (a `param` or `member` ref); a local that
 * holds anything else (a graph, an agent, a call result) is left to the other rules.
 */
import { parameterOf, type ModelValue } from './model-resolve';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import type { ValueRef } from './types';

const NOTHING = new Set(['none', 'null', 'undefined']);
const NAMES = new Set(['identifier', 'attribute', 'member_expression']);
const FALLBACK_OPS = new Set(['or', '??', '||']);

/** The ref to follow for a model-named value whose declaration is `None` or a fallback between names; undefined otherwise. */
export function passedModelRef(syntax: LanguageSyntax, base: SyntaxNode, target: SyntaxNode, resolve: (n: SyntaxNode) => ModelValue): ValueRef | undefined {
  const line = base.startPosition.row + 1;
  if (NOTHING.has(target.type) || target.text === 'None') {
    if (base.type !== 'identifier') return undefined;
    const param = parameterOf(syntax, base, true);
    return param ? { kind: 'param', text: base.text, param, line } : undefined;
  }
  if (target.type === 'boolean_operator' || target.type === 'binary_expression') {
    const op = target.childForFieldName('operator')?.text ?? (target.type === 'boolean_operator' ? target.children[1]?.text : undefined);
    const left = target.childForFieldName('left');
    const right = target.childForFieldName('right');
    if (!op || !FALLBACK_OPS.has(op) || !left || !right || !NAMES.has(left.type) || !NAMES.has(right.type)) return undefined;
    const value = resolve(base);
    return value.ref && (value.ref.kind === 'param' || value.ref.kind === 'member' || value.ref.kind === 'name') ? value.ref : undefined;
  }
  return undefined;
}
