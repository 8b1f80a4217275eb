import * as vscode from 'vscode';
import type { Assumptions } from '../core/workload';
import { collectRaw, overlay, settingKeys, EDITOR_DEFAULTS } from './config-read';
import { configToAssumptions, DEFAULT_SURFACES, normalizeConfig, type SurfaceSwitches, type TokenomicsConfig } from './core-api';

/** The typed settings every surface reads. */
export interface EditorSettings {
  readonly config: TokenomicsConfig;
  readonly assumptions: Assumptions;
  readonly surfaces: SurfaceSwitches;
}

/** Changing one of these re-registers the surfaces (a provider is added or removed). */
export const REBUILD_SETTINGS: readonly string[] = Object.keys(EDITOR_DEFAULTS).map((k) => `tokenomics.${k}`);

/**
 * The one typed accessor for settings: reads `tokenomics.*` per resource,
 * applies workspace trust, overlays the workspace `tokenomics.json`, and
 * normalises through the core's `normalizeConfig` (so bad values become
 * defaults plus a logged issue, never an exception). Cached per resource
 * until the next configuration change.
 */
export class ExtensionConfig {
  private readonly cache = new Map<string, EditorSettings>();
  private workspaceFile: Record<string, unknown> = {};
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

  /** The parsed workspace `tokenomics.json` (empty when absent or untrusted). */
  setWorkspaceFile(raw: Record<string, unknown>): void {
    this.workspaceFile = raw;
    this.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  private read(resource: vscode.Uri | undefined): EditorSettings {
    const section = vscode.workspace.getConfiguration('tokenomics', resource);
    const trusted = vscode.workspace.isTrusted;
    const { raw, ignored } = collectRaw(settingKeys(), (k) => section.inspect(k), trusted);
    for (const key of ignored) this.once(`untrusted:${key}`, () => this.log.warn(`Workspace is not trusted: ignoring the workspace value of tokenomics.${key}.`));
    const { config, surfaces, issues } = normalizeConfig(overlay(raw, this.workspaceFile), 'settings');
    for (const issue of issues) this.once(`issue:${issue.path}:${issue.message}`, () => this.log.warn(`Settings: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`));
    return { config, assumptions: configToAssumptions(config), surfaces };
  }

  /** Logs a message once per session, not on every read. */
  private once(key: string, write: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    write();
  }
}
