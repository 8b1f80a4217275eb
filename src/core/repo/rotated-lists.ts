/**
 * A model list rotated or drawn from at run time: `self.model_list = itertools.cycle(GPT35_MODEL_LIST)` then
 * `self.model = next(self.model_list)` per request, or `random.choice(MODELS)`. Every request goes to one of the
 * list's models; the first written is the point the site is priced on, and the provenance names the others (the
 * site's range). `cycle(…)`/`iter(…)` keep the list for `next` to read; nothing else is guessed.
 */
import type { Expr } from './facts';
import type { Val } from './values';
import { exprText } from './extract';

type CallExpr = Extract<Expr, { k: 'call' }>;

const ITERATOR = /^(itertools\.)?(cycle|iter)$/;
const DRAW = /^(random\.)?(choice|secrets\.choice)$|^secrets\.choice$/;

/** The value of a rotation builtin over a known list, or undefined when the call is none (or its list is unknown). */
export function rotatedPick(e: CallExpr, evaluate: (x: Expr) => Val | undefined): Val | undefined {
  const text = e.text.replace(/\(.*$/s, '').trim();
  const arg = e.args[0];
  if (!arg || e.args.length > 2) return undefined;
  if (ITERATOR.test(text) && e.args.length === 1) {
    const v = evaluate(arg);
    return v?.t === 'list' ? v : undefined;
  }
  if (text !== 'next' && !DRAW.test(text)) return undefined;
  const list = evaluate(arg);
  if (list?.t !== 'list' || !list.items.length) return undefined;
  const values = list.items.slice(0, 12).map((x) => evaluate(x));
  const first = values[0];
  if (first?.t !== 'str') return undefined;
  const names = values.flatMap((v) => (v?.t === 'str' ? [v.v] : []));
  const how = text === 'next' ? 'rotated per request' : 'drawn at random';
  const others = names.slice(1, 6).join(', ');
  const more = list.items.length > 6 ? ', …' : '';
  const written = `${text}(${exprText(arg)})`;
  const detail = `${written.length <= 60 ? written : `${text}(…)`}: ${how} over ${list.items.length} models (${first.v}${others ? `, ${others}${more}` : ''}); priced on the first, the others are its range`;
  return { ...first, detail };
}
