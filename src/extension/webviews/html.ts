/**
 * The HTML shell of a webview page. Pure (no vscode): the host passes the
 * webview's `cspSource` and URIs made with `asWebviewUri`; the page tests build
 * the same shell with a test origin, so the CSP under test is the one shipped.
 *
 * The page script builds everything else with DOM calls; no data goes into
 * this HTML. Policy: nothing by default; scripts only with this load's nonce;
 * styles and images only from the extension's own files (no inline styles).
 */
import { randomBytes } from 'node:crypto';

export interface PageShell {
  readonly title: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
}

/** A fresh nonce per page load: 128 random bits, base64 without padding characters that need escaping. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pageHtml(shell: PageShell): string {
  const styles = shell.styleUris.map((u) => `  <link rel="stylesheet" href="${attr(u)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(shell.cspSource, shell.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>${attr(shell.title)}</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${attr(shell.nonce)}" src="${attr(shell.scriptUri)}"></script>
</body>
</html>
`;
}
