/**
 * The bundled hardware data (accelerators, open-model architectures, weight
 * formats, engine calibration) and lookups by id or alias. Lookups are
 * case-insensitive and forgive `_`/`-`/space differences; unknown ids give
 * `undefined`, never a throw.
 */
import acceleratorData from './data/accelerators.json';
import modelData from './data/models.json';
import formatData from './data/formats.json';
import engineData from './data/engines.json';
import type {
  AcceleratorSpec,
  EngineCalibration,
  EngineClass,
  EngineId,
  KvFormat,
  OpenModelArchitecture,
  WeightFormat,
} from './types';

export const ACCELERATORS: readonly AcceleratorSpec[] = acceleratorData.accelerators as readonly AcceleratorSpec[];
export const OPEN_MODELS: readonly OpenModelArchitecture[] = modelData.models as readonly OpenModelArchitecture[];
export const WEIGHT_FORMATS: readonly WeightFormat[] = formatData.weightFormats as readonly WeightFormat[];
export const KV_FORMATS: readonly KvFormat[] = formatData.kvFormats;
export const ENGINE_CALIBRATIONS: readonly EngineCalibration[] = engineData.engines as readonly EngineCalibration[];

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[_\s]+/g, '-');
}

function findByIdOrAlias<T extends { readonly id: string; readonly aliases?: readonly string[] }>(
  items: readonly T[],
  query: string,
): T | undefined {
  const q = norm(query);
  const tail = q.includes('/') ? q.slice(q.lastIndexOf('/') + 1) : q;
  return (
    items.find((i) => norm(i.id) === q) ??
    items.find((i) => (i.aliases ?? []).some((a) => norm(a) === q)) ??
    items.find((i) => norm(i.id) === tail || (i.aliases ?? []).some((a) => norm(a) === tail))
  );
}

export function findAccelerator(query: string): AcceleratorSpec | undefined {
  return findByIdOrAlias(ACCELERATORS, query);
}

/**
 * The architecture behind a catalog model id (`ModelEntry.architecture` or its id).
 * This is the lookup the main catalog links through.
 */
export function openModelArchitecture(query: string): OpenModelArchitecture | undefined {
  return findByIdOrAlias(OPEN_MODELS, query);
}

export function findWeightFormat(query: string): WeightFormat | undefined {
  return findByIdOrAlias(WEIGHT_FORMATS, query);
}

export function findKvFormat(query: string): KvFormat | undefined {
  const q = norm(query);
  return KV_FORMATS.find((k) => k.id === q);
}

export function engineClassOf(engine: EngineId): EngineClass {
  return engine === 'sglang' ? 'vllm' : engine;
}

export function engineCalibration(engine: EngineId, table: readonly EngineCalibration[] = ENGINE_CALIBRATIONS): EngineCalibration {
  const cls = engineClassOf(engine);
  const found = table.find((e) => e.engine === cls);
  if (!found) throw new Error(`no calibration for engine ${engine}`); // data invariant, covered by a test
  return found;
}

export function parseEngine(text: string): EngineId | undefined {
  const t = norm(text);
  if (t === 'llama.cpp' || t === 'llamacpp' || t === 'llama-cpp' || t === 'ollama') return 'llama.cpp';
  if (t === 'vllm') return 'vllm';
  if (t === 'sglang') return 'sglang';
  if (t === 'trtllm' || t === 'tensorrt-llm' || t === 'trt-llm' || t === 'nim') return 'trtllm';
  return undefined;
}
