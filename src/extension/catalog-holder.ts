import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/types';
import type { ExtensionConfig } from './config';

/**
 * The catalog the surfaces price with: the bundled one, with the custom
 * models and price overrides from settings and the workspace `tokenomics.json`
 * applied by the core's `loadEnvironment`. Built once on first use (not at
 * activation) and rebuilt only when settings or the file change.
 */
export class CatalogHolder implements vscode.Disposable {
  private catalog?: Catalog;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: ExtensionConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  current(): Catalog {
    this.catalog ??= this.build();
    return this.catalog;
  }

  reload(reason: string): void {
    this.log.info(`Reloading the catalog: ${reason}`);
    this.catalog = undefined;
    this.changed.fire();
  }

  /** Whether the catalog has been built since the last reload (a reload before that is silent and free). */
  get built(): boolean {
    return this.catalog !== undefined;
  }

  private build(): Catalog {
    const started = Date.now();
    // Built by the one environment loader with the settings (problems are logged there).
    const { catalog } = this.config.settings();
    this.log.info(`Catalog loaded: ${catalog.models.length} models, ${catalog.offerings.length} offerings, as of ${catalog.asOf} (${catalog.source}) in ${Date.now() - started} ms`);
    return catalog;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
