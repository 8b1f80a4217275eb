/**
 * `npm run bench:hardware`: every public measurement beside the model's
 * prediction, then median and 90th-percentile absolute percentage error per
 * category, for all rows and separately for the fit and hold-out halves.
 * `-- --fit` refits the constants on the fit half and prints them.
 */
import { join } from 'node:path';
import { ENGINE_CALIBRATIONS, WEIGHT_FORMATS } from '../../src/core/hardware';
import { TARGETS, errorRows, loadMeasurements, naiveDecode, percentile, summarize, SHIPPED, type Calibration } from './calibrate';
import { fitCalibration } from './fit';

const ROOT = join(__dirname, '..', '..', '..');

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a';
}

function report(cal: Calibration, label: string): boolean {
  const ms = loadMeasurements(ROOT);
  const rows = errorRows(ms, cal);
  console.log(`\n${label}: ${ms.length} measurements`);
  console.log(
    ['category', 'engine', 'hardware', 'model', 'prec', 'batch', 'in/out', 'metric', 'measured', 'predicted', 'error', 'set']
      .map((h) => h.padEnd(10))
      .join(' '),
  );
  for (const r of rows) {
    const m = r.m;
    console.log(
      [
        m.category.padEnd(10),
        m.engine.padEnd(10),
        `${m.accelerators}x${m.accelerator}`.padEnd(14),
        m.model.padEnd(14),
        m.precision.padEnd(7),
        String(m.batch).padStart(5),
        `${m.inputTokens}/${m.outputTokens}`.padStart(10),
        m.metric.padEnd(22),
        m.measured.toFixed(1).padStart(9),
        (r.predicted === undefined ? 'unknown' : r.predicted.toFixed(1)).padStart(9),
        (r.ape === undefined ? '' : pct(r.ape)).padStart(7),
        r.fitSet ? 'fit' : 'holdout',
      ].join(' '),
    );
  }
  console.log('\ncategory   subset    n   median APE  p90 APE   target (median / p90)  ok');
  let allOk = true;
  for (const s of summarize(rows)) {
    const t = TARGETS[s.category];
    const ok = s.subset !== 'all' || (s.median <= t.median && s.p90 <= t.p90);
    if (!ok) allOk = false;
    console.log(
      `${s.category.padEnd(10)} ${s.subset.padEnd(8)} ${String(s.n).padStart(3)}   ${pct(s.median).padStart(8)}  ${pct(s.p90).padStart(8)}   ${pct(t.median)} / ${pct(t.p90)}${s.subset === 'all' ? (ok ? '        yes' : '        NO') : ''}`,
    );
  }
  const naive = ms
    .filter((m) => m.category === 'decode' && m.batch === 1)
    .map((m) => {
      const p = naiveDecode(m);
      return p === undefined ? undefined : Math.abs(p - m.measured) / m.measured;
    })
    .filter((x): x is number => x !== undefined);
  console.log(`\nfor contrast, plain bandwidth ÷ bytes roofline on single-stream decode: median ${pct(percentile(naive, 50))}, p90 ${pct(percentile(naive, 90))} (n=${naive.length})`);
  return allOk;
}

function main(): void {
  if (process.argv.includes('--fit')) {
    const fitted = fitCalibration(loadMeasurements(ROOT), SHIPPED);
    report(fitted, 'Refitted on the fit half');
    console.log('\nFitted engine constants:');
    for (const e of fitted.engines) {
      const { engine, bandwidthEfficiency, flopsEfficiency, stepOverheadMs, layerOverheadUs, moeLayerOverheadUs, prefillTokenLayerUs, prefillOverheadMs, allReduceUs } = e;
      console.log(JSON.stringify({ engine, bandwidthEfficiency, flopsEfficiency, stepOverheadMs, layerOverheadUs, moeLayerOverheadUs, prefillTokenLayerUs, prefillOverheadMs, allReduceUs }));
    }
    console.log('Fitted kernel efficiencies:');
    for (const f of fitted.formats) {
      const before = WEIGHT_FORMATS.find((x) => x.id === f.id);
      if (before?.kernelEfficiency !== f.kernelEfficiency || before?.dequantOpsPerWeight !== f.dequantOpsPerWeight || before?.prefillEfficiency !== f.prefillEfficiency) {
        console.log(`  ${f.id}: kernelEfficiency ${before?.kernelEfficiency} -> ${f.kernelEfficiency.toFixed(3)}, dequantOpsPerWeight ${before?.dequantOpsPerWeight} -> ${f.dequantOpsPerWeight.toFixed(2)}, prefillEfficiency ${before?.prefillEfficiency} -> ${f.prefillEfficiency.toFixed(3)}`);
      }
    }
    void ENGINE_CALIBRATIONS;
    return;
  }
  const ok = report(SHIPPED, 'Shipped calibration');
  process.exitCode = ok ? 0 : 1;
}

main();
