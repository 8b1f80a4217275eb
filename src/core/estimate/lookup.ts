/** Catalog lookups by id for the estimates, indexed once per catalog object. */
import type { Catalog, ModelEntry, Offering } from '../catalog/types';

interface Index {
  readonly offerings: ReadonlyMap<string, Offering>;
  readonly models: ReadonlyMap<string, ModelEntry>;
}

const indexes = new WeakMap<Catalog, Index>();

function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (!index) {
    index = { offerings: new Map(catalog.offerings.map((o) => [o.id, o])), models: new Map(catalog.models.map((m) => [m.id, m])) };
    indexes.set(catalog, index);
  }
  return index;
}

export function offeringById(catalog: Catalog, id: string | undefined): Offering | undefined {
  return id === undefined ? undefined : indexOf(catalog).offerings.get(id);
}

export function modelById(catalog: Catalog, id: string | undefined): ModelEntry | undefined {
  return id === undefined ? undefined : indexOf(catalog).models.get(id);
}

/** The smaller of the model's and the offering's context windows (a provider may serve less). */
export function contextWindowOf(model: ModelEntry | undefined, offering: Offering | undefined): number | undefined {
  if (!model) return offering?.contextWindow;
  return Math.min(model.contextWindow, offering?.contextWindow ?? Infinity);
}
