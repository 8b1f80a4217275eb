// Where a first lens spent its time, from the extension's own log (read after the probes): the
// activation line states the extension host's clock time of our activation, and each newly opened
// document's "Lens path of …" line (debug level: the bench starts code-server with LOG_LEVEL=debug)
// when the extension host heard of it, when its analysis ran, when the editor asked for its lenses
// and when it was answered. The bench's own clock times the click and the lens on screen; both
// clocks are this machine's.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parser and the split the extension's tests pin (src/extension/analysis/open-timeline.ts), from out/. */
function timeline(repo) {
  const file = join(repo, 'out', 'src', 'extension', 'analysis', 'open-timeline.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run compile-tests`);
  return createRequire(import.meta.url)(file);
}

/** Epoch ms of the (first) activation the log records, or undefined. */
export function activationTime(logText) {
  const m = /Tokenomics activated \([^)]*\) at (\S+Z)/.exec(logText);
  return m ? Date.parse(m[1]) : undefined;
}

/**
 * The split of one lens probe ({ rel, clickedAt, shownAt } from timeToPricedLens): the document's
 * lens path that began after the click, as offsets from the click.
 */
export function splitProbe(repo, logText, probe) {
  const { parseTimeline: parse, lensShare } = timeline(repo);
  // The first path of that file that began after the click (a second one would be a reopening).
  const path = logText
    .split('\n')
    .map((line) => parse(line))
    .find((t) => t && t.label.replace(/ v\d+$/, '') === probe.rel && t.openedAt >= probe.clickedAt);
  if (!path) return undefined;
  const at = (event) => path.events.find((e) => e.event === event)?.ms;
  const opened = path.openedAt - probe.clickedAt;
  const answered = path.events.at(-1)?.event === 'answered' ? path.events.at(-1).ms : undefined;
  const rel = (ms) => (ms === undefined ? undefined : opened + ms);
  return {
    openedMs: opened,
    analysedMs: rel(at('analysed')),
    firstAskedMs: rel(at('lenses asked')),
    answeredMs: rel(answered),
    announced: path.events.some((e) => e.event === 'lenses announced'),
    // Host has the file → analysed + the answer (ours) against the editor's wait once it was analysed.
    share: lensShare(path),
    events: path.events,
    shownAfterAnswerMs: answered === undefined ? undefined : probe.shownAt - (path.openedAt + answered),
  };
}

/**
 * What the extension logged of its own cold start, in one session's log: how the main bundle was
 * loaded (its time and the code cache's state: created = none yet, used, rejected…), the warm-up
 * after activation (grammars, ranks, catalog) and whether the cache was written.
 */
export function coldStartFigures(logText) {
  const bundle = /Bundle loaded in (\d+) ms, code cache (\w+)/.exec(logText);
  const worker = /First-analysis worker warmed, (\d+) ms after activation: (?:its code loaded in (\d+) ms \(code cache (\w+)\); then )?grammars (\S+) (\d+) ms, o200k_base ranks (\d+) ms/.exec(logText);
  const warm = /Warm-up in (\d+) ms: grammars (\S+) (\d+) ms, o200k_base ranks (\d+) ms/.exec(logText);
  return {
    bundleLoadMs: bundle ? Number(bundle[1]) : undefined,
    codeCache: bundle?.[2],
    warmUp: warm ? { totalMs: Number(warm[1]), grammars: warm[2], grammarsMs: Number(warm[3]), ranksMs: Number(warm[4]), catalogMs: Number(warm[5]) } : undefined,
    // The first-analysis worker's own loads (src/extension/analysis/warmup.ts), from the worker's start; absent on builds without it.
    firstAnalysisWorker: worker
      ? { readyAfterActivationMs: Number(worker[1]), bundleLoadMs: worker[2] && Number(worker[2]), codeCache: worker[3], grammars: worker[4], grammarsMs: Number(worker[5]), ranksMs: Number(worker[6]) }
      : undefined,
    analysedInWorker: /detected in the first-analysis worker \(/.test(logText),
    codeCacheWritten: /Code cache written/.test(logText),
  };
}

/**
 * From VS Code beginning to activate us (the extension host's `_doActivateExtension` line) to it calling our
 * `activate()` (the activation line's time less the main bundle's load, which runs inside `activate()`):
 * the entry's `require` and the extension context VS Code builds first (docs/editor.md).
 */
function activateCallWaitMs(repo, hostLogText, activatedAt, bundleLoadMs) {
  if (!hostLogText || activatedAt === undefined) return undefined;
  const started = timeline(repo).activationStartedAt(hostLogText, EXTENSION_ID);
  return started === undefined ? undefined : activatedAt - (bundleLoadMs ?? 0) - started;
}

/**
 * That wait split by the extension host's own marks (the extension's debug line, host-marks.ts): VS Code
 * began activating us → began loading our entry (it fetches localized messages first, and waits for the
 * host's thread), the entry's load, then until `activate()` (the extension context, or the thread busy),
 * with the other extensions' loads and activations that ran meanwhile.
 */
function activateWaitSplit(repo, hostLogText, logText) {
  const m = /Before activate\(\): VS Code's entry load began (\S+Z) and took (\d+) ms, then (\d+) ms until activate\(\)[^;]*(?:; (.*))?/.exec(logText);
  if (!m) return undefined;
  const started = hostLogText ? timeline(repo).activationStartedAt(hostLogText, EXTENSION_ID) : undefined;
  const roundTrip = /A request to the window right after activate\(\) came back in (\d+) ms/.exec(logText);
  return {
    beforeEntryLoadMs: started === undefined ? undefined : Date.parse(m[1]) - started,
    entryLoadMs: Number(m[2]),
    contextWaitMs: Number(m[3]),
    meanwhile: m[4],
    windowRoundTripMs: roundTrip ? Number(roundTrip[1]) : undefined,
  };
}

const EXTENSION_ID = 'tokenomics-dev.tokenomics';

/** The split of a session's lens probes (cold: the session's first file; warm: later files) from its log (and the extension host's). */
export function lensFigures(repo, logText, cold, warm, hostLogText) {
  const activatedAt = activationTime(logText);
  const coldStart = coldStartFigures(logText);
  return {
    activateCalledAfterMs: activateCallWaitMs(repo, hostLogText, activatedAt, coldStart.bundleLoadMs),
    activateWait: activateWaitSplit(repo, hostLogText, logText),
    lensColdMs: cold.ms,
    lensWarmMs: warm.map((w) => w.ms),
    coldClickToActivationMs: activatedAt === undefined ? undefined : activatedAt - cold.clickedAt,
    coldActivationToLensMs: activatedAt === undefined ? undefined : cold.shownAt - activatedAt,
    lensColdPath: splitProbe(repo, logText, cold),
    lensWarmPaths: warm.map((w) => splitProbe(repo, logText, w)),
    ...coldStart,
  };
}
