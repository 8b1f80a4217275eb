/**
 * Python facts for the texts a tool implementation gives back through its own exception and result classes, the
 * Anthropic computer-use idiom (anthropic-quickstarts `computer_use_demo/tools/`, copied by open-interpreter and
 * OpenManus):
 *
 *     class ToolCollection:
 *         async def run(self, *, name, tool_input) -> ToolResult:
 *             try:
 *                 return await tool(**tool_input)
 *             except ToolError as e:
 *                 return ToolFailure(error=e.message)
 *
 * Every `raise ToolError("Invalid `view_range`. It should be a list of two integers.")` of a tool becomes the
 * error the model reads, and every fixed text given to a field of the result family (`ToolResult(system="tool
 * has been restarted.")`, `CLIResult(output=success_msg)` with `success_msg += "Review the changes …"`) is the
 * tool result. Read here, per module: the tool exception classes an `except` clause turns into the result it
 * returns (the clause's return builds a class from the caught value), the classes returned there, the module's
 * classes with their bases (for the families), and the fixed texts given to raised tool exceptions and to
 * constructed classes' result fields. The repository pass (repo/tool-error-texts.ts) keeps the texts of the
 * classes some module catches into a result, and of that result's family.
 *
 * Only exception classes named as a tool's (`ToolError`, `ToolExecutionError`) are taken: an application's own
 * `BrowserError` or `QuotaExceeded` may be caught into an action result in one place and shown to a user in
 * another, and a generic `except Exception as e` turns every exception of the program into text.
 */
import type { ToolErrorFacts, ToolErrorText } from '../repo/tool-error-types';
import type { SyntaxNode } from './parser';
import { helperReturnedTexts } from './py-tool-helper-texts';
import { derivedRunMethodTexts, toolMapMethods, TOOL_MAP_HINT } from './py-tool-map-methods';
import type { LanguageSyntax } from './syntax';
import { render } from './text';

/** A module worth parsing for these facts (detection skips Python files without an LLM word). */
export const TOOL_ERROR_HINT = /\b(raise|except)\s+\(?\w*Tool\w*(Error|Exception)\b|\bclass\s+\w*Tool\w*(Result|Error|Exception|Failure|Output)\b/;
/** An exception class named as a tool's. */
const TOOL_EXCEPTION = /^\w*Tool\w*(Error|Exception)$/;
/** Fields of a result class that carry text to the model (`output`, `error`, `system`; the others' results). */
const RESULT_FIELD = /^(output|error|system|content|message|observation|result|text)$/;
const CLASS_NAME = /^[A-Z]\w*$/;
/** A derived class's run-like method, whose returns a tool map may send (py-tool-map-methods.ts). */
const RUN_DEF = /\bdef\s+(execute|aexecute|run|arun|call|acall|invoke|ainvoke|forward|__call__)\s*\(/;
const DERIVED_CLASS = /\bclass\s+\w+\(\s*\w/;
const WORD = /[A-Za-z]{2,}/g;
/**
 * Fewest written words. A tool exception's message has no other reader than the model (`f"Invalid action:
 * {action}"`); a result field of three words (`"tool must be restarted"`) still reads as a sentence, where a
 * single status word (`output="done"`) does not. The five-word floor of returned texts (py-tool-returns.ts) is for
 * functions whose returns may as well be a status the program prints.
 */
const MIN_RAISED_WORDS = 2;
const MIN_BUILT_WORDS = 3;
const MAX_TEXTS = 200;
const MAX_CLASSES = 200;
const MAX_TEXT = 8000;

export function findToolErrorFacts(syntax: LanguageSyntax, root: SyntaxNode, text: string): ToolErrorFacts | undefined {
  if (syntax.language !== 'python') return undefined;
  const errors = TOOL_ERROR_HINT.test(text);
  const methods = RUN_DEF.test(text) && DERIVED_CLASS.test(text) ? derivedRunMethodTexts(syntax, root) : [];
  if (!errors && !methods.length && !TOOL_MAP_HINT.test(text)) return undefined;
  const caught: string[] = [];
  const results: string[] = [];
  const classes: { name: string; bases: string[] }[] = [];
  const texts: ToolErrorText[] = [];
  const calls: SyntaxNode[] = [];
  for (const node of root.descendantsOfType(['class_definition', 'except_clause', 'raise_statement', 'call'])) {
    if (!node) continue;
    if (node.type === 'call') calls.push(node);
    if (!errors && node.type !== 'class_definition') continue;
    if (node.type === 'class_definition') {
      const name = node.childForFieldName('name')?.text;
      const bases = (node.childForFieldName('superclasses')?.namedChildren ?? []).filter((b): b is SyntaxNode => Boolean(b) && /^(identifier|attribute)$/.test(b!.type)).map((b) => lastName(b.text));
      if (name && classes.length < MAX_CLASSES) classes.push({ name, bases });
    } else if (node.type === 'except_clause') {
      caughtIntoResult(syntax, node, caught, results);
    } else if (node.type === 'raise_statement') {
      const call = node.namedChildren[0];
      if (call?.type !== 'call' || !TOOL_EXCEPTION.test(lastName(syntax.callee(call)))) continue;
      const args = syntax.args(call);
      const given = args.positional[0] ?? args.named.get('message');
      if (given) addText(syntax, lastName(syntax.callee(call)), 'raised', given, texts);
    } else if (node.parent?.type !== 'raise_statement') {
      const cls = lastName(syntax.callee(node));
      if (!CLASS_NAME.test(cls) || TOOL_EXCEPTION.test(cls)) continue;
      for (const [key, value] of syntax.args(node).named) if (RESULT_FIELD.test(key)) builtTexts(syntax, cls, node, value, texts);
    }
  }
  const mapped = toolMapMethods(syntax, calls, text);
  const found = { ...(caught.length ? { caught } : {}), ...(results.length ? { results } : {}), ...(texts.length ? { texts } : {}), ...(mapped.length ? { mapped } : {}), ...(methods.length ? { methods } : {}) };
  return Object.keys(found).length || classes.length ? { ...found, ...(classes.length ? { classes } : {}) } : undefined;
}

/** `except ToolError as e: return ToolFailure(error=e.message)`: the tool exception turned into the returned result. */
function caughtIntoResult(syntax: LanguageSyntax, clause: SyntaxNode, caught: string[], results: string[]): void {
  const pattern = clause.namedChildren.find((c) => c?.type === 'as_pattern');
  const alias = pattern?.childForFieldName('alias')?.namedChildren[0]?.text;
  const types = pattern?.namedChildren[0];
  if (!alias || !types) return;
  const names = (types.type === 'tuple' ? types.namedChildren : [types]).filter((t): t is SyntaxNode => Boolean(t)).map((t) => lastName(t.text)).filter((n) => TOOL_EXCEPTION.test(n));
  if (!names.length) return;
  const block = clause.namedChildren.find((c) => c?.type === 'block');
  for (const r of block?.descendantsOfType('return_statement') ?? []) {
    const value = r?.namedChildren[0];
    if (value?.type !== 'call' || !value.descendantsOfType('identifier').some((i) => i?.text === alias)) continue;
    const cls = lastName(syntax.callee(value));
    if (!CLASS_NAME.test(cls)) continue;
    for (const n of names) if (!caught.includes(n)) caught.push(n);
    if (!results.includes(cls)) results.push(cls);
  }
}

/** `CLIResult(output=success_msg)`: a written text in place, or each text the local is given in its function. */
function builtTexts(syntax: LanguageSyntax, cls: string, call: SyntaxNode, value: SyntaxNode, texts: ToolErrorText[]): void {
  const given: SyntaxNode[] = [];
  if (value.type !== 'identifier') given.push(value);
  let fn: SyntaxNode | null = call.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  for (const a of value.type === 'identifier' ? fn?.descendantsOfType(['assignment', 'augmented_assignment']) ?? [] : []) {
    const right = a?.childForFieldName('right');
    if (a?.childForFieldName('left')?.text === value.text && right && a.startIndex < call.startIndex) given.push(right);
  }
  // `success_msg += self._make_output(…)`: what the class's own helper returns is part of the result too.
  for (const node of [...given, ...helperReturnedTexts(syntax, call, given)]) addText(syntax, cls, 'built', node, texts);
}

function addText(syntax: LanguageSyntax, cls: string, how: ToolErrorText['how'], node: SyntaxNode, texts: ToolErrorText[]): void {
  const n = node.type === 'parenthesized_expression' && node.namedChildren[0] ? node.namedChildren[0] : node;
  if (texts.length >= MAX_TEXTS || !syntax.isTextLiteral(n)) return;
  if (texts.some((t) => t.cls === cls && t.line === n.startPosition.row + 1)) return;
  const rendered = render(syntax.text(n));
  if ((rendered.literalText.match(WORD) ?? []).length < (how === 'raised' ? MIN_RAISED_WORDS : MIN_BUILT_WORDS)) return;
  texts.push({ cls, how, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: rendered.text.slice(0, MAX_TEXT) });
}

function lastName(text: string): string {
  return text.slice(text.lastIndexOf('.') + 1);
}
