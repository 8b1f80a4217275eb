// The editor bench's figures against issue 18's targets: met / not met, never asserted.

function percentile(values, p) {
  if (!values?.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const median = (v) => percentile(v, 50);

function row(workspace, metric, value, unit, target, met) {
  return { workspace, metric, value, unit, target: target ?? '', met };
}

/** Rows of figures per workspace, each with its target and whether it was met. */
export function summarize(results) {
  const rows = [];
  for (const r of results) {
    const w = r.workspace;
    if (r.error) {
      rows.push(row(w, 'ERROR', r.error, '', '', false));
      continue;
    }
    if (w === 'baseline') {
      rows.push(row(w, 'extension host RSS without our extension activated (VS Code and its eager extensions), settled', r.rssHostOnlyMb ?? '–', 'MB', '', undefined));
      rows.push(row(w, 'load average (1/5/15 min) before → after', `${r.loadBefore} → ${r.loadAfter}`, '', '', undefined));
      continue;
    }
    // The cold lens is split at our activation: before it, code-server starts its extension host and
    // the extensions the file's language activates (not ours to speed up); the target is judged after it.
    rows.push(row(w, 'first priced lens, cold: click → lens (first file of the session)', r.lensColdMs, 'ms', '', undefined));
    rows.push(row(w, '  of which click → our activation (extension host and eager extensions starting)', r.coldClickToActivationMs, 'ms', '', undefined));
    const afterActivation = r.coldActivationToLensMs;
    rows.push(row(w, '  of which our activation → first priced lens', afterActivation, 'ms', '≤ 1000', afterActivation !== undefined ? afterActivation <= 1000 : undefined));
    const cold = r.lensColdPath?.share;
    if (cold) {
      // Judged on the part the extension controls; the editor's learned CodeLens delay is printed beside it.
      rows.push(row(w, '  cold, ours: host has the file → analysed + asked → answered', `${fmt(cold.oursMs)} (${fmt(cold.analysedMs)} + ${fmt(cold.answerMs)})`, 'ms', '≤ 1000', cold.oursMs <= 1000));
      rows.push(row(w, '  cold, the editor’s: analysed → the request it got lenses from; requests before it', `${fmt(cold.editorWaitMs)}; ${cold.earlierRequests}`, 'ms', '', undefined));
    }
    if (r.bundleLoadMs !== undefined) rows.push(row(w, '  the main bundle’s load (code cache: none yet in a first session)', `${r.bundleLoadMs} (${r.codeCache})`, 'ms', '', undefined));
    const second = r.secondSession;
    if (second?.error) rows.push(row(w, 'second session (code cache present): ERROR', second.error, '', '', false));
    else if (second) {
      // The editor restarted on the same user data: what every session after a build's first meets.
      rows.push(row(w, 'second session (code cache present): click → lens', second.lensColdMs, 'ms', '', undefined));
      rows.push(row(w, '  second session: our activation → first priced lens', second.coldActivationToLensMs, 'ms', '≤ 1000', second.coldActivationToLensMs !== undefined ? second.coldActivationToLensMs <= 1000 : undefined));
      const s2 = second.lensColdPath?.share;
      if (s2) rows.push(row(w, '  second session, ours: host has the file → analysed + asked → answered', `${fmt(s2.oursMs)} (${fmt(s2.analysedMs)} + ${fmt(s2.answerMs)})`, 'ms', '≤ 1000', s2.oursMs <= 1000));
      rows.push(row(w, '  second session: the main bundle’s load (code cache)', `${fmt(second.bundleLoadMs)} (${second.codeCache ?? '–'})`, 'ms', '', undefined));
      rows.push(row(w, '  second session: later files (median)', median(second.lensWarmMs), 'ms', '≤ 300', median(second.lensWarmMs) <= 300));
    }
    const warm = median(r.lensWarmMs);
    rows.push(row(w, `first priced lens, later files (median of ${r.lensWarmMs.length})`, warm, 'ms', '≤ 300', warm <= 300));
    const paths = (r.lensWarmPaths ?? []).filter(Boolean);
    if (paths.length > 0) {
      const m = (key) => fmt(median(paths.map((p) => p[key]).filter((v) => v !== undefined)));
      rows.push(row(w, '  later files, medians from the click: extension host has the file / analysed / lenses asked / answered', `${m('openedMs')} / ${m('analysedMs')} / ${m('firstAskedMs')} / ${m('answeredMs')}`, 'ms', '', undefined));
      rows.push(row(w, '  later files: answered → on screen (median); lenses announced after an empty answer', `${m('shownAfterAnswerMs')}; ${paths.filter((p) => p.announced).length} of ${paths.length}`, 'ms', '', undefined));
      const shares = paths.map((p) => p.share).filter(Boolean);
      if (shares.length > 0) {
        const ours = median(shares.map((x) => x.oursMs));
        const ms = (key) => fmt(median(shares.map((x) => x[key])));
        rows.push(row(w, '  later files, ours (median): host has the file → analysed + asked → answered', `${fmt(ours)} (${ms('analysedMs')} + ${ms('answerMs')})`, 'ms', '≤ 300', ours <= 300));
        rows.push(row(w, '  later files, the editor’s (median): analysed → asked; click → host has the file; answered → on screen', `${ms('editorWaitMs')}; ${m('openedMs')}; ${m('shownAfterAnswerMs')}`, 'ms', '', undefined));
      }
    }
    const idle = { p50: median(r.keysIdle), p95: percentile(r.keysIdle, 95), max: percentile(r.keysIdle, 100) };
    const scan = { p50: median(r.keysScan), p95: percentile(r.keysScan, 95), max: percentile(r.keysScan, 100) };
    rows.push(row(w, `key latency, no scan: median / p95 / max (${r.keysIdle.length} keys)`, `${fmt(idle.p50)} / ${fmt(idle.p95)} / ${fmt(idle.max)}`, 'ms', '', undefined));
    const during = `${r.keysScan.length} keys${r.keysScanStillScanning ? '' : ', scan ended during them'}`;
    rows.push(row(w, `key latency, during the scan: median / p95 / max (${during})`, `${fmt(scan.p50)} / ${fmt(scan.p95)} / ${fmt(scan.max)}`, 'ms', 'max ≤ 200', scan.max !== undefined ? scan.max <= 200 : undefined));
    const ratio = scan.p50 !== undefined && idle.p50 ? scan.p50 / idle.p50 : undefined;
    rows.push(row(w, 'key latency ratio, during scan / without (medians)', ratio, '×', '≤ 1.2', ratio !== undefined ? ratio <= 1.2 : undefined));
    const ratio95 = scan.p95 !== undefined && idle.p95 ? scan.p95 / idle.p95 : undefined;
    rows.push(row(w, 'key latency ratio, during scan / without (p95)', ratio95, '×', '', undefined));
    rows.push(row(w, `Cost report scan (${r.scanStatus?.replace(/\.$/, '') ?? ''})`, r.scanLoggedMs ?? r.scanUiMs, 'ms', '', undefined));
    if (r.rssRestMb !== undefined) {
      const big = w !== 'small';
      rows.push(row(w, 'extension host RSS at rest, before the scan', r.rssRestMb, 'MB', '', undefined));
      rows.push(row(w, 'index process RSS at rest / peak during the scan (the repository index, out of the host)', `${fmt(r.indexProcessRestMb)} / ${fmt(r.indexProcessPeakMb)}`, 'MB', '', undefined));
      rows.push(row(w, 'extension host RSS, peak during the scan', r.rssPeakMb, 'MB', big ? '< 350' : '', big ? r.rssPeakMb < 350 : undefined));
      rows.push(row(w, 'scan process RSS, peak (a process of its own, gone when the scan ends)', r.scanProcessPeakMb ?? 'none seen', 'MB', '', undefined));
      const back = r.rssSettledMb - r.rssRestMb;
      rows.push(row(w, 'extension host RSS 10 s after the scan (Δ from rest)', `${fmt(r.rssSettledMb)} (${back >= 0 ? '+' : ''}${fmt(back)})`, 'MB', 'Δ ≤ 50', back <= 50));
    }
    rows.push(row(w, 'cancel: click → view says cancelled', r.cancelMs ?? 'no figure (the scan ended first)', r.cancelMs !== undefined ? 'ms' : '', '≤ 100', r.cancelMs !== undefined ? r.cancelMs <= 100 : undefined));
    rows.push(row(w, 'cancel: workers stopped, as logged', r.cancelStopLoggedMs ?? (r.cancelLogged ? 'logged, no time' : 'not logged'), r.cancelStopLoggedMs !== undefined ? 'ms' : '', 'logged', r.cancelStopLoggedMs !== undefined || r.cancelLogged));
    rows.push(row(w, 'load average (1/5/15 min) before → after', `${r.loadBefore} → ${r.loadAfter}`, '', '', undefined));
  }
  return rows;
}

function fmt(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function renderResults(rows, { cores, load }) {
  const table = [['workspace', 'metric', 'value', 'unit', 'target', '']];
  for (const r of rows) table.push([r.workspace, r.metric, fmt(r.value), r.unit, r.target, r.met === undefined ? '' : r.met ? 'met' : 'NOT MET']);
  const widths = table[0].map((_, i) => Math.max(...table.map((t) => String(t[i]).length)));
  const lines = table.map((t) => t.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `\nEditor bench (real extension in code-server), ${cores} cores, load average now ${load}\n${lines.join('\n')}\n`;
}

/**
 * The A/B sessions (sessions.mjs compareSessions): per build and session, medians over the rounds, and
 * each as a ratio to the reference build's first session (measured in the same run, at the same load).
 */
export function renderSessions(runs, { reference, rounds }) {
  const cells = [];
  for (const build of [...new Set(runs.map((r) => r.build))]) {
    for (const session of ['first', 'second']) {
      const of = runs.filter((r) => r.build === build && r.session === session);
      cells.push({
        label: `${build}, ${session} session`,
        clickToLens: median(of.map((r) => r.lensColdMs)),
        activationToLens: median(of.map((r) => r.coldActivationToLensMs).filter((v) => v !== undefined)),
        ours: median(of.map((r) => r.lensColdPath?.share?.oursMs).filter((v) => v !== undefined)),
        bundle: median(of.map((r) => r.bundleLoadMs).filter((v) => v !== undefined)),
        // The host hears of the document only once the bundle has run: our whole cold path is both.
        bundleAndOurs: median(of.map((r) => (r.bundleLoadMs ?? NaN) + (r.lensColdPath?.share?.oursMs ?? NaN)).filter((v) => !Number.isNaN(v))),
        warm: median(of.flatMap((r) => r.lensWarmMs)),
      });
    }
  }
  const ref = cells[0];
  const ratio = (v, base) => (v === undefined || !base ? '–' : `${(v / base).toFixed(2)}×`);
  const table = [['build, session', 'click → lens', 'activation → lens', 'ours (opened → answered)', 'bundle load', 'bundle + ours', 'later files']];
  for (const c of cells) {
    table.push([
      c.label,
      `${fmt(c.clickToLens)} (${ratio(c.clickToLens, ref.clickToLens)})`,
      `${fmt(c.activationToLens)} (${ratio(c.activationToLens, ref.activationToLens)})`,
      `${fmt(c.ours)} (${ratio(c.ours, ref.ours)})`,
      `${fmt(c.bundle)} (${ratio(c.bundle, ref.bundle)})`,
      `${fmt(c.bundleAndOurs)} (${ratio(c.bundleAndOurs, ref.bundleAndOurs)})`,
      `${fmt(c.warm)} (${ratio(c.warm, ref.warm)})`,
    ]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((t) => String(t[i]).length)));
  const lines = table.map((t) => t.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `\nFirst lens of a session, reference ${reference} against this build (medians of ${rounds} round(s), ms; ratio to the reference's first session)\n${lines.join('\n')}\n`;
}
