/**
 * The environment of a command run on a folder: `tokenomics.json` read from disk (at the
 * root, or the `--config` path), then the core's `loadEnvironment`, the loader the
 * extension uses too.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Catalog } from '../core/catalog/types';
import { loadEnvironment, type Environment } from '../core/config/environment';

export class EnvironmentFileError extends Error {}

/** `required`: the path was given explicitly (`--config`), so a missing file is an error. */
export function readEnvironment(baseCatalog: Catalog, configPath: string, required: boolean): Environment {
  if (!existsSync(configPath)) {
    if (required) throw new EnvironmentFileError(`settings file not found: ${configPath}`);
    return loadEnvironment({ baseCatalog });
  }
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (err) {
    throw new EnvironmentFileError(`cannot read ${configPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return loadEnvironment({ baseCatalog, file: { text, path: configPath } });
}
