/**
 * Prompts in the terminal's sense: a question put to a person, not to a model.
 *
 *     prompt = f"Browser use has taken {n} actions without finishing the task. Continue?"
 *     yield ContinuationRequest(prompt=prompt, respond=future.set_result)
 *
 * A local named like a prompt whose every read hands it to a call that asks the user (`input(…)`, `getpass`,
 * `click.prompt`, `Confirm.ask`, an `InputRequest` / `ApprovalRequest` / `ContinuationRequest` the UI shows) is
 * shown to a person and never sent to a model, so it is not a prompt of the application.
 */
import type { SyntaxNode } from './parser';

/** Calls that put a question to the user: terminal input helpers and UI request objects named for it. */
const ASKS_PERSON = /^(input|raw_input|getpass(\.getpass)?|(click|typer)\.(prompt|confirm)|(Prompt|Confirm|IntPrompt)\.ask|questionary\.\w+)$|(^|\.)\w*(Input|Continuation|Approval|Confirmation|Permission)Request$/;
const CALL_TYPES = new Set(['call', 'call_expression', 'new_expression']);

/** Whether the local `nameNode` names is only ever handed to calls that ask the user (and read at least once). */
export function onlyAskedOfPerson(nameNode: SyntaxNode, isFunctionLike: (n: SyntaxNode) => boolean): boolean {
  if (nameNode.type !== 'identifier') return false;
  let fn = nameNode.parent;
  while (fn && !isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  const name = nameNode.text;
  const reads = fn.descendantsOfType('identifier').filter((id) => id && id.text === name && id.id !== nameNode.id && !isAssignedTo(id));
  return reads.length > 0 && reads.every((id) => Boolean(id && askingCallOf(id)));
}

/** The user-asking call `id` is an argument of (`input(prompt)`, `InputRequest(prompt=prompt)`), if any. */
function askingCallOf(id: SyntaxNode): SyntaxNode | undefined {
  let arg: SyntaxNode = id;
  // `prompt=prompt`: the keyword's value.
  if (arg.parent?.type === 'keyword_argument' && arg.parent.lastNamedChild?.id === arg.id) arg = arg.parent;
  const list = arg.parent;
  if (list?.type !== 'argument_list' && list?.type !== 'arguments') return undefined;
  const call = list.parent;
  if (!call || !CALL_TYPES.has(call.type)) return undefined;
  const callee = (call.childForFieldName('function') ?? call.childForFieldName('constructor'))?.text.replace(/\s+/g, '') ?? '';
  return ASKS_PERSON.test(callee) ? call : undefined;
}

/** The name written on the left of an assignment (`prompt = …` again) or a keyword's name (`prompt=` in a call), not a read. */
function isAssignedTo(id: SyntaxNode): boolean {
  const parent = id.parent;
  return Boolean(parent && /^(assignment|augmented_assignment|variable_declarator|keyword_argument)$/.test(parent.type) && parent.firstNamedChild?.id === id.id);
}
