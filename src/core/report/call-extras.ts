/**
 * The per-call report fields read from detection beyond tokens and price: whether the site is a
 * request or a binding, what it needs of a model, how its model was found, and its alternatives
 * (mutually exclusive branches) each priced on the same workload through the same core pricing.
 */
import type { Price } from '../cost/types';
import type { AnnotationValues, DetectedCall, DetectedFile, ValueRef } from '../detect/types';
import type { ModelChoice } from './models';
import type { AgentLoopReport, CallReport, ModelSource, SiteAlternative } from './types';

/** Prices a model choice on the call's workload (the same path as the call's own price). */
export type PriceChoice = (choice: ModelChoice) => Price;
export type ChooseModel = (written: string, providerHint: string | undefined) => ModelChoice;

export function callExtras(
  call: DetectedCall,
  path: string,
  model: ModelChoice,
  annotation: AnnotationValues | undefined,
  choose: ChooseModel,
  price: PriceChoice,
): Pick<CallReport, 'role' | 'needs' | 'modelSource' | 'alternatives'> {
  const alternatives = (call.alternatives ?? [])
    .filter((a) => a.model)
    .map(
      (a): SiteAlternative => ({
        path,
        line: a.line,
        model: a.model!,
        ...(a.condition ? { condition: a.condition } : {}),
        costPerUnit: price(choose(a.model!, a.providerHint)),
      }),
    );
  const source = modelSourceOf(call, path, model, annotation);
  return {
    ...(call.role ? { role: call.role } : {}),
    ...(call.relays?.length ? { relays: call.relays } : {}),
    ...(call.needs ? { needs: call.needs } : {}),
    ...(source ? { modelSource: source } : {}),
    ...(alternatives.length ? { alternatives } : {}),
  };
}

function modelSourceOf(call: DetectedCall, path: string, model: ModelChoice, annotation: AnnotationValues | undefined): ModelSource | undefined {
  if (annotation?.model) return { from: 'annotation' };
  // A parameter's default: whether the callers pass another is the repository's answer (repo/pricing.ts).
  if (call.model && call.modelOrigin?.param) return undefined;
  if (call.model) {
    const origin = call.modelOrigin;
    // A literal written in the call's own arguments is "at the call"; one declared elsewhere in the file is where it is written.
    const inCall = !origin || (origin.line >= call.line && origin.line <= call.endLine);
    return { from: origin?.from ?? 'code', at: { path, line: inCall ? call.line : origin.line }, ...(origin?.detail ? { detail: origin.detail } : {}) };
  }
  void model;
  return { from: 'default', detail: call.modelRef ? `chosen at run time: ${describeRef(call.modelRef)}` : 'the code names no model' };
}

export function describeRef(ref: ValueRef): string {
  switch (ref.kind) {
    case 'param':
      return `parameter ${ref.param?.name ?? ref.text} of ${ref.param?.function ?? 'the function'}`;
    case 'env':
      return `environment variable ${ref.text}`;
    case 'call':
      return `what ${ref.text}() returns`;
    case 'member':
      return ref.text;
    default:
      return ref.module ? `${ref.text} from ${ref.module}` : ref.text;
  }
}

/** A task's steps that detection priced inside it: loops run as its steps, and requests made in its loop body. */
export function withStepSites(report: AgentLoopReport, file: DetectedFile): AgentLoopReport {
  // The task's own request and the definition it runs are the task, not steps of it.
  const own = new Set([report.callId, file.calls.find((c) => c.id === report.callId)?.bindingId]);
  const steps = [
    ...file.loops.filter((l) => l.stepOf === report.id).map((l) => l.line),
    ...file.calls.filter((c) => c.usedBy === report.id && !own.has(c.id) && !c.agent).map((c) => c.line),
  ];
  return steps.length ? { ...report, stepSites: [...new Set(steps)].map((line) => ({ path: file.path, line })) } : report;
}
