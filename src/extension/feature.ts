/**
 * A feature is one surface (hover, CodeLens, a webview host…): a function that
 * registers its providers and listeners with the context. Features are
 * registered again whenever the context rebuilds its session (a surface was
 * switched on or off, the catalog was reloaded); everything they add to
 * `scope` is disposed before that.
 */
import type * as vscode from 'vscode';
import type { TokenomicsContext } from './context';

export interface Feature {
  /** For the log: `hover`, `codelens`, `compare-panel`… */
  readonly name: string;
  activate(ctx: TokenomicsContext, scope: DisposableScope): void;
}

/** A bag of disposables released together; later additions to a disposed scope are released at once. */
export class DisposableScope implements vscode.Disposable {
  private items: vscode.Disposable[] = [];
  private disposed = false;

  add<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    this.disposed = true;
    const items = this.items.reverse();
    this.items = [];
    for (const item of items) {
      try {
        item.dispose();
      } catch {
        // One failing disposal must not keep the others alive.
      }
    }
  }
}
