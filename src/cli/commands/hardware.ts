/**
 * `tokenomics hardware`: what serving an open-weight model yourself costs and how
 * fast it runs, at a precision, on an accelerator, and when it beats an API.
 * With `--model` and no `--gpu`: every accelerator × precision that fits.
 */
import type { CliCommand } from '../command';
import { UsageError, UserError } from '../command';
import { formatFlagHelp, nearest, parseFlags, type FlagSpecs } from '../args';
import { jsonEnvelope, renderOutput, OUTPUT_FORMATS, type OutputFormat } from '../output';
import {
  ACCELERATORS,
  OPEN_MODELS,
  WEIGHT_FORMATS,
  KV_FORMATS,
  estimateHardware,
  findAccelerator,
  findWeightFormat,
  parseEngine,
  selfHostedOptions,
  customArchitecture,
  customAccelerator,
  type AcceleratorSpec,
  type EngineId,
  type OpenModelArchitecture,
  type SpeculativeOptions,
  type WeightFormat,
} from '../../core/hardware';
import { apiOfferingsFor, architectureFor } from './hardware-offerings';
import { estimateTables, optionsTable } from './hardware-render';

const FLAGS = {
  model: { type: 'string', valueName: 'ID', description: 'open-weight model id (e.g. llama-3.3-70b, gpt-oss-120b, deepseek-v3)' },
  params: { type: 'number', valueName: 'B', description: 'custom model: total parameters, billions' },
  'active-params': { type: 'number', valueName: 'B', description: 'custom model: parameters used per token (MoE), billions', defaultText: '--params' },
  layers: { type: 'integer', valueName: 'N', min: 1, description: 'custom model: transformer layers' },
  'kv-heads': { type: 'integer', valueName: 'N', min: 1, description: 'custom model: key/value heads' },
  'head-dim': { type: 'integer', valueName: 'N', min: 1, description: 'custom model: head dimension' },
  heads: { type: 'integer', valueName: 'N', min: 1, description: 'custom model: attention heads', defaultText: 'hidden / head-dim' },
  hidden: { type: 'integer', valueName: 'N', min: 1, description: 'custom model: hidden size', defaultText: 'heads × head-dim' },
  context: { type: 'count', valueName: 'N', description: 'custom model: context window', defaultText: '131072' },
  experts: { type: 'integer', valueName: 'N', min: 2, description: 'custom MoE model: routed experts per layer', defaultText: '128 when --active-params < --params' },
  'experts-per-token': { type: 'integer', valueName: 'K', min: 1, description: 'custom MoE model: experts each token uses', defaultText: '8' },
  gpu: { type: 'string', valueName: 'ID', description: `accelerator id (${ACCELERATORS.slice(0, 6).map((a) => a.id).join(', ')}, …)` },
  'bandwidth-gbs': { type: 'number', valueName: 'X', description: 'custom accelerator: memory bandwidth, GB/s' },
  tflops: { type: 'number', valueName: 'X', description: 'custom accelerator: dense 16-bit TFLOPS' },
  'memory-gb': { type: 'number', valueName: 'X', description: 'custom accelerator: memory, GB' },
  'usd-per-hour': { type: 'number', valueName: 'X', description: 'price of one accelerator per hour (overrides the catalog)' },
  gpus: { type: 'integer', valueName: 'N', min: 1, description: 'accelerators to use', defaultText: 'the fewest that fit' },
  precision: { type: 'string', valueName: 'P', description: `weight format: ${WEIGHT_FORMATS.map((f) => f.id).join(', ')}` },
  'kv-precision': { type: 'string', valueName: 'P', choices: KV_FORMATS.map((k) => k.id), description: 'KV cache precision', defaultText: 'bf16' },
  batch: { type: 'integer', valueName: 'N', min: 1, description: 'concurrent sequences', defaultText: 'llama.cpp 1, others 32 (reduced to fit)' },
  input: { type: 'count', valueName: 'N', description: 'input tokens per request', defaultText: '2000' },
  output: { type: 'count', valueName: 'N', description: 'output tokens per request', defaultText: '500' },
  engine: { type: 'string', valueName: 'E', choices: ['llama.cpp', 'vllm', 'sglang', 'trtllm'], description: 'serving engine', defaultText: 'llama.cpp for GGUF/Apple, else vllm' },
  'tokens-per-day': { type: 'count', valueName: 'N', description: 'traffic (input + output) for monthly cost and break-even' },
  'vs-api': { type: 'boolean', description: 'break-even against the API offerings of the same model' },
  utilization: { type: 'number', valueName: 'U', description: 'share of the time a rented deployment is busy, 0..1', defaultText: '0.5' },
  speculative: { type: 'string', valueName: 'A,K[,C]', description: 'speculative decoding: acceptance rate, draft length, draft cost (share of a step)' },
  format: { type: 'string', valueName: 'FMT', choices: OUTPUT_FORMATS, description: 'output format', defaultText: 'table' },
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics hardware (--model ID | --params B --layers N --kv-heads N --head-dim N [...])
                          [--gpu ID | --bandwidth-gbs X --tflops X --memory-gb X] [options]

What it costs and how fast it is to serve an open-weight model yourself: memory fit, accelerators
needed, prefill and decode tokens/s (per user and in total), time to first token, $/M tokens at a
utilization, and the monthly volume at which self-hosting beats each API offering of the model.
With --model and no --gpu: a table of every accelerator × precision that fits (≤ 8 accelerators).

Options:
${formatFlagHelp(FLAGS)}

Examples:
  tokenomics hardware --model llama-3.3-70b --gpu h100-sxm --precision int4 --tokens-per-day 5M --vs-api
  tokenomics hardware --model llama-3.3-70b --gpu h100 --gpus 2 --precision fp8 --engine trtllm
  tokenomics hardware --model qwen3-235b-a22b --input 4000 --output 800
  tokenomics hardware --params 32 --layers 64 --kv-heads 8 --head-dim 128 --gpu rtx-4090 --precision q4_k_m
`;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>['flags'];

function customModel(f: Flags): { model: OpenModelArchitecture; assumptions: string[] } {
  const missing = (['params', 'layers', 'kv-heads', 'head-dim'] as const).filter((k) => f[k] === undefined);
  if (missing.length > 0) throw new UsageError(`a custom model needs ${missing.map((m) => `--${m}`).join(', ')} (or use --model ID)`);
  const params = f.params as number;
  const active = f['active-params'];
  if (active !== undefined && !(active > 0 && active <= params)) throw new UsageError(`--active-params must be in (0, --params] (got ${active})`);
  return customArchitecture({
    totalParamsB: params,
    activeParamsB: active,
    layers: f.layers as number,
    kvHeads: f['kv-heads'] as number,
    headDim: f['head-dim'] as number,
    heads: f.heads,
    hiddenSize: f.hidden,
    contextWindow: f.context,
    experts: f.experts,
    expertsPerToken: f['experts-per-token'],
  });
}

function resolveModel(f: Flags): { model: OpenModelArchitecture; assumptions: string[] } {
  if (f.model === undefined) return customModel(f);
  const m = architectureFor(f.model);
  if (m) return { model: m, assumptions: [] };
  const near = nearest(f.model, OPEN_MODELS.map((x) => x.id));
  throw new UserError(`no open-weight architecture for '${f.model}'${near ? ` (did you mean ${near}?)` : ''}; describe it with --params --layers --kv-heads --head-dim`);
}

function customAcceleratorFromFlags(f: Flags): AcceleratorSpec | undefined {
  const given = (['bandwidth-gbs', 'tflops', 'memory-gb'] as const).filter((k) => f[k] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length < 3) throw new UsageError('a custom accelerator needs --bandwidth-gbs, --tflops and --memory-gb together');
  return customAccelerator({ bandwidthGBs: f['bandwidth-gbs'] as number, tflops16: f.tflops as number, memoryGB: f['memory-gb'] as number });
}

function resolveAccelerator(f: Flags): AcceleratorSpec | undefined {
  if (f.gpu === undefined) return customAcceleratorFromFlags(f);
  const a = findAccelerator(f.gpu);
  if (a) return a;
  const near = nearest(f.gpu, ACCELERATORS.map((x) => x.id));
  throw new UserError(`unknown accelerator '${f.gpu}'${near ? ` (did you mean ${near}?)` : ''}; or describe it with --bandwidth-gbs --tflops --memory-gb`);
}

function resolveFormat(text: string): WeightFormat {
  const fmt = findWeightFormat(text);
  if (fmt) return fmt;
  const near = nearest(text, WEIGHT_FORMATS.map((x) => x.id));
  throw new UsageError(`unknown precision '${text}'${near ? ` (did you mean ${near}?)` : ''}: one of ${WEIGHT_FORMATS.map((x) => x.id).join(', ')}`);
}

function defaultFormat(model: OpenModelArchitecture, acc: AcceleratorSpec): WeightFormat {
  if (acc.kind === 'apple' || acc.kind === 'consumer-gpu') return resolveFormat('q4_k_m');
  const native = model.nativeFormat ? findWeightFormat(model.nativeFormat) : undefined;
  return native ?? resolveFormat('bf16');
}

function defaultEngine(acc: AcceleratorSpec, format: WeightFormat): EngineId {
  if (acc.kind === 'apple' || !format.engines.some((e) => e !== 'llama.cpp')) return 'llama.cpp';
  return 'vllm';
}

function parseSpeculative(text: string | undefined): SpeculativeOptions | undefined {
  if (text === undefined) return undefined;
  const [a, k, c] = text.split(',').map((x) => Number(x.trim()));
  if (!(a >= 0 && a < 1) || !(Number.isInteger(k) && k >= 1) || (c !== undefined && !(c >= 0))) {
    throw new UsageError(`--speculative expects ACCEPTANCE,DRAFT[,COST] like 0.7,4 or 0.7,4,0.05 (got '${text}')`);
  }
  return { acceptanceRate: a, draftLength: k, draftCostRatio: c ?? 0.05 };
}

export const hardwareCommand: CliCommand = {
  name: 'hardware',
  summary: 'self-hosting an open model: memory fit, tok/s, TTFT, $/M tokens, break-even vs APIs',
  usage: USAGE,
  async run(argv, io) {
    const { flags } = parseFlags(argv, FLAGS);
    const format = (flags.format ?? 'table') as OutputFormat;
    if (flags.model === undefined && flags.params === undefined) throw new UsageError('give --model ID, or describe a model with --params --layers --kv-heads --head-dim');
    const { model, assumptions: modelAssumptions } = resolveModel(flags);
    const accelerator = resolveAccelerator(flags);
    const utilization = flags.utilization;
    if (utilization !== undefined && !(utilization > 0 && utilization <= 1)) throw new UsageError(`--utilization must be in (0, 1] (got ${utilization})`);
    const engine = flags.engine !== undefined ? parseEngine(flags.engine) : undefined;
    const input = flags.input ?? 2000;
    const output = flags.output ?? 500;
    const speculative = parseSpeculative(flags.speculative);
    const api = (flags['vs-api'] || flags['tokens-per-day'] !== undefined) && model.id !== 'custom' ? apiOfferingsFor(flags.model ?? model.id, model) : undefined;

    if (!accelerator) {
      if (model.id === 'custom') throw new UsageError('a custom model needs --gpu ID (or --bandwidth-gbs --tflops --memory-gb) to estimate');
      const tokensPerDay = flags['tokens-per-day'];
      const callsPerDay = tokensPerDay !== undefined ? tokensPerDay / (input + output) : 0;
      const optionsApi = api ?? apiOfferingsFor(flags.model ?? model.id, model);
      const opts = selfHostedOptions(
        model.id,
        { inputTokens: input, outputTokens: output, reasoningTokens: 0, callsPerDay },
        {
          precisions: flags.precision ? [resolveFormat(flags.precision).id] : undefined,
          engine,
          offerings: optionsApi.offerings,
          utilization,
          batch: flags.batch,
          speculative,
          kvPrecision: flags['kv-precision'],
          tokensPerDay: tokensPerDay ?? null,
        },
      );
      const table = optionsTable(model, opts, input, output, optionsApi.note);
      io.stdout(renderOutput(format, { tables: [table], json: jsonEnvelope(undefined, 'hardware', { model: model.id, inputTokens: input, outputTokens: output, options: opts.rows, issues: opts.issues }) }));
      return 0;
    }

    const weightFormat = flags.precision ? resolveFormat(flags.precision) : defaultFormat(model, accelerator);
    const estimate = estimateHardware({
      model,
      accelerator,
      format: weightFormat,
      engine: engine ?? defaultEngine(accelerator, weightFormat),
      kvPrecision: flags['kv-precision'],
      accelerators: flags.gpus,
      batch: flags.batch,
      inputTokens: input,
      outputTokens: output,
      speculative,
      utilization,
      usdPerHour: flags['usd-per-hour'],
      tokensPerDay: flags['tokens-per-day'],
      offerings: api?.offerings,
      assumptions: modelAssumptions,
    });
    const tables = estimateTables(estimate, api?.note);
    io.stdout(renderOutput(format, { tables, json: jsonEnvelope(undefined, 'hardware', { estimate }) }));
    return 0;
  },
};
