/**
 * Python loops that walk data by position, told apart from agent loops: `while cursor < len(self.book): … cursor +=
 * batch_len` advances an index through a sequence the body does not grow (a queue the body appends to is another
 * thing: an agent's task list), and a pass handing a progress counter back to itself (`index = self.process_item(item,
 * index, …)`) carries a position, not a piece of work refined pass after pass (carried-items.ts).
 */
import type { SyntaxNode } from '../detect/parser';

/** Names that hold a position or a count in the code's own spelling: carried, they mark progress, not work. */
const COUNTER = /^(i|j|k|n|idx|index|count|counter|cursor|offset|pos|position|page|num|total|done)$|_(idx|index|count|num|offset|pos)$|^(idx|index|count|num|offset)_/;

export function isCounterName(name: string): boolean {
  return COUNTER.test(name);
}

/**
 * `while i < len(items):` (or `<=`, or `len(items) > i`) whose body advances `i +=` and never grows `items`: the loop
 * walks the sequence, one pass per position.
 */
export function walksByIndex(loop: SyntaxNode): boolean {
  const condition = loop.childForFieldName('condition');
  const body = loop.childForFieldName('body');
  if (!condition || !body || condition.type !== 'comparison_operator') return false;
  const text = condition.text.replace(/\s+/g, ' ').trim();
  const m = /^([A-Za-z_]\w*) <=? len\(([\w.]+)\)$/.exec(text) ?? swapped(/^len\(([\w.]+)\) >=? ([A-Za-z_]\w*)$/.exec(text));
  if (!m) return false;
  const [, index, seq] = m;
  const src = body.text;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`(^|[^\\w.])${esc(index)}\\s*\\+=`, 'm').test(src)) return false;
  // A list the body appends to is a work queue, not data walked.
  return !new RegExp(`${esc(seq)}\\s*(\\.\\s*(append|extend|insert)\\s*\\(|\\+=|=[^=])`).test(src);
}

function swapped(m: RegExpExecArray | null): [string, string, string] | null {
  return m ? [m[0], m[2], m[1]] : null;
}
