/**
 * The host's side of a webview's message channel: messages to the page wait
 * until the page says `ready` (a page that is still loading would lose them),
 * and every message from the page is checked by the view's protocol guard;
 * anything else is dropped and logged.
 */
import type * as vscode from 'vscode';
import { describeMessage } from '../../webview/protocol/guards';

export class HostBridge<Incoming extends { readonly type: string }, Outgoing> implements vscode.Disposable {
  private ready = false;
  private held: Outgoing[] = [];
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    isIncoming: (value: unknown) => value is Incoming,
    onMessage: (message: Incoming) => void,
    private readonly log: vscode.LogOutputChannel,
    private readonly viewName: string,
  ) {
    this.listener = webview.onDidReceiveMessage((raw: unknown) => {
      if (!isIncoming(raw)) {
        log.warn(`${viewName}: dropped a malformed message from the page (${describeMessage(raw)})`);
        return;
      }
      if (raw.type === 'ready') this.markReady();
      onMessage(raw);
    });
  }

  /** Sends now if the page listens, else when it says ready. */
  post(message: Outgoing): void {
    if (!this.ready) {
      this.held.push(message);
      return;
    }
    void this.webview.postMessage(message).then(undefined, (err: unknown) => this.log.warn(`${this.viewName}: a message was not delivered`, err));
  }

  /** The page was reloaded (new HTML): hold messages again until it says ready. */
  reset(): void {
    this.ready = false;
  }

  private markReady(): void {
    this.ready = true;
    const held = this.held;
    this.held = [];
    for (const m of held) this.post(m);
  }

  dispose(): void {
    this.listener.dispose();
    this.held = [];
  }
}
