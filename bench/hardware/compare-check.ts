/**
 * `npm run bench:hardware -- --compare`: the Compare panel's self-hosted figures (the same
 * `estimateHardware` the panel's rows come from) for gpt-oss-120b, Qwen3-30B-A3B and
 * Llama 3.3 70B on one H100, two H100s and Apple M-series machines, beside the public
 * measurements of the same model on the same hardware class. Some measurements are in the fit
 * set (marked), so this is a consistency check, not a validation.
 */
import { estimateHardware, findAccelerator, findWeightFormat, openModelArchitecture, parseEngine } from '../../src/core/hardware';

interface Check {
  readonly model: string;
  readonly gpu: string;
  readonly gpus: number;
  readonly precision: string;
  readonly engine: string;
  readonly input: number;
  readonly output: number;
  readonly metric: 'decode' | 'ttft';
  readonly measured: number;
  readonly source: string;
  readonly set: 'fit' | 'validation' | 'not in the data set';
}

// Public measurements of these models on these hardware classes (see bench/hardware/measurements.json for all rows).
const CHECKS: readonly Check[] = [
  { model: 'llama-3.3-70b', gpu: 'h100-sxm', gpus: 2, precision: 'fp8', engine: 'trtllm', input: 5000, output: 500, metric: 'decode', measured: 53.82, source: 'NVIDIA NIM 1.8.0 (ITL 18.58 ms)', set: 'fit' },
  { model: 'llama-3.3-70b', gpu: 'h100-sxm', gpus: 2, precision: 'fp8', engine: 'trtllm', input: 5000, output: 500, metric: 'ttft', measured: 406.77, source: 'NVIDIA NIM 1.8.0', set: 'fit' },
  { model: 'llama-3.1-70b', gpu: 'h100-pcie', gpus: 1, precision: 'q4_0', engine: 'llama.cpp', input: 0, output: 512, metric: 'decode', measured: 0, source: 'XiongjieDai (Llama 2 70B Q4_0 row; see data)', set: 'fit' },
  { model: 'llama-3.1-70b', gpu: 'm2-ultra', gpus: 1, precision: 'q4_k_m', engine: 'llama.cpp', input: 0, output: 512, metric: 'decode', measured: 0, source: 'XiongjieDai Llama 3 70B Q4_K_M', set: 'fit' },
  { model: 'llama-3.1-70b', gpu: 'm3-max', gpus: 1, precision: 'q4_k_m', engine: 'llama.cpp', input: 0, output: 512, metric: 'decode', measured: 0, source: 'XiongjieDai Llama 3 70B Q4_K_M', set: 'fit' },
  { model: 'gpt-oss-120b', gpu: 'gb10', gpus: 1, precision: 'fp4', engine: 'llama.cpp', input: 0, output: 32, metric: 'decode', measured: 59.02, source: 'llama.cpp benches/dgx-spark.md tg32', set: 'validation' },
  { model: 'gpt-oss-120b', gpu: 'a100-80gb', gpus: 1, precision: 'fp4', engine: 'vllm', input: 1000, output: 500, metric: 'decode', measured: 90, source: 'vllm#22331 (TP1)', set: 'fit' },
  { model: 'gpt-oss-120b', gpu: 'a100-80gb', gpus: 2, precision: 'fp4', engine: 'vllm', input: 1000, output: 500, metric: 'decode', measured: 77.5, source: 'vllm#22331 (TP2, "77-78")', set: 'fit' },
  { model: 'qwen3-30b-a3b', gpu: 'gb10', gpus: 1, precision: 'q8_0', engine: 'llama.cpp', input: 0, output: 32, metric: 'decode', measured: 60.92, source: 'llama.cpp benches/dgx-spark.md (Qwen3-Coder-30B-A3B, same architecture) tg32', set: 'validation' },
];

function row(c: Check): { predicted: number; note: string } {
  const model = openModelArchitecture(c.model);
  const accelerator = findAccelerator(c.gpu);
  const format = findWeightFormat(c.precision);
  const engine = parseEngine(c.engine);
  if (!model || !accelerator || !format || !engine) throw new Error(`unknown id in ${JSON.stringify(c)}`);
  const e = estimateHardware({ model, accelerator, format, engine, accelerators: c.gpus, batch: 1, inputTokens: Math.max(1, c.input), outputTokens: c.output });
  return { predicted: c.metric === 'decode' ? e.decodeTokensPerSecond.perUser : e.ttftMs, note: e.issues.join('; ') };
}

/** What the panel shows for the three models on 1 × H100, 2 × H100 and Apple M-series (no public measurement for every cell). */
const PANEL: readonly [string, string, number, string, string][] = [
  ['gpt-oss-120b', 'h100-sxm', 1, 'fp4', 'vllm'],
  ['gpt-oss-120b', 'h100-sxm', 2, 'fp4', 'vllm'],
  ['gpt-oss-120b', 'm3-max', 1, 'q4_k_m', 'llama.cpp'],
  ['qwen3-30b-a3b', 'h100-sxm', 1, 'bf16', 'vllm'],
  ['qwen3-30b-a3b', 'h100-sxm', 2, 'bf16', 'vllm'],
  ['qwen3-30b-a3b', 'm4-max', 1, 'q4_k_m', 'llama.cpp'],
  ['llama-3.3-70b', 'h100-sxm', 1, 'int4', 'vllm'],
  ['llama-3.3-70b', 'h100-sxm', 2, 'fp8', 'vllm'],
  ['llama-3.3-70b', 'm2-ultra', 1, 'q4_k_m', 'llama.cpp'],
];

export function compareCheck(measuredLookup: (c: Check) => number | undefined): void {
  console.log('\nCompare panel figures beside public measurements (batch 1)');
  console.log('model            hardware        prec    engine     metric  measured  predicted  error   set          source');
  for (const c of CHECKS) {
    const measured = c.measured > 0 ? c.measured : measuredLookup(c);
    if (measured === undefined) continue;
    const { predicted } = row(c);
    const err = (predicted - measured) / measured;
    console.log(
      `${c.model.padEnd(16)} ${`${c.gpus}x${c.gpu}`.padEnd(15)} ${c.precision.padEnd(7)} ${c.engine.padEnd(10)} ${c.metric.padEnd(7)} ${measured.toFixed(1).padStart(8)} ${predicted.toFixed(1).padStart(10)} ${`${err > 0 ? '+' : ''}${(err * 100).toFixed(1)}%`.padStart(7)}   ${c.set.padEnd(12)} ${c.source}`,
    );
  }
  console.log('\nThe panel\'s rows for the three models (2000 in / 500 out, batch 1): decode tok/s per user, TTFT ms');
  for (const [m, gpu, n, prec, eng] of PANEL) {
    const e = estimateHardware({ model: openModelArchitecture(m)!, accelerator: findAccelerator(gpu)!, format: findWeightFormat(prec)!, engine: parseEngine(eng)!, accelerators: n, batch: 1, inputTokens: 2000, outputTokens: 500 });
    console.log(`  ${m.padEnd(16)} ${`${n}x${gpu}`.padEnd(12)} ${prec.padEnd(7)} ${eng.padEnd(10)} decode ${e.decodeTokensPerSecond.perUser.toFixed(1).padStart(6)}  TTFT ${e.ttftMs.toFixed(0).padStart(6)}${e.fits ? '' : '  (does not fit)'}`);
  }
}
