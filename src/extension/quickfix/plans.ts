/**
 * Which quick fixes a Tokenomics diagnostic offers, as titled text edits.
 * Pure: the glue turns each plan into a CodeAction carrying a WorkspaceEdit.
 */
import type { FrameworkDefault } from '../../core/catalog/types';
import type { AgentLoopReport, CallReport, FileReport } from '../../core/report/types';
import type { DiagnosticSpec } from '../diagnostics/specs';
import { annotationEdit, boundWhileTrueEdit, codeLanguageOf, replaceModelEdit, stepLimitEdit, type TextEditSpec } from './edits';
import { savingsFixPlans } from './savings-plans';

export interface FixPlan {
  readonly title: string;
  readonly edit: TextEditSpec;
  readonly preferred: boolean;
}

export interface FixInput {
  readonly spec: DiagnosticSpec;
  readonly report: FileReport;
  readonly text: string;
  readonly languageId: string;
  readonly frameworks: readonly FrameworkDefault[];
  /** A cheaper model that fits the workload, for over-budget and overflow findings. */
  readonly cheaperModel?: string;
}

/** The framework's own step option for this language, when it has one. */
export function stepOptionFor(frameworks: readonly FrameworkDefault[], framework: string, languageId: string): string | undefined {
  const language = codeLanguageOf(languageId);
  if (!language) return undefined;
  return frameworks.find((f) => f.framework === framework && (f.language === 'both' || f.language === language))?.stepOption;
}

function loopAndCall(report: FileReport, siteId: string | undefined): { loop?: AgentLoopReport; call?: CallReport } {
  const loop = report.agentLoops.find((l) => l.id === siteId);
  const callId = loop?.callId ?? siteId;
  return { loop, call: report.calls.find((c) => c.id === callId) };
}

function stepLimitFixes(input: FixInput, loop: AgentLoopReport, call: CallReport | undefined): FixPlan[] {
  const plans: FixPlan[] = [];
  const language = codeLanguageOf(input.languageId);
  const option = stepOptionFor(input.frameworks, loop.framework, input.languageId);
  const steps = loop.maxSteps;
  if (language && option && loop.framework !== 'hand-written') {
    const edit = stepLimitEdit(input.text, call ?? loop, language, option, steps);
    if (edit) plans.push({ title: `Limit the loop to ${steps} steps (${option})`, edit, preferred: true });
  }
  if (language && loop.framework === 'hand-written') {
    const edit = boundWhileTrueEdit(input.text, loop, language, steps);
    if (edit) plans.push({ title: `Limit the loop to ${steps} iterations`, edit, preferred: true });
  }
  plans.push({
    title: `State the expected steps in an annotation (steps=${steps})`,
    edit: annotationEdit(input.text, loop.line, input.languageId, { steps }),
    preferred: plans.length === 0,
  });
  return plans;
}

function switchModelFix(input: FixInput, call: CallReport | undefined, model: string | undefined): FixPlan[] {
  if (!call?.model || !model || model === call.model) return [];
  const edit = replaceModelEdit(input.text, call, call.model, model);
  return edit ? [{ title: `Switch to ${model}`, edit, preferred: input.spec.code === 'unknown-model' }] : [];
}

export function fixPlans(input: FixInput): FixPlan[] {
  const { spec, report } = input;
  const { loop, call } = loopAndCall(report, spec.siteId);
  switch (spec.code) {
    case 'unbounded-loop':
      return loop ? stepLimitFixes(input, loop, call) : [];
    case 'unknown-model':
      return [
        ...switchModelFix(input, call, spec.suggestion ?? call?.modelSuggestion),
        { title: 'Add a tokenomics annotation naming the model', edit: annotationEdit(input.text, spec.line, input.languageId, { model: spec.suggestion ?? call?.modelSuggestion ?? 'MODEL' }), preferred: false },
      ];
    case 'context-overflow':
    case 'over-budget-call':
    case 'over-budget-task':
    case 'over-budget-monthly':
      return switchModelFix(input, call, input.cheaperModel);
    case 'no-output-cap':
    case 'model-fit':
    case 'cache-opportunity':
      return savingsFixPlans(input, call);
    default:
      return [];
  }
}
