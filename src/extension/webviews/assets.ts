/**
 * The page HTML for a webview of this extension: its script bundle and
 * stylesheets through `asWebviewUri`, a fresh nonce, and options that limit
 * local resources to the built pages and media.
 */
import * as vscode from 'vscode';
import { makeNonce, pageHtml } from './html';

export type PageName = 'compare' | 'report';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function htmlFor(webview: vscode.Webview, extensionUri: vscode.Uri, page: PageName, title: string): string {
  const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return pageHtml({
    title,
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: uri('dist', 'webview', page, 'main.js'),
    styleUris: [uri('media', 'webview', 'common.css'), uri('media', 'webview', `${page}.css`)],
  });
}
