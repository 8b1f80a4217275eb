/**
 * How a site's model was found, when the report does not say (`modelSource` is filled by
 * the repository pass where it ran): a model written at the call is `code`, a call that
 * names none is priced on the default model.
 */
import type { AgentLoopReport, CallReport, ModelSource } from '../report/types';

export function callModelSource(path: string, call: CallReport): ModelSource {
  if (call.modelSource) return call.modelSource;
  if (call.assumptions?.some((a) => a.subject === 'model')) return { from: 'default', detail: 'the code names no model' };
  if (call.model) return { from: 'code', at: { path, line: call.line } };
  return { from: 'default', detail: 'the code names no model' };
}

export function loopModelSource(path: string, loop: AgentLoopReport, call: CallReport | undefined): ModelSource {
  if (loop.modelSource) return loop.modelSource;
  if (call) return callModelSource(path, call);
  return { from: 'default', detail: 'the code names no model' };
}
