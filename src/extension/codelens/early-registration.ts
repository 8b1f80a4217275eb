/**
 * The CodeLens provider the entry (src/extension.ts) registers before it loads the main bundle, and that
 * the CodeLens feature's provider answers through once the bundle has run. Pure (no `vscode` value
 * import: the entry bundles it), unit-tested.
 *
 * Why register before the bundle: VS Code's CodeLens controller waits, after a provider registers, the
 * average of every request duration it has learned before it asks (docs/editor.md, "Why the editor asks
 * late"); on a busy machine the request it made to another extension's provider (merge-conflict's) while
 * the extension host was still starting extensions is seconds long, and that wait only starts when ours
 * registers. Registered in the entry, it starts while the bundle loads (0.1–5.6 s in the editor bench)
 * instead of after it; a slow request of the other provider still in flight when ours registers is
 * dropped by the editor and never learned. Until the bundle has run, a request is answered at once with
 * no lenses; those documents are handed to the feature's provider, which announces their analysis when
 * it lands (codelens/answers.ts), so the editor asks again.
 */

import type * as vscode from 'vscode';

/** The subset of `vscode.Disposable` the slot hands out. */
export interface SlotDisposable {
  dispose(): void;
}

/** The subset of `vscode.Event<void>` the slot takes and offers. */
export type SlotEvent = (listener: () => unknown, thisArgs?: unknown, disposables?: SlotDisposable[]) => SlotDisposable;

/** What answers through the slot: the CodeLens feature's provider (codelens/provider.ts). */
export interface LensDelegate<D, T, L> {
  provideCodeLenses(document: D, token: T): L[] | Promise<L[]>;
  readonly onDidChangeCodeLenses: SlotEvent;
  /** Documents (their URI strings) answered with no lenses before this delegate came: announce their analyses. */
  adoptEarlyAnswers(keys: readonly string[]): void;
}

/** `tokenomics.codeLens.enabled` as the entry reads it: anything but a boolean is the default (on, DEFAULT_SURFACES). */
export function codeLensOnAtStart(setting: unknown): boolean {
  return typeof setting === 'boolean' ? setting : true;
}

export class EarlyLensSlot<D extends { readonly uri: { toString(): string } }, T, L> {
  private delegate?: LensDelegate<D, T, L>;
  private forwarding?: SlotDisposable;
  private readonly listeners = new Set<() => unknown>();
  /** Documents answered with nothing while no delegate was attached, for the next one to announce. */
  private readonly answeredEmpty = new Set<string>();
  /** How many requests were answered before a delegate came (for the log). */
  earlyRequests = 0;

  /** Registered as the provider's `onDidChangeCodeLenses`: VS Code subscribes once, at registration. */
  readonly onDidChangeCodeLenses: SlotEvent = (listener, thisArgs, disposables) => {
    const bound = () => listener.call(thisArgs);
    this.listeners.add(bound);
    const subscription = { dispose: () => void this.listeners.delete(bound) };
    disposables?.push(subscription);
    return subscription;
  };

  provideCodeLenses(document: D, token: T): L[] | Promise<L[]> {
    if (this.delegate) return this.delegate.provideCodeLenses(document, token);
    this.earlyRequests++;
    this.answeredEmpty.add(document.uri.toString());
    return [];
  }

  /**
   * The feature's provider answers from now on. Disposing the result (the surface switched off, the
   * extension deactivated) detaches it: requests are answered with nothing again and the editor is told,
   * so the lenses it shows go.
   */
  attach(delegate: LensDelegate<D, T, L>): SlotDisposable {
    this.detach();
    this.delegate = delegate;
    this.forwarding = delegate.onDidChangeCodeLenses(() => this.fire());
    const early = [...this.answeredEmpty];
    this.answeredEmpty.clear();
    if (early.length) delegate.adoptEarlyAnswers(early);
    return {
      dispose: () => {
        if (this.delegate !== delegate) return;
        this.detach();
        this.fire();
      },
    };
  }

  private detach(): void {
    this.forwarding?.dispose();
    this.forwarding = undefined;
    this.delegate = undefined;
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The slot as the extension uses it (the entry registers it; context.ts hands it to the CodeLens feature). */
export type EntryLensSlot = EarlyLensSlot<vscode.TextDocument, vscode.CancellationToken, vscode.CodeLens>;
