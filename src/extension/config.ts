import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/types';
import type { Assumptions } from '../core/workload';
import { collectRaw, loaderKeys, normalizeInHostMaxFiles, EDITOR_DEFAULTS } from './config-read';
import { DEFAULT_SURFACES, getBundledCatalog, loadEnvironment, type SurfaceSwitches, type TokenomicsConfig } from './core-api';

/** The typed settings every surface reads, and the catalog they price with. */
export interface EditorSettings {
  readonly config: TokenomicsConfig;
  readonly assumptions: Assumptions;
  readonly surfaces: SurfaceSwitches;
  /** The bundled catalog with the settings' and tokenomics.json's custom models and price overrides. */
  readonly catalog: Catalog;
}

/** The workspace tokenomics.json as read: its text, or none. */
export interface WorkspaceFileText {
  readonly text: string;
  readonly path: string;
}

/** Changing one of these re-registers the surfaces (a provider is added or removed). */
export const REBUILD_SETTINGS: readonly string[] = Object.keys(EDITOR_DEFAULTS).map((k) => `tokenomics.${k}`);

/**
 * The one typed accessor for settings: reads `tokenomics.*` per resource,
 * applies workspace trust, and hands them with the workspace `tokenomics.json`
 * to the core's `loadEnvironment` (the CLI's loader too), so bad values become
 * defaults plus a logged issue, never an exception. Cached per resource
 * until the next configuration change.
 */
export class ExtensionConfig {
  private readonly cache = new Map<string, EditorSettings>();
  private workspaceFile?: WorkspaceFileText;
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  settings(resource?: vscode.Uri): EditorSettings {
    const folder = resource ? vscode.workspace.getWorkspaceFolder(resource)?.uri.toString() : undefined;
    const key = folder ?? '';
    const hit = this.cache.get(key);
    if (hit) return hit;
    const settings = this.read(resource);
    this.cache.set(key, settings);
    return settings;
  }

  /**
   * Which surfaces are on, read directly (booleans or their defaults): cheap
   * enough for activation, which must not pay for schema validation.
   */
  surfaces(): SurfaceSwitches {
    const section = vscode.workspace.getConfiguration('tokenomics');
    const on = (key: string, fallback: boolean): boolean => {
      const v = section.get<unknown>(key);
      return typeof v === 'boolean' ? v : fallback;
    };
    return {
      hover: on('hover.enabled', DEFAULT_SURFACES.hover),
      codeLens: on('codeLens.enabled', DEFAULT_SURFACES.codeLens),
      diagnostics: on('diagnostics.enabled', DEFAULT_SURFACES.diagnostics),
      statusBar: on('statusBar.enabled', DEFAULT_SURFACES.statusBar),
    };
  }

  /**
   * `tokenomics.repositoryIndex.inHostMaxFiles` for the folder of `resource`: up to how many code files
   * its repository index is built in the extension host (index-placement.ts). A bad value is the default,
   * logged once.
   */
  inHostIndexMaxFiles(resource?: vscode.Uri): number {
    const { value, issue } = normalizeInHostMaxFiles(vscode.workspace.getConfiguration('tokenomics', resource).get<unknown>('repositoryIndex.inHostMaxFiles'));
    if (issue) this.once(`issue:inHostMaxFiles:${issue}`, () => this.log.warn(`Settings: ${issue}`));
    return value;
  }

  /**
   * The workspace `tokenomics.json` (undefined when absent or untrusted). Returns whether it
   * differs from what was known: only then do the catalog and the analyses need a reload.
   */
  setWorkspaceFile(file: WorkspaceFileText | undefined): boolean {
    if (file?.text === this.workspaceFile?.text && file?.path === this.workspaceFile?.path) return false;
    this.workspaceFile = file;
    this.clear();
    return true;
  }

  clear(): void {
    this.cache.clear();
  }

  private read(resource: vscode.Uri | undefined): EditorSettings {
    const section = vscode.workspace.getConfiguration('tokenomics', resource);
    const trusted = vscode.workspace.isTrusted;
    const { raw, ignored } = collectRaw(loaderKeys(), (k) => section.inspect(k), trusted);
    for (const key of ignored) this.once(`untrusted:${key}`, () => this.log.warn(`Workspace is not trusted: ignoring the workspace value of tokenomics.${key}.`));
    // The loader the CLI uses too: the editor analyses with exactly what `tokenomics scan` would.
    const env = loadEnvironment({ baseCatalog: getBundledCatalog(), settings: raw, ...(this.workspaceFile ? { file: this.workspaceFile } : {}) });
    for (const issue of env.issues) {
      // The file's own problems are shown on the file by the workspace-file feature.
      if (issue.origin === this.workspaceFile?.path) continue;
      this.once(`issue:${issue.path}:${issue.message}`, () => this.log.warn(`Settings: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`));
    }
    return { config: env.config, assumptions: env.assumptions, surfaces: env.surfaces, catalog: env.catalog };
  }

  /** Logs a message once per session, not on every read. */
  private once(key: string, write: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    write();
  }
}
