/**
 * Calls that wait for a person to type: a loop whose every pass makes one on its main path is a REPL, one
 * iteration per user turn, not an agent loop (loop-kinds.ts). Read by what the callee IS, through the file's
 * imports, not by how it is spelled: `prompt(…)` is a read when `prompt` comes from prompt_toolkit (or click,
 * typer), a plain function of the repository's otherwise; `Ask.ask(…)` when `Ask` is rich's `Prompt` imported under
 * another name. Methods of the reading objects those libraries build count wherever the file imports their class or
 * factory: a prompt_toolkit `PromptSession`'s `prompt`/`prompt_async` (`self.session.prompt(…)`), a Node readline
 * interface's `question` (`rl.question(…)`, readline/promises), a rich `Console`'s `input`. Prompt libraries whose
 * every call asks something (questionary, inquirer, InquirerPy, pyinputplus, enquirer, prompts, @clack/prompts,
 * @inquirer/*, readline-sync, prompt-sync) count whole.
 */
import type { ImportFact } from './facts';

/** Spellings that read input whatever the imports say (builtins, stdin, a websocket's next client message). */
const WRITTEN_READS = /^(input|raw_input|getpass|getpass\.getpass|click\.prompt|typer\.prompt|Prompt\.ask|Confirm\.ask|readline\.readline)$|(^|\.)(prompt_session|session)\.prompt(_async)?$|sys\.stdin\.(readline|read)$|^questionary\.|(^|\.)(websocket|ws)\.(receive_text|receive_json|receive|recv)$/;

/** What the callee is once its first name is followed to its import: `module.name.rest`. */
const QUALIFIED_READS =
  /^(prompt_toolkit(\.shortcuts)?\.(prompt|confirm)|rich\.prompt\.(Prompt|Confirm|IntPrompt|FloatPrompt)\.ask|(click|typer)\.(prompt|confirm)|getpass\.getpass|(questionary|inquirer|InquirerPy|pyinputplus|enquirer|prompts|@clack\/prompts|readline-sync|prompt-sync|@inquirer\/[\w-]+)(\.[\w.]+)?)$/;

/** A reading object's method, where the file imports what builds that object: `[module, imported name, method]`. */
const READING_OBJECTS: readonly (readonly [RegExp, RegExp, RegExp])[] = [
  [/^prompt_toolkit(\.shortcuts)?$/, /^PromptSession$/, /^prompt(_async)?$/],
  [/^(node:)?readline(\/promises)?$/, /^(createInterface|default|\*)$/, /^question$/],
  [/^rich\.console$/, /^Console$/, /^input$/],
];

export function readsUserInput(callee: string, imports: readonly ImportFact[]): boolean {
  if (WRITTEN_READS.test(callee)) return true;
  const dot = callee.indexOf('.');
  const root = dot < 0 ? callee : callee.slice(0, dot);
  const rest = dot < 0 ? '' : callee.slice(dot);
  const from = imports.find((i) => i.local === root);
  if (from && QUALIFIED_READS.test(`${from.module}${from.name && from.name !== 'default' ? `.${from.name}` : ''}${rest}`)) return true;
  if (dot < 0) return false;
  const method = callee.slice(callee.lastIndexOf('.') + 1);
  // `import * as readline from 'readline'` binds the module itself (no name): its factory builds the interface.
  return READING_OBJECTS.some(([module, name, reads]) => reads.test(method) && imports.some((i) => module.test(i.module) && name.test(i.name ?? '*')));
}
