/** Catalog lookups by id for the estimates, indexed once per catalog object. */
import { contextWindowOf as windowFacts } from '../catalog/context';
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

/** The window that applies at the offering (a provider may serve less); absent when no source states one. */
export function contextWindowOf(model: ModelEntry | undefined, offering: Offering | undefined): number | undefined {
  return windowFacts(model, offering).tokens;
}
