/**
 * What a site priced on a model nothing resolved says about that model: the global or vendor
 * default, or the repository's own default (a guess, repo/repository-default.ts), and for a guess
 * the other models it could be, each priced on the site's workload. Those prices widen the site's
 * range (ranges.ts); the note names the cheapest and the dearest, so every surface states the
 * spread without working it out itself.
 */
import type { Price } from '../cost/types';
import type { DetectedCall } from '../detect/types';
import type { ChosenModel } from '../repo/pricing';
import type { Assumptions } from '../workload';
import { defaultModelNote } from './assumption-notes';
import { describeRef } from './call-extras';
import type { PlausibleModel, SiteAssumption } from './types';

/** The plausible models of a guessed site, priced by `price` (the site's own workload). */
export function pricePlausible(chosen: ChosenModel, price: (model: string) => Price): PlausibleModel[] | undefined {
  if (!chosen.plausible?.length) return undefined;
  return chosen.plausible.map((p) => ({ model: p.model, ...(p.at ? { at: p.at } : {}), costPerUnit: price(p.model) }));
}

/** `gpt-4o-mini … o3`: the cheapest and the dearest of the guess and its plausible models, by their expected price. */
export function plausibleSpan(guess: { readonly model: string; readonly costPerUnit: Price }, plausible: readonly PlausibleModel[]): string | undefined {
  const priced = [guess, ...plausible].flatMap((p) => (p.costPerUnit.kind === 'priced' ? [{ model: p.model, usd: p.costPerUnit.usd }] : []));
  if (priced.length < 2) return undefined;
  const sorted = [...priced].sort((a, b) => a.usd - b.usd);
  const [cheapest, dearest] = [sorted[0], sorted[sorted.length - 1]];
  return cheapest.usd === dearest.usd ? undefined : `${cheapest.model} … ${dearest.model}`;
}

/**
 * The `assumed` line and the model note of a site whose model the code does not give, or undefined
 * when it does. A guess says it is one, where it came from, and the models its range spans.
 */
export function assumedModelNote(chosen: ChosenModel, call: Pick<DetectedCall, 'modelRef'>, a: Assumptions, costPerCall: Price, plausible: readonly PlausibleModel[] | undefined): { assumed: string; note: SiteAssumption } | undefined {
  const model = chosen.choice;
  if (model.source !== 'default') return undefined;
  const from = chosen.source.from;
  if (from === 'repository-default') {
    const span = plausible ? plausibleSpan({ model: model.id, costPerUnit: costPerCall }, plausible) : undefined;
    const others = plausible?.length ? `; ${plausible.length + 1} plausible models${span ? `, ${span}` : ''} (the repository's others and the vendor default) make its range` : '';
    const detail = `guessed: ${chosen.source.detail ?? "the repository's default"}${others}`;
    return { assumed: `model: ${model.id} (${detail})`, note: { subject: 'model', value: model.id, from: 'default', detail } };
  }
  const why = from === 'vendor-default' ? (chosen.source.detail ?? 'vendor default') : call.modelRef ? `chosen at run time: ${describeRef(call.modelRef)}` : 'the code names none';
  return { assumed: `model: ${model.id} (${from === 'vendor-default' ? why : `default; ${why}`})`, note: { ...defaultModelNote(model.id, a), detail: why } };
}
