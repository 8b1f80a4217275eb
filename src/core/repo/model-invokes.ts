/**
 * Invoking a chat-model object (`self.llm.ainvoke(messages)`, `judge_llm.invoke(…)`) is a request site, even
 * where the object is one of the repository's own chat-model classes whose method holds the HTTP or SDK
 * request: the invoke is where the application decides to ask the model, with its prompts and traffic. It is
 * never a use of that method (uses are callers of plain helper functions, `call_model(…)`).
 */
import type { DetectedCall } from '../detect/types';

const INVOKE = /\.(invoke|ainvoke|stream|astream|batch|abatch)$/;

export function isModelInvoke(call: DetectedCall): boolean {
  return !call.agent && call.framework === 'langchain' && INVOKE.test(call.callee) && call.role !== 'binding';
}
