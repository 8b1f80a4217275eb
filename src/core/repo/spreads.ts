/**
 * Objects spread into an object literal (`{ ...providerConfig, modelName }`, `z.object({ think, ...actionSchemas })`):
 * a key the literal does not write is read from the spread objects, the last one first, as JavaScript assigns them.
 * A key the literal writes wins over every spread (the usual `{ ...defaults, key: override }`; a spread written
 * after an explicit key that overrides it is rare and read as the explicit key).
 */
import type { Expr } from './facts';
import type { Val } from './values';

export function spreadMember(obj: Extract<Val, { t: 'dict' }>, key: string, value: (e: Expr) => Val | undefined, member: (v: Val) => Val | undefined): Val | undefined {
  const spreads = obj.spreads ?? [];
  for (let i = spreads.length - 1; i >= 0; i--) {
    const spread = value(spreads[i]);
    const hit = spread ? member(spread) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** The expressions an object literal is built from: its written values and the objects spread into it. */
export function dictParts(e: Extract<Expr, { k: 'dict' }>): Expr[] {
  return [...Object.values(e.entries), ...(e.spreads ?? [])];
}

/** A field of an object passed whole (`createProvider(options)` into `({ provider, model }: Options)`): read where it is an object. */
export function fieldOf(obj: Val | undefined, key: string, member: (v: Val, key: string) => Val | undefined): Val | undefined {
  return obj?.t === 'dict' || obj?.t === 'inst' || obj?.t === 'client' ? member(obj, key) : undefined;
}
