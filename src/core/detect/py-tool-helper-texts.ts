/**
 * The texts a tool class's own helper returns into a result field (the Anthropic computer-use edit tool,
 * anthropic-quickstarts `tools/edit.py`, copied by OpenManus `app/tool/str_replace_editor.py` and `planning.py`):
 *
 *     success_msg = f"The file {path} has been edited. "
 *     success_msg += self._make_output(snippet, f"a snippet of {path}")
 *     return CLIResult(output=success_msg)
 *
 *     def _make_output(self, file_content, file_descriptor):
 *         return f"Here's the result of running `cat -n` on {file_descriptor}:\n" + file_content + "\n"
 *
 * The header the helper returns is part of the tool result as much as the text around it. Read here: the
 * `self.<helper>(…)` calls inside a value given to a result field (in place, inside an f-string, or in each
 * `=`/`+=` of the local given), and in the helper of the same class: the texts it returns and the texts its
 * returned local is given (`output = f"Plan: …"`, `output += f"Progress: …"`; `return output`). The caller
 * (py-tool-errors.ts) keeps them as texts built into that result class, with the floor of built texts; the
 * repository pass keeps them only in the result family a tool collection returns.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const MAX_HELPERS = 10;

/** Text nodes the class's own helpers called in `values` return (the helper's returns and its returned local's texts). */
export function helperReturnedTexts(syntax: LanguageSyntax, call: SyntaxNode, values: readonly SyntaxNode[]): SyntaxNode[] {
  const names: string[] = [];
  for (const v of values) {
    for (const c of [v, ...v.descendantsOfType('call')]) {
      const fn = c?.type === 'call' ? c.childForFieldName('function') : undefined;
      const name = fn?.type === 'attribute' && fn.childForFieldName('object')?.text === 'self' ? fn.childForFieldName('attribute')?.text : undefined;
      if (name && !names.includes(name) && names.length < MAX_HELPERS) names.push(name);
    }
  }
  if (!names.length) return [];
  let cls: SyntaxNode | null = call.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const out: SyntaxNode[] = [];
  for (const member of cls?.childForFieldName('body')?.namedChildren ?? []) {
    const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (!fn || !name || !names.includes(name) || isAncestor(fn, call)) continue;
    for (const r of syntax.returns(fn).slice(0, 30)) {
      const value = r.type === 'parenthesized_expression' && r.namedChildren[0] ? r.namedChildren[0] : r;
      if (value.type !== 'identifier') {
        out.push(r);
        continue;
      }
      for (const a of fn.descendantsOfType(['assignment', 'augmented_assignment'])) {
        const right = a?.childForFieldName('right');
        if (a?.childForFieldName('left')?.text === value.text && right && a.startIndex < value.startIndex) out.push(right);
      }
    }
  }
  return out;
}

function isAncestor(fn: SyntaxNode, node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (n.id === fn.id) return true;
  return false;
}
