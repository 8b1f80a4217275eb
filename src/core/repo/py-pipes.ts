/**
 * Python: the model step of a LangChain pipe, for the repository's values (extract-py.ts). The file's own request
 * detection reads pipes from the syntax (detect/requests.ts); this is the value side of the same idiom.
 */
import type { SyntaxNode } from '../detect/parser';
import { NOT_MODEL_STEP, pipeOperands } from '../detect/pipe-operands';

/**
 * `init_chat_model(…) | RunnableLambda(check)`, `prompt | llm | parser`: a LangChain pipe whose other steps are prompts,
 * parsers or plain runnables runs the one remaining step's model. Only a pipe with such a step is read (a `|` of two
 * dicts or flags is not a chain), and only when exactly one step remains.
 */
export function pipedModel(node: SyntaxNode): SyntaxNode | undefined {
  const steps = pipeOperands(node, 8);
  const rest = steps.filter((s) => !NOT_MODEL_STEP.test(s.type === 'call' ? (s.childForFieldName('function')?.text ?? '') : s.text));
  return rest.length === 1 && rest.length < steps.length ? rest[0] : undefined;
}
