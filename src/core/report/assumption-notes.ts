/**
 * Building the structured assumptions of a site (`SiteAssumption`): which inputs of an
 * estimate the code does not state, each with its source. A value equal to the built-in
 * default is `default`; any other value that came from settings or tokenomics.json is `setting`.
 */
import type { AlternativeSteps } from './loop-steps';
import type { AnnotationValues } from '../detect/types';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../workload';
import type { PlaceholderAssumption, SiteAssumption } from './types';

type NumericKey = 'outputTokens' | 'reasoningTokens' | 'toolResultTokens' | 'callsPerDay' | 'unboundedSteps';

function settingOrDefault(a: Assumptions, key: NumericKey): 'setting' | 'default' {
  return a[key] === DEFAULT_ASSUMPTIONS[key] ? 'default' : 'setting';
}

/** The output length of a call: annotation, the code's cap when it is below the assumed length, else the setting. */
export function outputNote(ann: AnnotationValues | undefined, output: number, cap: number | undefined, a: Assumptions): SiteAssumption {
  if (ann?.output !== undefined) return { subject: 'output', value: output, from: 'annotation' };
  if (cap !== undefined && cap < a.outputTokens) return { subject: 'output', value: output, from: 'code', detail: 'the output cap set in the code' };
  const detail = cap !== undefined ? `assumed; the code allows up to ${cap}` : 'assumed; the code sets no cap';
  return { subject: 'output', value: output, from: settingOrDefault(a, 'outputTokens'), detail };
}

export function reasoningNote(ann: AnnotationValues | undefined, reasoning: number, a: Assumptions): SiteAssumption | undefined {
  if (ann?.reasoning !== undefined) return { subject: 'reasoning', value: reasoning, from: 'annotation' };
  return reasoning > 0 ? { subject: 'reasoning', value: reasoning, from: settingOrDefault(a, 'reasoningTokens') } : undefined;
}

export function callsPerDayNote(ann: AnnotationValues | undefined, a: Assumptions): SiteAssumption {
  if (ann?.callsPerDay !== undefined) return { subject: 'calls-per-day', value: ann.callsPerDay, from: 'annotation' };
  return { subject: 'calls-per-day', value: a.callsPerDay, from: settingOrDefault(a, 'callsPerDay') };
}

export function toolResultNote(ann: AnnotationValues | undefined, a: Assumptions): SiteAssumption {
  if (ann?.toolResult !== undefined) return { subject: 'tool-result', value: ann.toolResult, from: 'annotation' };
  return { subject: 'tool-result', value: a.toolResultTokens, from: settingOrDefault(a, 'toolResultTokens') };
}

export function placeholderNote(p: PlaceholderAssumption, subject: 'placeholder' | 'input' = 'placeholder'): SiteAssumption {
  return { subject, name: p.name, value: p.assumedTokens, from: p.from };
}

/** A model the code does not name: the default (or a changed default from settings). */
export function defaultModelNote(id: string, a: Assumptions): SiteAssumption {
  return { subject: 'model', value: id, from: a.defaultModel === DEFAULT_ASSUMPTIONS.defaultModel ? 'default' : 'setting', detail: 'the code names no model' };
}

/** Steps of a loop, from the basis `loopSteps` found. */
export function stepsNote(steps: number, stepsFrom: 'code' | 'framework-default' | 'annotation' | 'assumed', limit: number | undefined, a: Assumptions, alternatives?: readonly AlternativeSteps[]): SiteAssumption {
  const note = ownStepsNote(steps, stepsFrom, limit, a);
  if (!alternatives?.length) return note;
  const others = alternatives.map((x) => `${x.bounded ? x.steps : 'unbounded'} at line ${x.line}${x.condition ? ` (when ${x.condition})` : ' (otherwise)'}`);
  return { ...note, detail: `${note.detail ? `${note.detail}; ` : ''}another branch builds the agent with ${others.join(', ')}` };
}

function ownStepsNote(steps: number, stepsFrom: 'code' | 'framework-default' | 'annotation' | 'assumed', limit: number | undefined, a: Assumptions): SiteAssumption {
  switch (stepsFrom) {
    case 'code':
      // A loop that runs no pass under the defaults is priced as the one pass it costs once switched on.
      return { subject: 'steps', value: steps, from: 'code', detail: steps === 0 ? 'no pass under the defaults; priced as one pass' : 'the step limit in the code' };
    case 'annotation':
      return { subject: 'steps', value: steps, from: 'annotation' };
    case 'framework-default':
      return { subject: 'steps', value: steps, from: 'default', detail: "the framework's default step limit" };
    case 'assumed':
      return {
        subject: 'steps',
        value: steps,
        from: settingOrDefault(a, 'unboundedSteps'),
        detail: limit !== undefined ? `assumed; the framework allows up to ${limit}` : 'assumed; nothing in the code bounds the loop',
      };
  }
}
