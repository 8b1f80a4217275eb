// One end-to-end session: a throwaway copy of a workspace, a fresh user-data and extensions
// directory, the packaged extension installed, code-server started on loopback, and Chromium
// showing the workbench. close() stops everything it started, by process id.
import { cpSync, mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installExtension, startCodeServer, writeUserSettings } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';
import { openWorkbench } from './workbench.mjs';

/**
 * @param {object} o
 * @param {string} o.name          label used for the log file
 * @param {string} o.workspaceSource folder copied to a temp dir and opened
 * @param {string} o.vsix          packaged extension to install
 * @param {string[]} [o.extraVsix] more packaged extensions to install (the integration runner)
 * @param {Record<string,string>} [o.env] extra environment for code-server and its extension host
 * @param {string} o.resultsDir    where logs go
 * @param {boolean} [o.openBrowser] false: start code-server only
 * @param {boolean} [o.keep]       close() leaves the session's folders for a later session to reopen
 * @param {object} [o.reopen]      an earlier session closed with `keep`: its user data and installed
 *                                 extension are used again, as when a user restarts the editor (the
 *                                 extension's global storage, its code cache among it, carries over); the
 *                                 workspace is a fresh copy in a new folder, so no editor of the earlier
 *                                 session is restored
 */
export async function createSession(o) {
  const timings = {};
  const root = o.reopen?.root ?? mkdtempSync(join(tmpdir(), 'tokenomics-e2e-'));
  const workspace = o.reopen ? mkdtempSync(join(root, 'workspace-')) : join(root, 'workspace');
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  cpSync(o.workspaceSource, workspace, { recursive: true });
  if (!o.reopen) {
    mkdirSync(extensionsDir, { recursive: true });
    writeUserSettings(userDataDir, o.settings);
  }

  const session = { root, workspace, userDataDir, extensionsDir, timings, server: undefined, browser: undefined, page: undefined };
  session.close = () => closeSession(session, o);
  try {
    let t = Date.now();
    // Installed through code-server's CLI so extensions.json lists them: a folder merely copied
    // into the extensions dir is "marked as removed" at startup.
    for (const vsix of o.reopen ? [] : [o.vsix, ...(o.extraVsix ?? [])]) {
      await installExtension({ extensionsDir, userDataDir, vsix });
    }
    timings.installExtensionMs = Date.now() - t;

    t = Date.now();
    mkdirSync(o.resultsDir, { recursive: true });
    session.server = await startCodeServer({
      workspace,
      userDataDir,
      extensionsDir,
      env: o.env,
      logFile: join(o.resultsDir, `code-server-${o.name}.log`),
    });
    timings.serverStartMs = Date.now() - t;
    if (o.openBrowser === false) return session;

    t = Date.now();
    const { browser, context } = await launchBrowser();
    session.browser = browser;
    // Every request the workbench, the webviews and our pages make, that is not to this machine.
    // Webview resources have https://*.vscode-resource.vscode-cdn.net URLs that the webview's
    // service worker answers from the extension host; those never reach a network.
    session.offMachineRequests = [];
    context.on('response', (response) => {
      if (!isLocalUrl(response.url()) && !response.fromServiceWorker()) session.offMachineRequests.push(response.url());
    });
    context.on('requestfailed', (request) => {
      if (!isLocalUrl(request.url())) session.offMachineRequests.push(`${request.url()} (failed: ${request.failure()?.errorText})`);
    });
    session.page = await context.newPage();
    await openWorkbench(session.page, session.server.workspaceUrl);
    timings.workbenchReadyMs = Date.now() - t;
    return session;
  } catch (err) {
    await session.close();
    throw err;
  }
}

/** Loopback, or a scheme that never touches the network (data:, blob:, vscode-webview:, …). */
export function isLocalUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

async function closeSession(session, o) {
  if (session.closed) return;
  session.closed = true;
  await session.browser?.close().catch(() => {});
  await session.server?.stop();
  // The extension host's own logs are the first thing to read when a step fails.
  const logs = join(session.userDataDir, 'logs');
  if (existsSync(logs)) cpSync(logs, join(o.resultsDir, `vscode-logs-${o.name}`), { recursive: true });
  if (!process.env.TOKENOMICS_E2E_KEEP && !o.keep) rmSync(session.root, { recursive: true, force: true });
}
