/**
 * The page's side of the webview bridge: the one `acquireVsCodeApi()` handle,
 * incoming messages checked by the view's protocol guard (anything else is
 * dropped and logged to the webview console), and state kept with
 * `setState` so the page comes back as it was after being hidden or reloaded.
 */
import { describeMessage } from '../protocol/guards';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class PageBridge<Incoming, Outgoing> {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  constructor(
    private readonly isIncoming: (value: unknown) => value is Incoming,
    onMessage: (message: Incoming) => void,
  ) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!this.isIncoming(message)) {
        console.warn(`[tokenomics] dropped a malformed message from the host (${describeMessage(message)})`);
        return;
      }
      onMessage(message);
    });
  }

  post(message: Outgoing): void {
    this.api.postMessage(message);
  }

  savedState(): unknown {
    return this.api.getState();
  }

  saveState(state: unknown): void {
    this.api.setState(state);
  }
}
