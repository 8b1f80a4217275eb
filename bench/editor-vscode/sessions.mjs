// The first lens of a session, in the session a user meets after installing a build (no code cache
// yet: the extension writes it once that first lens is over, src/extension-main.ts) and in the next
// one (the editor restarted on the same user data: the cache is there). Only the lens probes run in
// these sessions; the workspace sessions of run.mjs measure the rest.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createSession } from '../../test/e2e/lib/session.mjs';
import { lensFigures } from './lens-path.mjs';
import { extensionHostLog, timeToPricedLens, tokenomicsLog } from './probes.mjs';
import { PROBE_FILES } from './workspaces.mjs';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Polls the session's log until `pattern` is in it or `timeoutMs` passed; returns whether it was. */
export async function waitForLog(userDataDir, since, pattern, timeoutMs) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (pattern.test(tokenomicsLog(userDataDir, since))) return true;
  }
  return false;
}

/**
 * One session of the lens probes only. `keep`: its folders stay for `reopen`; the session then waits
 * for the code cache to be written (2 s after the first lens) before it closes, as a user's would.
 * Returns { figures, session } (session: to reopen, or to remove with `removeSession`).
 */
export async function lensSession({ repo, ws, vsix, resultsDir, name, keep = false, reopen }) {
  const probe = ws.probe ?? PROBE_FILES;
  const since = Date.now();
  const figures = { loadBefore: load() };
  const session = await createSession({ name, workspaceSource: ws.dir, vsix, resultsDir, env: { LOG_LEVEL: 'debug' }, keep, reopen });
  let failed = true;
  try {
    figures.workbenchReadyMs = session.timings.workbenchReadyMs;
    const cold = await timeToPricedLens(session.page, probe.cold);
    const warm = [];
    for (const rel of probe.warm) warm.push(await timeToPricedLens(session.page, rel));
    // Every probe's "Lens path" line, and in a first session the cache's, are in the log before it is read.
    const last = probe.warm.at(-1) ?? probe.cold;
    await waitForLog(session.userDataDir, since, new RegExp(`Lens path of ${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 10_000);
    if (keep) figures.cacheWrittenInTime = await waitForLog(session.userDataDir, since, /Code cache written|code cache used/, 20_000);
    Object.assign(figures, lensFigures(repo, tokenomicsLog(session.userDataDir, since), cold, warm, extensionHostLog(session.userDataDir, since)));
    figures.loadAfter = load();
    failed = false;
  } finally {
    await session.close();
    // Nothing reopens a failed session: its folders go.
    if (failed && keep) removeSession(session);
  }
  return { figures, session };
}

/** The folders of a session closed with `keep`, once nothing reopens it. */
export function removeSession(session) {
  if (!process.env.TOKENOMICS_E2E_KEEP) rmSync(session.root, { recursive: true, force: true });
}

/**
 * `rounds` rounds of: the reference build's first and second session, then this build's, each a
 * fresh install (lens probes only, the small workspace). The same machine at the same load judges
 * both builds; each cell's median is also given as a ratio to the reference's first session.
 */
export async function compareSessions({ repo, ws, builds, resultsDir, rounds, log }) {
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    for (const { label, vsix } of builds) {
      let first;
      try {
        first = await lensSession({ repo, ws, vsix, resultsDir, name: `ab-${label}-r${round}-first`, keep: true });
      } catch (err) {
        log(`A/B round ${round}, ${label}: first session failed: ${err.message || err}`);
        continue;
      }
      try {
        const second = await lensSession({ repo, ws, vsix, resultsDir, name: `ab-${label}-r${round}-second`, reopen: first.session });
        for (const [session, f] of [['first', first.figures], ['second', second.figures]]) {
          runs.push({ build: label, session, round, ...f });
          log(`A/B round ${round}, ${label}, ${session} session: click → lens ${f.lensColdMs} ms, VS Code → our activate() ${f.activateCalledAfterMs ?? '–'} ms, activation → lens ${f.coldActivationToLensMs ?? '–'} ms, ours ${f.lensColdPath?.share?.oursMs ?? '–'} ms, bundle ${f.bundleLoadMs ?? '–'} ms (cache ${f.codeCache ?? '–'}), load ${f.loadBefore} → ${f.loadAfter}`);
        }
      } catch (err) {
        // One failed session (a timeout on an overloaded machine) leaves the other rounds' figures standing.
        log(`A/B round ${round}, ${label}: second session failed: ${err.message || err}`);
      } finally {
        removeSession(first.session);
      }
    }
  }
  return runs;
}
