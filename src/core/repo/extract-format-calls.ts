/**
 * Python template formatting as facts: `TRIAGE_PROMPT.format(background=cfg["background"], name=name)` keeps the
 * template (a name) and every value passed into its slots as expressions. The call graph drops `.format` (a method
 * of strings, never a repository function), and a value expression collapses a `.format` call to its template, so
 * without these facts the repository pass cannot see what is formatted into a prompt (formatted-config-keys.ts).
 */
import type { SyntaxNode } from '../detect/parser';
import type { FunctionFact } from './facts';
import { expr } from './extract-py';
import { enclosing } from './extract-texts';
import type { FormatCall } from './sent-types';

const FORMAT_METHOD = /^(format|format_map|format_messages|format_prompt)$/;
/** Values kept per call, and calls kept per file (a prompts module formats a few dozen templates at most). */
const MAX_VALUES = 30;
const MAX_CALLS = 200;

export function formatCalls(calls: readonly SyntaxNode[], functions: readonly FunctionFact[]): FormatCall[] {
  const out: FormatCall[] = [];
  const fnAt = enclosing(functions);
  for (const call of calls) {
    if (out.length >= MAX_CALLS) break;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') continue;
    const method = callee.childForFieldName('attribute')?.text ?? '';
    const receiver = callee.childForFieldName('object');
    // Only a template held by a name (`PROMPT.format`, `self.prompt.format`): a literal's `"{}".format(x)` is read by detection.
    if (!FORMAT_METHOD.test(method) || !receiver || (receiver.type !== 'identifier' && receiver.type !== 'attribute')) continue;
    const values: FormatCall['values'][number][] = [];
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (!arg || values.length >= MAX_VALUES) continue;
      const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg.type === 'list_splat' || arg.type === 'dictionary_splat' ? null : arg;
      if (value) values.push(expr(value, 0));
    }
    if (!values.length) continue;
    const line = call.startPosition.row + 1;
    const fn = fnAt(line);
    out.push({ ...(fn ? { fn } : {}), template: expr(receiver, 0), values, line });
  }
  return out;
}
