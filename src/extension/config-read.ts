/**
 * Turning raw setting values into the object `normalizeConfig` takes. Pure:
 * the glue (config.ts) passes what `WorkspaceConfiguration.inspect` returned.
 *
 * Recipe for a new setting: (1) add it to the core's `TokenomicsConfig` and
 * `DEFAULT_CONFIG` (or, for an editor-only switch, to `EDITOR_DEFAULTS` below);
 * (2) declare `tokenomics.<key>` in package.json with the same type and default
 * and a `markdownDescription` (the unit test `package-json.test.ts` fails until
 * both agree); (3) read it through `ExtensionConfig.settings()`; (4) document it
 * in docs/editor.md.
 */
import { DEFAULT_CONFIG } from './core-api';
import { DEFAULT_IN_HOST_MAX_FILES } from '../node/index-placement';

/** Editor-only switches: which surfaces are on. Not part of the core config (the CLI has no hover). */
export const EDITOR_DEFAULTS = {
  'hover.enabled': true,
  'codeLens.enabled': true,
  'diagnostics.enabled': true,
  'statusBar.enabled': true,
} as const;

export type EditorKey = keyof typeof EDITOR_DEFAULTS;

/**
 * Editor-only limits, read on their own (`ExtensionConfig.inHostIndexMaxFiles`), never by the core's
 * loader (the CLI has no repository index process). `repositoryIndex.inHostMaxFiles`: a workspace folder
 * of at most this many code files has its repository index in the extension host, a larger one in a
 * process of its own (src/node/index-placement.ts); 0 puts every folder's in its own process.
 */
export const EDITOR_LIMITS = {
  'repositoryIndex.inHostMaxFiles': DEFAULT_IN_HOST_MAX_FILES,
} as const;

/** Beyond this the host would hold a large folder's index: the setting is capped here. */
export const IN_HOST_MAX_FILES_CAP = 5_000;

/**
 * The setting's value as the editor uses it: a whole number of files from 0 to the cap; anything
 * else is the default, with a one-line issue saying why (logged once by the caller).
 */
export function normalizeInHostMaxFiles(value: unknown): { readonly value: number; readonly issue?: string } {
  const fallback = EDITOR_LIMITS['repositoryIndex.inHostMaxFiles'];
  if (value === undefined) return { value: fallback };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return { value: fallback, issue: `tokenomics.repositoryIndex.inHostMaxFiles must be a whole number of files (0 or more); using ${fallback}` };
  }
  if (value > IN_HOST_MAX_FILES_CAP) return { value: IN_HOST_MAX_FILES_CAP, issue: `tokenomics.repositoryIndex.inHostMaxFiles is at most ${IN_HOST_MAX_FILES_CAP}; using ${IN_HOST_MAX_FILES_CAP}` };
  return { value };
}

/** Settings a workspace may not set while untrusted (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`). */
export const RESTRICTED_KEYS = ['customModels', 'priceOverrides'] as const;

/** Every `tokenomics.*` key the manifest declares: the core config's keys, the editor's switches and its limits. */
export function settingKeys(): string[] {
  return [...loaderKeys(), ...Object.keys(EDITOR_LIMITS)];
}

/** The keys the core's loader reads (`loadEnvironment`): the editor's limits are read apart. */
export function loaderKeys(): string[] {
  return [...Object.keys(DEFAULT_CONFIG), ...Object.keys(EDITOR_DEFAULTS)];
}

export interface InspectedValue {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export interface RawSettings {
  readonly raw: Record<string, unknown>;
  /** Workspace values that were ignored because the workspace is not trusted. */
  readonly ignored: readonly string[];
}

/**
 * The effective value per key (folder over workspace over user over default).
 * In an untrusted workspace the restricted keys take only the user's value.
 */
export function collectRaw(keys: readonly string[], inspect: (key: string) => InspectedValue | undefined, trusted: boolean): RawSettings {
  const raw: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const key of keys) {
    const v = inspect(key);
    if (!v) continue;
    const restricted = !trusted && (RESTRICTED_KEYS as readonly string[]).includes(key);
    if (restricted && (v.workspaceValue !== undefined || v.workspaceFolderValue !== undefined)) ignored.push(key);
    const value = restricted ? v.globalValue : v.workspaceFolderValue ?? v.workspaceValue ?? v.globalValue;
    if (value !== undefined) raw[key] = value;
  }
  return { raw, ignored };
}

/** Settings overlaid with the workspace `tokenomics.json`: the core's rule, used by `loadEnvironment`. */
export { overlay } from '../core/config/environment';
