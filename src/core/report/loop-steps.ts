/**
 * How many model calls a loop is priced at, and on what basis: an annotation, the
 * step option written in the code, the framework's documented default, or the
 * assumed count for a loop nothing bounds.
 */
import type { Catalog, FrameworkDefault } from '../catalog/types';
import { loopOwnsAgent } from '../detect/loop-groups';
import type { AnnotationValues, DetectedCall, DetectedFile, DetectedLoop } from '../detect/types';
import type { Assumptions } from '../workload';
import type { AgentLoopReport } from './types';

export interface LoopSteps {
  readonly steps: number;
  readonly stepsFrom: AgentLoopReport['stepsFrom'];
  readonly bounded: boolean;
  /** The framework's hard limit, when it is far above what a task is priced at (see below). */
  readonly limit?: number;
  /** The same agent built another way in an exclusive branch (detect/loop-groups.ts): the steps it would run. */
  readonly alternatives?: readonly AlternativeSteps[];
}

export interface AlternativeSteps {
  readonly steps: number;
  readonly bounded: boolean;
  readonly line: number;
  readonly condition?: string;
}

/** How a loop is priced, with the steps of the branches that build the same agent another way. */
export function loopStepsWithAlternatives(
  loop: DetectedLoop,
  annotation: AnnotationValues,
  defaultOf: (key: string) => FrameworkDefault | undefined,
  assumptions: Assumptions,
): LoopSteps {
  const main = loopSteps(loop, annotation, defaultOf(loop.defaultsKey ?? loop.framework), assumptions);
  if (!loop.alternatives?.length || main.stepsFrom === 'annotation') return main;
  const alternatives = loop.alternatives.map((alt) => {
    const s = loopSteps({ ...loop, ...alt, stepOption: undefined }, {}, defaultOf(alt.defaultsKey ?? alt.framework), assumptions);
    return { steps: s.steps, bounded: s.bounded, line: alt.line, ...(alt.condition ? { condition: alt.condition } : {}) };
  });
  return { ...main, alternatives };
}

export function loopSteps(loop: DetectedLoop, annotation: AnnotationValues, fw: FrameworkDefault | undefined, assumptions: Assumptions): LoopSteps {
  if (annotation.steps !== undefined) {
    return { steps: annotation.steps, stepsFrom: 'annotation', bounded: !loop.unbounded || loop.maxSteps !== undefined };
  }
  if (loop.maxSteps !== undefined) {
    // LangGraph's recursion limit counts super-steps: a model node and a tool node per round trip.
    // A counter the graph's router compares counts passes through the cycle, not super-steps.
    const superSteps = fw?.framework === 'langgraph' && (loop.stepOption === undefined || /recursion_?limit/i.test(loop.stepOption));
    return { steps: superSteps ? Math.ceil(loop.maxSteps / 2) : loop.maxSteps, stepsFrom: 'code', bounded: true };
  }
  if (!loop.unbounded && fw && fw.defaultSteps !== null) {
    const limit = fw.framework === 'langgraph' ? Math.ceil(fw.defaultSteps / 2) : fw.defaultSteps;
    // A default like Google ADK's 500 calls or PydanticAI's 50 requests is a safety net, not a
    // forecast: a task priced at it would rank every such agent first. Above the assumed step
    // count, the task is priced at that count and the limit is reported beside it.
    if (limit > assumptions.unboundedSteps) return { steps: assumptions.unboundedSteps, stepsFrom: 'assumed', bounded: true, limit };
    return { steps: limit, stepsFrom: 'framework-default', bounded: true };
  }
  return { steps: assumptions.unboundedSteps, stepsFrom: 'assumed', bounded: !(loop.unbounded || (fw !== undefined && fw.defaultSteps === null)) };
}

/** The catalog's entry for a framework (its default step limit), for the file's language. */
export function frameworkDefault(catalog: Catalog, framework: string, language: string): FrameworkDefault | undefined {
  if (framework === 'hand-written') return undefined;
  const lang = language === 'python' ? 'python' : 'typescript';
  return catalog.frameworks.find((f) => f.framework === framework && (f.language === 'both' || f.language === lang));
}

/** The loop or agent that prices a call as one of its steps. */
export function loopStepOf(call: DetectedCall, file: DetectedFile): string | undefined {
  if (call.usedBy) return call.usedBy;
  if (call.agent) return file.loops.find((l) => loopOwnsAgent(l, call.id))?.id;
  return undefined;
}
