import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/types';
import type { ExtensionConfig } from './config';
import { applyOverrides, getBundledCatalog } from './core-api';

/**
 * The catalog the surfaces price with: the bundled one, with the custom
 * models and price overrides from settings and the workspace `tokenomics.json`
 * applied. Built on first use (not at activation) and rebuilt on change.
 */
export class CatalogHolder implements vscode.Disposable {
  private built?: Catalog;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: ExtensionConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  current(): Catalog {
    this.built ??= this.build();
    return this.built;
  }

  reload(reason: string): void {
    this.log.info(`Reloading the catalog: ${reason}`);
    this.built = undefined;
    this.changed.fire();
  }

  private build(): Catalog {
    const started = Date.now();
    const bundled = getBundledCatalog();
    const { config } = this.config.settings();
    const { catalog, issues } = applyOverrides(bundled, { customModels: config.customModels, priceOverrides: config.priceOverrides }, 'settings');
    for (const issue of issues) this.log.warn(`${issue.origin} ${issue.path}: ${issue.message} (entry skipped)`);
    this.log.info(`Catalog loaded: ${catalog.models.length} models, ${catalog.offerings.length} offerings, as of ${catalog.asOf} (${catalog.source}) in ${Date.now() - started} ms`);
    return catalog;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
