/**
 * TypeScript: a text built once per item and joined, that ends in a prompt. `const context = results.map((r, i)
 * => \`<result index=${i}>${r.content}</result>\`).join('\n')`, then `${context}` in the prompt's template, or
 * `context` passed to a prompt-building function of the file whose template splices that parameter. The
 * per-item template is what the model reads around each item (its tags and words count for every item):
 * it is a prompt of its own. A mapped template that never reaches a prompt (HTML rows, log lines) is not.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

const TAG = /<\/?[A-Za-z_][^<>]*>/g;
const WORD = /[A-Za-z]{2,}/g;

const FUNCTIONS = new Set(['arrow_function', 'function_declaration', 'function_expression', 'function', 'method_definition']);

export function mappedPromptPieces(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode, sites: SiteRegistry): void {
  if (syntax.language !== 'typescript') return;
  if (!sites.prompts.size) return;
  const joined = collected.declarations.filter((d) => !d.isFunction && d.nameNode.type === 'identifier' && (d.value.type === 'call_expression' || d.value.type === 'binary_expression' || d.value.type === 'ternary_expression') && /\.map\s*\(/.test(d.value.text) && /\.join\s*\(/.test(d.value.text));
  if (!joined.length) return;
  const prompts = root.descendantsOfType('template_string').filter((t): t is SyntaxNode => Boolean(t) && sites.prompts.has(`${t!.startIndex}:${t!.endIndex}`));
  if (!prompts.length) return;
  for (const d of joined) {
    const piece = mappedTemplate(syntax, d.value);
    if (!piece || sites.prompts.has(`${piece.startIndex}:${piece.endIndex}`)) continue;
    if (!reachesPrompt(syntax, collected, prompts, d.nameNode, d.value)) continue;
    sites.addPrompt(piece, syntax.text(piece), 'other', CONFIDENCE.key, `per-item text joined into a prompt (${d.name})`);
  }
}

/** `items.map(cb).join(sep)` (also `… || ''`): the template `cb` returns, when it writes something around the item. */
function mappedTemplate(syntax: LanguageSyntax, value: SyntaxNode): SyntaxNode | undefined {
  let v = value;
  if (v.type === 'binary_expression') v = v.childForFieldName('left') ?? v;
  // `sources.length ? sources.map(…).join("\n\n") : ""`: the arm that joins.
  // There the rule is read as for Python's joined items (joined-item-templates-py.ts): two written words outside tags,
  // so `<Content index={${i}}>${c}</Content>` (data wrapped in a tag) is not a prompt of its own.
  if (v.type === 'ternary_expression') {
    const arms = [v.childForFieldName('consequence'), v.childForFieldName('alternative')].map((arm) => (arm ? mappedTemplate(syntax, arm) : undefined));
    return arms.find((t) => t && (render(syntax.text(t)).literalText.replace(TAG, ' ').match(WORD) ?? []).length >= 2);
  }
  if (v.type !== 'call_expression' || !/\.join$/.test(syntax.callee(v))) return undefined;
  const mapped = syntax.receiver(v);
  if (!mapped || mapped.type !== 'call_expression' || !/\.map$/.test(syntax.callee(mapped))) return undefined;
  const cb = syntax.args(mapped).positional[0];
  if (!cb || !FUNCTIONS.has(cb.type)) return undefined;
  const returned = syntax.returns(cb).find((r) => r.type === 'template_string');
  if (!returned) return undefined;
  const text = syntax.text(returned);
  const written = text.parts.filter((p): p is string => typeof p === 'string').join('');
  return text.parts.some((p) => typeof p !== 'string') && written.replace(/\s+/g, '').length >= 8 ? returned : undefined;
}

/** The joined text is spliced into a prompt's template, or passed to a function of the file that splices that parameter into one. */
function reachesPrompt(syntax: LanguageSyntax, collected: Collected, prompts: readonly SyntaxNode[], name: SyntaxNode, value: SyntaxNode): boolean {
  const splices = (template: SyntaxNode, id: string): SyntaxNode[] =>
    template.descendantsOfType('template_substitution').flatMap((s) => (s?.namedChildren[0]?.type === 'identifier' && s.namedChildren[0].text === id ? [s.namedChildren[0]] : []));
  for (const t of prompts) if (splices(t, name.text).some((id) => syntax.resolve(id).id === value.id)) return true;
  for (const call of collected.calls) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const index = args.findIndex((a) => a?.type === 'identifier' && a.text === name.text && syntax.resolve(a).id === value.id);
    const fn = call.childForFieldName('function');
    if (index < 0 || fn?.type !== 'identifier') continue;
    const target = syntax.resolve(fn);
    if (!FUNCTIONS.has(target.type)) continue;
    const param = target.childForFieldName('parameters')?.namedChildren.filter((p) => p && p.type !== 'comment')[index];
    const paramName = param?.childForFieldName('pattern')?.text ?? (param?.type === 'identifier' ? param.text : undefined);
    if (paramName && prompts.some((t) => t.startIndex >= target.startIndex && t.endIndex <= target.endIndex && splices(t, paramName).length > 0)) return true;
  }
  return false;
}
