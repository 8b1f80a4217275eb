/** Settings and tokenomics.json: types, defaults, normalisation, file parsing. */
export * from './types';
export { normalizeConfig, type NormalizedConfig } from './normalize';
export { parseConfigFile, lineAt, type ConfigFile } from './file';
export { formatPath, type Locator } from './clean';
export { SCHEMA_KEYS } from './schema';
export { loadEnvironment, overlay, type Environment, type EnvironmentInput } from './environment';
