import * as vscode from 'vscode';

/** Owns the extension's lifetimes: log channel, settings, catalog and every registration. */
export class TokenomicsContext implements vscode.Disposable {
  private constructor(
    readonly extension: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {}

  static async create(extension: vscode.ExtensionContext): Promise<TokenomicsContext> {
    const log = vscode.window.createOutputChannel('Tokenomics', { log: true });
    const ctx = new TokenomicsContext(extension, log);
    extension.subscriptions.push(log, ctx);
    extension.subscriptions.push(vscode.commands.registerCommand('tokenomics.showLog', () => log.show()));
    log.info('Tokenomics activated');
    return ctx;
  }

  dispose(): void {}
}
