/**
 * Architectures and accelerators described by the user's own figures (flags), not
 * the bundled data. A mixture-of-experts model given only as total and active
 * parameters gets a routed-expert split consistent with both numbers, so decode
 * reads the experts touched per step, exactly as the catalog path does.
 */
import type { AcceleratorSpec, MoeSpec, OpenModelArchitecture } from './types';

/** Expert layout assumed when the user gives total ≠ active parameters but no expert counts (Qwen3-MoE's 128 experts, 8 per token). */
export const ASSUMED_EXPERTS = 128;
export const ASSUMED_EXPERTS_PER_TOKEN = 8;

export interface CustomModelSpec {
  readonly totalParamsB: number;
  readonly activeParamsB?: number;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly heads?: number;
  readonly hiddenSize?: number;
  readonly contextWindow?: number;
  readonly experts?: number;
  readonly expertsPerToken?: number;
}

/**
 * Routed parameters R from total T and active A with k of E experts per token:
 * A = (T − R) + R·k/E  ⇒  R = (T − A) / (1 − k/E). When the pick share k/E would
 * make R exceed T (the stated active share is smaller than k/E), the share is
 * lowered to half the active share: half the active parameters are then routed.
 */
export function moeFromTotals(totalB: number, activeB: number, experts?: number, expertsPerToken?: number): { moe: MoeSpec; assumed: string[] } {
  const assumed: string[] = [];
  let e = experts ?? ASSUMED_EXPERTS;
  let k = expertsPerToken ?? ASSUMED_EXPERTS_PER_TOKEN;
  if (experts === undefined || expertsPerToken === undefined) {
    assumed.push(`mixture of experts: ${k} of ${e} experts per token assumed (give --experts and --experts-per-token)`);
  }
  if (k >= e) k = Math.max(1, e - 1);
  let share = k / e;
  const activeShare = activeB / totalB;
  if (share >= activeShare) {
    e = Math.max(2, Math.round((2 * k) / activeShare));
    share = k / e;
    assumed.push(`the active share ${(activeShare * 100).toFixed(1)}% is below ${k}/${experts ?? ASSUMED_EXPERTS}; ${k} of ${e} experts assumed`);
  }
  const routed = Math.min(totalB, (totalB - activeB) / (1 - share));
  return { moe: { experts: e, expertsPerToken: k, routedParamsB: routed }, assumed };
}

export function customArchitecture(spec: CustomModelSpec): { model: OpenModelArchitecture; assumptions: string[] } {
  const heads = spec.heads ?? (spec.hiddenSize !== undefined ? Math.max(1, Math.round(spec.hiddenSize / spec.headDim)) : spec.kvHeads);
  const active = spec.activeParamsB ?? spec.totalParamsB;
  const isMoe = active < spec.totalParamsB;
  const moe = isMoe ? moeFromTotals(spec.totalParamsB, active, spec.experts, spec.expertsPerToken) : undefined;
  const model: OpenModelArchitecture = {
    id: 'custom',
    name: `custom ${spec.totalParamsB}B${isMoe ? `-A${active}B` : ''}`,
    totalParamsB: spec.totalParamsB,
    activeParamsB: active,
    layers: spec.layers,
    hiddenSize: spec.hiddenSize ?? heads * spec.headDim,
    heads,
    kvHeads: spec.kvHeads,
    headDim: spec.headDim,
    contextWindow: spec.contextWindow ?? 131072,
    moe: moe?.moe,
    source: 'user-supplied flags',
    // No date exists for figures the user typed; the basis prints none.
    asOf: '',
  };
  return { model, assumptions: moe?.assumed ?? [] };
}

export interface CustomAcceleratorSpec {
  readonly bandwidthGBs: number;
  readonly tflops16: number;
  readonly memoryGB: number;
}

export function customAccelerator(spec: CustomAcceleratorSpec): AcceleratorSpec {
  return {
    id: 'custom',
    name: 'custom accelerator',
    vendor: 'custom',
    kind: 'other',
    memoryGiB: (spec.memoryGB * 1e9) / 2 ** 30,
    bandwidthGBs: spec.bandwidthGBs,
    tflops: { bf16: spec.tflops16, fp16: spec.tflops16 },
    source: 'user-supplied flags',
    asOf: '',
  };
}

/** "source (date)", or the source alone where no date exists. */
export function withDate(p: { readonly source: string; readonly asOf: string }): string {
  return p.asOf ? `${p.source} (${p.asOf})` : p.source;
}
