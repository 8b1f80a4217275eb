/**
 * An option the client picks by its key: `const model = models.find((m) => m.id === modelId)` with `modelId` from
 * the request body, then `customModel(model.apiIdentifier)`. The model sent is not the client's text itself but a
 * field of the listed option whose key equals it. The pick stays client input (model-flow.ts `ClientValue`) carrying
 * the list, the key field and the field read from the option; once the client's value is known (a route sender's
 * body, the UI's default) the option with that key gives the field (`keyedField`). A key that is a plain string
 * picks its option at once (`pickByKey`).
 */
import type { Expr } from './facts';
import type { ClientValue } from './model-flow';
import type { ResolvedModel } from './types';
import { aliasedModel } from './provider-aliases';
import type { Ctx, Val } from './values';

/** The list a client's key picks from, the option field compared with the key and the field then read. */
export interface ClientPick {
  readonly items: readonly Expr[];
  readonly ctx: Ctx;
  readonly key: string;
  readonly read?: string;
  /** Not a list: the alias provider whose `method` (`languageModel`) the client's name is given to (provider-aliases.ts). */
  readonly aliases?: { readonly provider: Extract<Val, { t: 'dict' }>; readonly method: string };
}

type Value = (e: Expr, ctx: Ctx) => Val | undefined;

/** `(m) => m.id === modelId` (either side, `==` too, or a quoted key) → the field `id` and the compared key. */
export function keyPredicate(e: Expr | undefined): { field: string; key: Expr } | undefined {
  if (e?.k !== 'unknown') return undefined;
  const m = /^\(?\s*([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>[\]]+)?\s*\)?\s*=>\s*(.+?)\s*$/.exec(e.text);
  if (!m) return undefined;
  const sides = m[2].split(/\s*===?\s*/);
  if (sides.length !== 2) return undefined;
  const field = new RegExp(`^${m[1].replace(/\$/g, '\\$')}\\.([A-Za-z_$][\\w$]*)$`);
  const plain = /^[A-Za-z_$][\w$]*$/;
  const quoted = /^(['"`])([^'"`$\\]*)\1$/;
  for (const [a, b] of [sides, [...sides].reverse()]) {
    const f = field.exec(a);
    if (f && plain.test(b) && b !== m[1]) return { field: f[1], key: { k: 'name', v: b, line: e.line } };
    const q = f ? quoted.exec(b) : null;
    if (f && q) return { field: f[1], key: { k: 'str', v: q[2], line: e.line } };
  }
  return undefined;
}

/** `list.find((m) => m.id === key)`: the option with that key for a known key, a pick carried by client input. */
export function pickByKey(items: readonly Expr[], listCtx: Ctx, predicate: Expr | undefined, ctx: Ctx, value: Value): Val | undefined {
  const pred = keyPredicate(predicate);
  if (!pred) return undefined;
  const key = value(pred.key, ctx);
  if (key?.t === 'client') return key.pick ? undefined : { ...key, pick: { items, ctx: listCtx, key: pred.field } };
  if (key?.t !== 'str') return undefined;
  const hit = optionWithKey(items, listCtx, pred.field, key.v, value);
  return hit ? value(hit, listCtx) : undefined;
}

/** A field read from a picked option (`model.apiIdentifier`): kept for when the key is known. */
export function readPicked(v: ClientValue, field: string): ClientValue | undefined {
  return v.pick && !v.pick.read ? { ...v, pick: { ...v.pick, read: field } } : undefined;
}

/** The model a client pick sends once the client's key is resolved: the read field of the option with that key. */
export function keyedField(v: ClientValue, resolved: ResolvedModel | undefined, value: Value): ResolvedModel | undefined {
  if (!v.pick || !resolved) return resolved;
  if (v.pick.aliases) {
    const sent = aliasedModel({ eval: (e, c) => value(e, c) }, v.pick.aliases.provider, v.pick.aliases.method, resolved.model, 0);
    return sent?.t === 'str' ? { model: sent.v, source: { ...resolved.source, detail: `${resolved.source.detail ?? ''}; ${sent.detail ?? ''}` } } : resolved;
  }
  const hit = optionWithKey(v.pick.items, v.pick.ctx, v.pick.key, resolved.model, value);
  const option = hit && value(hit, v.pick.ctx);
  const field = option?.t === 'dict' && v.pick.read ? option.entries[v.pick.read] : undefined;
  const got = field && option?.t === 'dict' ? value(field, option.ctx) : undefined;
  if (got?.t !== 'str') return resolved;
  const detail = `${resolved.source.detail ?? ''}; the option with ${v.pick.key} ${JSON.stringify(resolved.model)} sends its ${v.pick.read}`;
  return { model: got.v, source: { ...resolved.source, detail } };
}

function optionWithKey(items: readonly Expr[], ctx: Ctx, field: string, key: string, value: Value): Expr | undefined {
  return items.find((item) => {
    const option = value(item, ctx);
    const k = option?.t === 'dict' ? option.entries[field] : undefined;
    const v = k && option?.t === 'dict' ? value(k, option.ctx) : undefined;
    return v?.t === 'str' && v.v === key;
  });
}
