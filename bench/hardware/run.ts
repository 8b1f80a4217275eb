/**
 * `npm run bench:hardware`: median and 90th-percentile absolute error per category on the
 * VALIDATION set (sources the fit never saw), per device class, the worst validation rows
 * with their sources, and the same for the fit set. `-- --all` lists every row;
 * `-- --compare` adds the Compare panel's figures beside public measurements;
 * `-- --fit` refits the constants on the fit set and prints them (`--write` stores them in
 * src/core/hardware/data/engines.json and formats.json).
 */
import { join } from 'node:path';
import { DEVICE_CLASS_NAMES, type DeviceClass } from '../../src/core/hardware';
import { CATEGORY_NAMES, SHIPPED, TARGETS, errorRows, loadDataset, naiveDecode, percentile, summarize, summarizeByDevice, type Calibration, type ErrorRow } from './calibrate';
import { compareCheck } from './compare-check';
import { fitCalibration, lastFitLoss, writeCalibration } from './fit';

const ROOT = join(__dirname, '..', '..', '..');

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}

function rowLine(r: ErrorRow): string {
  const m = r.m;
  const signed = r.logError === undefined ? '' : `${r.logError > 0 ? '+' : '-'}${pct(r.ape ?? 0)}`;
  return [
    m.category.padEnd(8),
    m.engine.padEnd(9),
    `${m.accelerators}x${m.accelerator}`.padEnd(19),
    m.model.padEnd(20),
    m.precision.padEnd(6),
    String(m.batch).padStart(4),
    `${m.contextTokens ? `${m.contextTokens}+` : ''}${m.inputTokens}/${m.outputTokens}`.padStart(12),
    m.metric.padEnd(22),
    m.measured.toFixed(1).padStart(9),
    (r.predicted === undefined ? 'unknown' : r.predicted.toFixed(1)).padStart(9),
    signed.padStart(8),
    `  ${m.sourceId}`,
  ].join(' ');
}

function table(rows: readonly ErrorRow[], label: string): boolean {
  console.log(`\n${label}\ncategory              set         n   median     p90   target (median / p90)  meets`);
  let ok = true;
  for (const s of summarize(rows)) {
    const t = TARGETS[s.category];
    const meets = s.median <= t.median && s.p90 <= t.p90;
    if (s.set === 'validation' && !meets) ok = false;
    console.log(
      `${CATEGORY_NAMES[s.category].padEnd(21)} ${s.set.padEnd(10)} ${String(s.n).padStart(3)}  ${pct(s.median).padStart(7)} ${pct(s.p90).padStart(7)}   ${pct(t.median)} / ${pct(t.p90)}${s.set === 'validation' ? (meets ? '          yes' : '          NO') : ''}`,
    );
  }
  console.log('\nvalidation by device class');
  for (const s of summarizeByDevice(rows)) {
    const name = s.group === 'unknown' || s.group === 'all' ? s.group : DEVICE_CLASS_NAMES[s.group as DeviceClass];
    console.log(`  ${CATEGORY_NAMES[s.category].padEnd(21)} ${name.padEnd(20)} ${String(s.n).padStart(3)}  median ${pct(s.median).padStart(7)}  p90 ${pct(s.p90).padStart(7)}`);
  }
  return ok;
}

function report(cal: Calibration, label: string, all: boolean): boolean {
  const dataset = loadDataset(ROOT);
  const rows = errorRows(dataset, cal);
  const sets = new Map(dataset.sources.map((s) => [s.id, s.set]));
  console.log(`${label}: ${rows.length} measurements from ${dataset.sources.length} sources`);
  for (const s of dataset.sources) console.log(`  ${s.set.padEnd(10)} ${String(s.rows).padStart(4)}  ${s.id.padEnd(30)} ${s.engineEra}`);
  if (all) {
    console.log('\nevery row (measured, predicted, signed error, source)');
    for (const r of rows) console.log(`${sets.get(r.m.sourceId) === 'fit' ? 'F' : 'V'} ${rowLine(r)}`);
  }
  const ok = table(rows, 'Absolute percentage error');
  const worst = rows.filter((r) => r.set === 'validation' && r.ape !== undefined).sort((a, b) => (b.ape as number) - (a.ape as number));
  console.log('\nworst validation rows (+ = model over-predicts)');
  for (const r of worst.slice(0, 15)) console.log(rowLine(r));
  const naive = rows
    .filter((r) => r.m.category === 'decode' && r.set === 'validation')
    .map((r) => {
      const p = naiveDecode(r.m);
      return p === undefined ? undefined : Math.abs(p - r.m.measured) / r.m.measured;
    })
    .filter((x): x is number => x !== undefined);
  console.log(`\nfor contrast, a plain bandwidth ÷ bytes roofline on validation single-stream decode: median ${pct(percentile(naive, 50))}, p90 ${pct(percentile(naive, 90))} (n=${naive.length})`);
  return ok;
}

function main(): void {
  const all = process.argv.includes('--all');
  if (process.argv.includes('--fit')) {
    const fitted = fitCalibration(loadDataset(ROOT), SHIPPED);
    report(fitted, 'Refitted on the fit set', all);
    console.log(`\nfit-set loss (mean weighted |ln(predicted/measured)|): ${lastFitLoss.toFixed(4)}`);
    if (process.argv.includes('--write')) {
      writeCalibration(ROOT, fitted);
      console.log('\nwrote src/core/hardware/data/engines.json and formats.json');
    } else {
      console.log('\nFitted constants (pass --write to store them):');
      for (const e of fitted.engines) console.log(JSON.stringify(e));
    }
    return;
  }
  const ok = report(SHIPPED, 'Shipped calibration', all);
  if (process.argv.includes('--compare')) {
    const rows = errorRows(loadDataset(ROOT), SHIPPED);
    compareCheck(rows, summarize(rows));
  }
  process.exitCode = ok ? 0 : 1;
}

main();
