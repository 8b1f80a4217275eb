/**
 * Loads a webview page in headless Chromium the way VS Code would: the HTML
 * shell and CSP the host ships (`pageHtml`), the bundled script and the
 * stylesheets, served from this checkout under a fake origin through request
 * interception (no server, no network). `acquireVsCodeApi` is stubbed: it
 * records what the page posts and keeps its state; the test posts host messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeNonce, pageHtml } from '../../src/extension/webviews/html';
// Browser globals, used only inside callbacks that run in the page (this file compiles without the DOM lib).
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any


export const ROOT = join(__dirname, '..', '..', '..');
const ORIGIN = 'https://webview.test';
export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];
const BODY_CLASS: Record<Theme, string> = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.map': 'application/json', '.svg': 'image/svg+xml' };

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface OpenOptions {
  readonly view: 'compare' | 'report';
  readonly theme?: Theme;
  /** What `getState()` returns at load: a previous session's saved state. */
  readonly state?: unknown;
  readonly width?: number;
  readonly height?: number;
  /** Sees every message the page posts, as the extension host would (the report's host answers queries with it). */
  readonly host?: (message: { type: string; [k: string]: unknown }, page: WebviewPage) => void | Promise<void>;
}

export interface WebviewPage {
  readonly page: Page;
  /** Messages the page posted, in order. */
  posted(): Promise<{ type: string; [k: string]: unknown }[]>;
  /** Deliver a host message, as `webview.postMessage` would. */
  send(message: unknown): Promise<void>;
  savedState(): Promise<unknown>;
  cspViolations(): Promise<string[]>;
  consoleLines: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: OpenOptions): Promise<WebviewPage> {
  const theme = options.theme ?? 'dark';
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 }, colorScheme: theme === 'light' ? 'light' : 'dark' });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  // Everything under the fake origin comes from this checkout; anything else is refused.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/page.html') return route.fulfill({ contentType: 'text/html', body: html(options.view, theme) });
    const file = join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  let self: WebviewPage | undefined;
  const host = options.host;
  if (host) await page.exposeFunction('__hostReceive', (m: { type: string }) => (self ? host(m, self) : undefined));
  await page.addInitScript(
    ({ state, bodyClass }) => {
      const w = window as unknown as Record<string, unknown>;
      const posted: unknown[] = [];
      const csp: string[] = [];
      let saved: unknown = state;
      w.__posted = posted;
      w.__csp = csp;
      w.__state = () => saved;
      document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      document.addEventListener('DOMContentLoaded', () => document.body.classList.add(bodyClass));
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => {
          posted.push(JSON.parse(JSON.stringify(m)));
          const toHost = w.__hostReceive as ((m: unknown) => void) | undefined;
          // On the next task, as a real host's answer would come.
          if (toHost) setTimeout(() => toHost(JSON.parse(JSON.stringify(m))), 0);
        },
        getState: () => saved,
        setState: (s: unknown) => {
          saved = JSON.parse(JSON.stringify(s));
        },
      });
    },
    { state: options.state, bodyClass: BODY_CLASS[theme] },
  );
  self = {
    page,
    consoleLines,
    posted: () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.slice()),
    // postMessage dispatches on a later task: resolve once the page's own listener (registered first) has run, so
    // what a test checks next is what the page did with the message, not a race with its delivery.
    send: (message) =>
      page.evaluate(
        (m) =>
          new Promise<void>((resolve) => {
            window.addEventListener('message', () => setTimeout(resolve, 0), { once: true });
            window.postMessage(m, '*');
          }),
        message as object,
      ),
    savedState: () => page.evaluate(() => (window as unknown as { __state: () => unknown }).__state()),
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice()),
    close: () => context.close(),
  };
  await page.goto(`${ORIGIN}/page.html`);
  return self;
}

function html(view: 'compare' | 'report', theme: Theme): string {
  return pageHtml({
    title: view,
    cspSource: ORIGIN,
    nonce: makeNonce(),
    scriptUri: `${ORIGIN}/dist/webview/${view}/main.js`,
    styleUris: [`${ORIGIN}/test/webview/themes/${theme}.css`, `${ORIGIN}/media/webview/common.css`, `${ORIGIN}/media/webview/${view}.css`],
  });
}

export async function screenshot(p: WebviewPage, name: string): Promise<void> {
  await p.page.screenshot({ path: join(ROOT, 'test-results', 'webview', `${name}.png`), fullPage: true });
}

/** Opens a page, runs the test body on it and closes it whatever happens. */
export async function withPage(browser: Browser, options: OpenOptions, body: (page: WebviewPage) => Promise<void>): Promise<void> {
  const page = await openPage(browser, options);
  try {
    await body(page);
  } finally {
    await page.close();
  }
}

