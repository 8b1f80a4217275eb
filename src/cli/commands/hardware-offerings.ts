/**
 * The catalog side of `tokenomics hardware`: which open architecture a model name
 * means (catalog id, alias or snapshot → `ModelEntry.architecture`), and the API
 * offerings of that model for the break-even columns.
 */
import { offeringsForModel, resolveModel } from '../../core/catalog';
import type { Offering } from '../../core/catalog/types';
import { openModelArchitecture, type OpenModelArchitecture } from '../../core/hardware';
import { cliCatalog } from '../catalog-source';

export interface ApiOfferings {
  readonly offerings: readonly Offering[];
  readonly note?: string;
}

/** The architecture for a name: through the catalog first (its aliases and snapshots), then the hardware data. */
export function architectureFor(query: string): OpenModelArchitecture | undefined {
  const resolution = resolveModel(cliCatalog(), query);
  if (resolution.kind === 'resolved') {
    const arch = openModelArchitecture(resolution.model.architecture ?? resolution.model.id);
    if (arch) return arch;
  }
  return openModelArchitecture(query);
}

/**
 * Offerings of the catalog model the user named, or else of every catalog model
 * built on this architecture (e.g. `deepseek-v3` for DeepSeek V3).
 */
export function apiOfferingsFor(query: string, arch: OpenModelArchitecture): ApiOfferings {
  const catalog = cliCatalog();
  const resolution = resolveModel(catalog, query);
  const modelIds =
    resolution.kind === 'resolved'
      ? [resolution.model.id]
      : catalog.models.filter((m) => m.id === arch.id || m.architecture === arch.id).map((m) => m.id);
  const offerings = modelIds.flatMap((id) => offeringsForModel(catalog, id));
  return offerings.length > 0
    ? { offerings }
    : { offerings: [], note: `the catalog (${catalog.asOf}) has no API offering of ${query} to compare with` };
}
