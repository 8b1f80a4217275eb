/**
 * The Compare Providers panel's data, computed on the host with the same core
 * functions as `tokenomics compare` (`compareOfferings`) and `tokenomics
 * hardware` (`selfHostedOptions`). Pure: no vscode, so the agreement test with
 * the CLI and the page tests can call it in plain Node.
 */
import type { Catalog, Offering, TokenizerId } from '../../../core/catalog/types';
import { compareOfferings } from '../../../core/compare';
import type { CompareRow } from '../../../core/compare/types';
import { selfHostedOptions, type HardwareEstimate } from '../../../core/hardware';
import type { Workload } from '../../../core/workload';
import type { CompareData, OfferingSource, SelfHostedView } from '../../../webview/protocol/compare';

export interface CompareInput {
  readonly label: string;
  readonly currentModel?: string;
  /** Tokenizer the workload was counted in (default o200k_base) and the model it was counted for. */
  readonly workloadTokenizer?: TokenizerId;
  readonly workloadModel?: string;
}

/** Open models priced in the self-hosted section: the current one first, then the cheapest API rows' models. */
const MAX_SELF_HOSTED_MODELS = 6;
/** Configurations kept per model (cheapest $/M tokens first); the page pages through them. */
const MAX_ROWS_PER_MODEL = 12;

export function sourceOf(offering: Offering): OfferingSource {
  const p = offering.prices;
  return {
    source: offering.source,
    asOf: offering.asOf,
    pricesPerMillion: { input: p.input, output: p.output, cachedRead: p.cachedRead, cacheWrite: p.cacheWrite },
    ...(offering.batchDiscount !== undefined ? { batchDiscount: offering.batchDiscount } : {}),
    ...(offering.speed ? { speed: { source: offering.speed.source, asOf: offering.speed.asOf } } : {}),
  };
}

function selfHostedModels(rows: readonly CompareRow[], currentModel: string | undefined): string[] {
  const ids: string[] = [];
  if (currentModel) ids.push(currentModel);
  for (const r of rows) if (r.kind === 'api' && r.openWeight && !ids.includes(r.model)) ids.push(r.model);
  return ids;
}

/** The lowest volume at which one deployment beats an API offering of the same model. */
function bestBreakEven(e: HardwareEstimate): Pick<SelfHostedView, 'breakEven' | 'breakEvenNote'> {
  let best: SelfHostedView['breakEven'];
  for (const b of e.breakEven) {
    if (b.breakEvenTokensPerMonth !== null && (!best || b.breakEvenTokensPerMonth < best.tokensPerMonth)) {
      best = { tokensPerMonth: b.breakEvenTokensPerMonth, offering: b.offering };
    }
  }
  if (best) return { breakEven: best };
  if (e.breakEven.length === 0) return { breakEvenNote: 'no API offering of this model to compare with' };
  return { breakEvenNote: e.breakEven[0].note };
}

function selfHostedView(e: HardwareEstimate): SelfHostedView {
  const basis = [
    `model: ${e.basis.model}`,
    `accelerator: ${e.basis.accelerator}`,
    e.basis.price ? `price: ${e.basis.price}` : 'price: none in the data (unpriced)',
    `engine: ${e.basis.engine}`,
    ...e.basis.assumptions,
    ...e.issues,
  ];
  return {
    id: `${e.model}@${e.accelerators}x${e.accelerator}/${e.precision}`,
    model: e.model,
    accelerator: e.accelerator,
    accelerators: e.accelerators,
    precision: e.precision,
    engine: e.engine,
    memory: { requiredGB: e.memory.requiredGB, availableGB: e.memory.availableGB },
    tokensPerSecond: { perUser: e.decodeTokensPerSecond.perUser, total: e.decodeTokensPerSecond.total },
    ttftMs: e.ttftMs,
    latencyMs: e.totalLatencyMs,
    ...(e.usdPerMillionTokens !== undefined ? { usdPerMillionTokens: e.usdPerMillionTokens } : {}),
    ...(e.monthlyUsd !== undefined ? { monthlyUsd: e.monthlyUsd } : {}),
    ...bestBreakEven(e),
    quality: e.quality.note,
    basis,
  };
}

/** Scales the workload's counts into a model's tokens with the ratio the API rows used (1 when exact). */
function inModelTokens(workload: Workload, ratio: number): Workload {
  const r = (n: number) => Math.round(n * ratio);
  return { ...workload, inputTokens: r(workload.inputTokens), outputTokens: r(workload.outputTokens), reasoningTokens: r(workload.reasoningTokens) };
}

export function buildCompareData(catalog: Catalog, workload: Workload, input: CompareInput): CompareData {
  const issues: string[] = [];
  const result = compareOfferings(catalog, workload, {
    ...(input.workloadTokenizer ? { workloadTokenizer: input.workloadTokenizer } : {}),
    ...(input.workloadModel ? { workloadModel: input.workloadModel } : {}),
  });
  const sources: Record<string, OfferingSource> = {};
  for (const row of result.rows) {
    const offering = catalog.offerings.find((o) => o.id === row.id);
    if (offering) sources[row.id] = sourceOf(offering);
  }
  const selfHosted: SelfHostedView[] = [];
  let models = 0;
  for (const modelId of selfHostedModels(result.rows, input.currentModel)) {
    if (models >= MAX_SELF_HOSTED_MODELS) break;
    const ratio = result.rows.find((r) => r.model === modelId)?.tokenRatio ?? 1;
    const options = selfHostedOptions(modelId, inModelTokens(workload, ratio), { offerings: catalog.offerings.filter((o) => o.model === modelId) });
    if (!options.known) continue; // closed model, or an open one without architecture data
    models++;
    issues.push(...options.issues);
    selfHosted.push(...options.rows.slice(0, MAX_ROWS_PER_MODEL).map(selfHostedView));
  }
  if (result.rows.length === 0) issues.push('No catalog offering can serve this workload (none is priced, or the context is too large for every model).');
  return {
    label: input.label,
    ...(input.currentModel ? { currentModel: input.currentModel } : {}),
    workload: result.workload,
    unit: result.unit,
    workloadTokenizer: result.workloadTokenizer,
    rows: result.rows,
    excluded: result.excluded,
    sources,
    selfHosted,
    ...(selfHosted.length > 0
      ? { selfHostedNote: 'One deployment rented 24/7 at the stated utilization; prices per accelerator-hour from the hardware data (see each row).' }
      : {}),
    catalog: { asOf: catalog.asOf, source: catalog.source },
    issues,
  };
}
