/**
 * `npm run bench:hardware -- --compare`: the Compare panel's self-hosted figures (the same
 * `estimateHardware` the panel's rows come from) for gpt-oss-120b, Qwen3-30B-A3B and
 * Llama 3.3 70B on one H100, two H100s and an Apple M-series machine, each cell followed by
 * every public measurement of that model on that hardware (measurements.json, fit or
 * validation set as marked) with the model's prediction under the measurement's own
 * conditions, its error, and the validation p90 of the row's category it must stay within.
 */
import { estimateHardware, findAccelerator, findWeightFormat, openModelArchitecture, parseEngine } from '../../src/core/hardware';
import type { ErrorRow, Summary } from './calibrate';
import { PANEL_CELLS, hardwareMatches, panelCoverage, type PanelHardware } from './panel-cells';

/** The panel's own configuration per cell (2000 in / 500 out, batch 1). */
const PANEL: Record<string, Record<PanelHardware, [gpu: string, gpus: number, precision: string, engine: string]>> = {
  'gpt-oss-120b': { '1 × H100': ['h100-sxm', 1, 'fp4', 'vllm'], '2 × H100': ['h100-sxm', 2, 'fp4', 'vllm'], 'Apple M-series': ['m3-max', 1, 'q4_k_m', 'llama.cpp'] },
  'qwen3-30b-a3b': { '1 × H100': ['h100-sxm', 1, 'bf16', 'vllm'], '2 × H100': ['h100-sxm', 2, 'bf16', 'vllm'], 'Apple M-series': ['m4-max', 1, 'q4_k_m', 'llama.cpp'] },
  'llama-3.3-70b': { '1 × H100': ['h100-sxm', 1, 'int4', 'vllm'], '2 × H100': ['h100-sxm', 2, 'fp8', 'vllm'], 'Apple M-series': ['m2-ultra', 1, 'q4_k_m', 'llama.cpp'] },
};

/**
 * Public figures that cannot join the data set because the engine is one the model does not
 * have; shown beside the nearest engine the model does have, never counted in an error table.
 */
const OUTSIDE_THE_DATA: readonly { model: string; gpu: string; precision: string; engine: string; input: number; output: number; measured: number; what: string; source: string }[] = [
  {
    model: 'gpt-oss-120b',
    gpu: 'm2-max',
    precision: 'fp4',
    engine: 'llama.cpp',
    input: 1024,
    output: 128,
    measured: 43.9,
    what: 'MLX (mlx-lm), original MXFP4, generation at 1k context on an M2 Max 96GB; predicted as llama.cpp Metal',
    source: 'https://hugingapi.com/MoringLabs/GPT-OSS-120B-MLX-3.6bit (mirror of the Hugging Face model card MoringLabs/GPT-OSS-120B-MLX-3.6bit; benchmark table, "Original MXFP4" column)',
  },
];

function pct(x: number): string {
  return `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function panelFigure(model: string, hardware: PanelHardware): string {
  const [gpu, n, prec, eng] = PANEL[model][hardware];
  const e = estimateHardware({ model: openModelArchitecture(model)!, accelerator: findAccelerator(gpu)!, format: findWeightFormat(prec)!, engine: parseEngine(eng)!, accelerators: n, batch: 1, inputTokens: 2000, outputTokens: 500 });
  return `panel row ${n} × ${gpu} ${prec}/${eng}: decode ${e.decodeTokensPerSecond.perUser.toFixed(1)} tok/s, TTFT ${e.ttftMs.toFixed(0)} ms${e.fits ? '' : ' (does not fit)'}`;
}

function measurementLine(r: ErrorRow, bound?: number, within?: boolean): string {
  const m = r.m;
  const signed = r.logError === undefined ? 'n/a' : pct(Math.sign(r.logError) * (r.ape ?? 0));
  const lengths = `${m.contextTokens ? `${m.contextTokens}+` : ''}${m.inputTokens}/${m.outputTokens}`;
  const verdict = bound === undefined ? '' : `${within ? 'within' : 'OUTSIDE'} ${(bound * 100).toFixed(0)}%`;
  return [
    '   ',
    m.engine.padEnd(9),
    `${m.accelerators}x${m.accelerator}`.padEnd(13),
    m.model.padEnd(20),
    m.precision.padEnd(6),
    `b${m.batch}`.padStart(4),
    lengths.padStart(11),
    m.metric.padEnd(22),
    m.measured.toFixed(1).padStart(8),
    (r.predicted ?? NaN).toFixed(1).padStart(8),
    signed.padStart(7),
    r.set.padEnd(10),
    verdict.padEnd(12),
    m.sourceId,
  ].join(' ');
}

export function compareCheck(rows: readonly ErrorRow[], summaries: readonly Summary[]): void {
  console.log('\nCompare panel cells beside public measurements of the same model on the same hardware');
  console.log('(prediction under each measurement\'s own engine, precision, batch and lengths; bound = validation p90 of the row\'s category)');
  console.log('    engine    hardware      model                prec  batch     in/out metric                 measured predicted  error set        bound        source');
  for (const c of panelCoverage(rows, summaries)) {
    const status = c.rows.length === 0 ? 'NOT COVERED: no public measurement in the data' : `${c.rows.length} row(s), ${c.validationRows} validation; ${c.withinValidationError ? 'all validation rows within bound' : c.validationRows > 0 ? 'some validation rows OUTSIDE bound' : 'fit rows only'}`;
    console.log(`\n  ${c.cell.model} on ${c.cell.hardware}: ${status}`);
    console.log(`    ${panelFigure(c.cell.model, c.cell.hardware)}`);
    for (const r of c.rows) console.log(measurementLine(r.row, r.bound, r.within));
  }
  const families = [...new Set(PANEL_CELLS.map((c) => c.sameArchitecture))];
  const neighbours = rows.filter(
    (r) => families.some((f) => f.includes(r.m.model)) && !PANEL_CELLS.some((c) => c.sameArchitecture.includes(r.m.model) && hardwareMatches(c.hardware, r.m.accelerator, r.m.accelerators)),
  );
  console.log('\nThe same models on neighbouring hardware classes (A100, GB10, H200, ...): single-stream decode and TTFT rows');
  for (const r of neighbours.filter((x) => x.m.batch === 1 && (x.m.category === 'decode' || x.m.category === 'ttft'))) console.log(measurementLine(r));
  console.log('\nPublic figures outside the data set (an engine the model does not have), for reference only');
  for (const o of OUTSIDE_THE_DATA) {
    const e = estimateHardware({ model: openModelArchitecture(o.model)!, accelerator: findAccelerator(o.gpu)!, format: findWeightFormat(o.precision)!, engine: parseEngine(o.engine)!, accelerators: 1, batch: 1, inputTokens: o.input, outputTokens: o.output });
    const predicted = e.decodeTokensPerSecond.perUserNoStalls;
    console.log(`    ${o.model} ${o.gpu}: measured ${o.measured} tok/s, predicted ${predicted.toFixed(1)} (${pct((predicted - o.measured) / o.measured)}); ${o.what}; ${o.source}`);
  }
}
