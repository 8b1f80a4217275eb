/**
 * Tables keyed by a constant that is no string literal, read with a key the code computes (Python):
 *
 *   class APIProvider(StrEnum):
 *       ANTHROPIC = "anthropic"
 *   PROVIDER_TO_DEFAULT_MODEL_NAME: dict[APIProvider, str] = {
 *       APIProvider.ANTHROPIC: "claude-sonnet-4-20250514",
 *       APIProvider.BEDROCK: "anthropic.claude-3-5-sonnet-20241022-v2:0",
 *   }
 *   st.session_state.provider = os.getenv("API_PROVIDER", "anthropic") or APIProvider.ANTHROPIC
 *   st.session_state.model = PROVIDER_TO_DEFAULT_MODEL_NAME[cast(APIProvider, st.session_state.provider)]
 *
 * The dict keeps its enum- or constant-keyed pairs beside its literal keys (`keyed`), and a subscript whose key is a
 * name, an attribute or a `cast(T, x)` / `Enum(x)` of one is a `lookup`: the key is followed like any value (its
 * default, the environment's default), and the pair whose key evaluates to the same string or number answers. A key
 * that cannot be evaluated answers nothing (the model stays unknown; no pair is guessed).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { Ctx, Val } from './values';

/** Pairs kept per dict: provider and model tables are short. */
const MAX_KEYED = 40;

/** A key written as a constant: a name or a dotted attribute (`APIProvider.ANTHROPIC`, `ModelType.GPT_4O.value`). */
export function constantKey(key: SyntaxNode | null | undefined): boolean {
  return key?.type === 'attribute' ? /^[A-Za-z_][\w.]*$/.test(key.text) : key?.type === 'identifier' && key.text !== 'self';
}

/** The dict's pairs keyed by a constant, for its `keyed` field. */
export function keyedPairs(pairs: readonly (SyntaxNode | null)[], expr: (n: SyntaxNode) => Expr): [Expr, Expr][] {
  const out: [Expr, Expr][] = [];
  for (const pair of pairs) {
    if (out.length >= MAX_KEYED) break;
    const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const value = pair?.childForFieldName('value');
    if (key && value && constantKey(key)) out.push([expr(key), expr(value)]);
  }
  return out;
}

/** `cast(T, x)` → `x`; `Enum(x)` with a capitalised callee and one argument → `x`; other keys as written. */
export function lookupKey(key: SyntaxNode | null | undefined): SyntaxNode | undefined {
  if (!key) return undefined;
  if (constantKey(key)) return key;
  if (key.type !== 'call') return undefined;
  const callee = key.childForFieldName('function')?.text ?? '';
  const args = key.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment' && a.type !== 'keyword_argument') ?? [];
  const inner = /^(typing\.)?cast$/.test(callee) && args.length === 2 ? args[1] : /^([A-Za-z_]\w*\.)*[A-Z]\w*$/.test(callee) && args.length === 1 ? args[0] : undefined;
  return inner && (constantKey(inner) || inner.type === 'call' || inner.type === 'string' || inner.type === 'boolean_operator') ? inner : undefined;
}

/** The value of the pair whose constant key evaluates to `key`; undefined when none does. */
export function keyedMember(obj: Val, key: string | number, ev: (e: Expr, ctx: Ctx) => Val | undefined): Val | undefined {
  if (obj.t !== 'dict' || !obj.keyed?.length) return undefined;
  for (const [k, v] of obj.keyed) {
    const got = ev(k, obj.ctx);
    if ((got?.t === 'str' || got?.t === 'num') && got.v === key) return ev(v, obj.ctx);
  }
  return undefined;
}
