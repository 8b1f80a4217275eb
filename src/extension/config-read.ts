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

/** Editor-only switches: which surfaces are on. Not part of the core config (the CLI has no hover). */
export const EDITOR_DEFAULTS = {
  'hover.enabled': true,
  'codeLens.enabled': true,
  'diagnostics.enabled': true,
  'statusBar.enabled': true,
} as const;

export type EditorKey = keyof typeof EDITOR_DEFAULTS;

/** Settings a workspace may not set while untrusted (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`). */
export const RESTRICTED_KEYS = ['customModels', 'priceOverrides'] as const;

/** Every `tokenomics.*` key the manifest declares: the core config's keys and the editor's switches. */
export function settingKeys(): string[] {
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
