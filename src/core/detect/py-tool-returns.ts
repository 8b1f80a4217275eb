/**
 * Python facts for texts a tool function returns to the model (repo/dispatched-tools.ts reads them).
 *
 * An agent loop runs the tool the model named and sends back what it returned as the tool message. The loop finds
 * the function in one of two ways that code states outright, and only those are taken here:
 * - registered: the function is handed to a tool object (`Tool(name=…, execute=_exec_open)`, `ToolSpec(execute=…)`,
 *   `StructuredTool.from_function(func=…)`);
 * - dispatched by name: a branch on the tool call's name returns the function's result
 *   (`if tool_call.name == "extract_assets": return await run_extract_assets(…)`).
 * The function may be written in another module; the repository pass follows the import.
 *
 * What each module-level function returns, for that pass: a text returned as is, or a text under a result key of
 * the object or dict it returns (`ToolExecutionResult(result={"error": "No input images are available."})`,
 * `XOutput(error="No file open. Use the open command first.")`, a local dict it fills and returns). Keys for the
 * user interface or logs (`summary`, `display`) are not result keys. Fixed texts need five words or more and
 * templates four written words (as for `@tool` returns): a status (`"Sandbox is not available"`) or a label in front
 * of a runtime error (`f"Screenshot failed: {exc}"`) reports the program's state rather than give the model text to
 * work from (labels disagree on those between repositories; the earlier TypeScript round left them out too).
 * Methods of tool classes (`self.tool_map[name].execute()`) are dispatched at run time through an instance map and
 * are not followed.
 */
import type { BuilderTextsFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';
import { methodToolTexts, toolMethodRefs } from './py-tool-methods';
import { render } from './text';

const WORD = /[A-Za-z]{2,}/g;
const MIN_FIXED_WORDS = 5;
/** Written words of a template, as for `@tool` returns (tool-results.ts): `f"Failed to create '{name}': {err}"` labels a runtime error. */
const MIN_TEMPLATE_WORDS = 4;
/** Keys of a returned result whose text goes to the model. */
const RESULT_KEY = /^(error|errors|result|results|content|output|observation|message|text|note|feedback|response)$/;
/** Keywords handing a function to a tool object. */
const REGISTERING_KEYWORD = /^(execute|func|function|fn|coroutine|handler|callable|afunc)$/;
/** Callees that build a tool object: `Tool`, `ToolSpec`, `FunctionTool`, `StructuredTool.from_function`. */
const TOOL_CONSTRUCTOR = /(^|\.)([A-Z]\w*Tool|Tool\w*)(\.from_function)?$/;
/** The compared operand of a dispatch branch: the tool call's name (`tool_call.name`, `function_name`), not any name (`dataset_name`). */
const TOOL_NAME = /^([\w.]*(tool|call|function|action)[\w.]*\.name|\w*(tool|function|func|action|command)_?name)$/i;
const MAX_FUNCTIONS = 60;
const MAX_TEXT = 8000;
const MAX_DEPTH = 3;

export interface ToolReturnFacts {
  /** Names of functions this module hands to the agent as tools (registered or dispatched by name). */
  readonly dispatched: string[];
  /** Texts each module-level function returns as its result. */
  readonly returns: BuilderTextsFact[];
}

export function findToolReturnFacts(syntax: LanguageSyntax, collected: Collected, root: SyntaxNode): ToolReturnFacts {
  const out: ToolReturnFacts = { dispatched: [], returns: [] };
  if (syntax.language !== 'python') return out;
  for (const call of collected.calls) {
    for (const name of [...registered(syntax, call), ...dispatchedByName(syntax, call)]) if (!out.dispatched.includes(name)) out.dispatched.push(name);
  }
  // `FunctionTool.from_defaults(fn=agent_builder.load_data)`: methods handed over bound (py-tool-methods.ts).
  for (const ref of toolMethodRefs(syntax, collected)) if (!out.dispatched.includes(ref)) out.dispatched.push(ref);
  for (const stmt of root.namedChildren) {
    const fn = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (!fn || !name || out.returns.length >= MAX_FUNCTIONS) continue;
    const texts = toolResultTexts(syntax, fn).map((n) => ({ name, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: render(syntax.text(n)).text.slice(0, MAX_TEXT) }));
    if (texts.length) out.returns.push({ fn: name, texts });
  }
  out.returns.push(...methodToolTexts(syntax, root));
  return out;
}

/** `Tool(name="open", execute=_exec_open)`: the function handed over by keyword. */
function registered(syntax: LanguageSyntax, call: SyntaxNode): string[] {
  if (!TOOL_CONSTRUCTOR.test(syntax.callee(call))) return [];
  const out: string[] = [];
  for (const [key, value] of syntax.args(call).named) if (REGISTERING_KEYWORD.test(key) && value.type === 'identifier') out.push(value.text);
  return out;
}

/** `if tool_call.name == "x": return await run_x(args)`: a plain function whose result a branch on the tool's name returns. */
function dispatchedByName(syntax: LanguageSyntax, call: SyntaxNode): string[] {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier') return [];
  let up = call.parent;
  if (up?.type === 'await') up = up.parent;
  if (up?.type !== 'return_statement') return [];
  const block = up.parent;
  const branch = block?.type === 'block' ? block.parent : undefined;
  if (!branch || !/^(if_statement|elif_clause)$/.test(branch.type) || branch.childForFieldName('consequence')?.id !== block!.id) return [];
  const condition = branch.childForFieldName('condition');
  return condition && comparesToolName(condition) ? [fn.text] : [];
}

/** `tool_call.name == "extract_assets"`, `name in ("a", "b")`: the tool's name compared with written names. */
function comparesToolName(condition: SyntaxNode): boolean {
  if (condition.type !== 'comparison_operator') return false;
  const operands = condition.namedChildren.filter((c): c is SyntaxNode => Boolean(c));
  const hasName = operands.some((o) => /^(identifier|attribute)$/.test(o.type) && TOOL_NAME.test(o.text));
  const hasLiteral = operands.some((o) => o.type === 'string' || ((o.type === 'tuple' || o.type === 'list' || o.type === 'set') && o.namedChildren.some((c) => c?.type === 'string')));
  return hasName && hasLiteral;
}

/** The written texts a function returns as its result (its own returns, not nested functions'). */
export function toolResultTexts(syntax: LanguageSyntax, fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const returned = syntax.returns(fn).slice(0, 30);
  for (const r of returned) resultTexts(syntax, r, 0, out);
  // `result["error"] = note or "No assets could be extracted."` on a dict the function returns.
  const names = new Set(returned.flatMap((r) => [r, ...r.descendantsOfType('identifier')]).filter((n): n is SyntaxNode => n?.type === 'identifier').map((n) => n.text));
  for (const a of names.size ? fn.descendantsOfType('assignment') : []) {
    const target = a?.childForFieldName('left');
    const key = target?.type === 'subscript' ? target.childForFieldName('subscript') : undefined;
    const value = a?.childForFieldName('right');
    if (!value || target?.childForFieldName('value')?.type !== 'identifier' || !names.has(target.childForFieldName('value')!.text)) continue;
    if (key?.type === 'string' && RESULT_KEY.test(render(syntax.text(key)).text)) resultTexts(syntax, value, 1, out);
  }
  return out;
}

function resultTexts(syntax: LanguageSyntax, node: SyntaxNode, depth: number, out: SyntaxNode[]): void {
  if (depth > MAX_DEPTH || out.length >= 30) return;
  const n = node.type === 'parenthesized_expression' && node.namedChildren[0] ? node.namedChildren[0] : node;
  if (syntax.isTextLiteral(n)) {
    if (isWritten(syntax, n) && !out.some((o) => o.id === n.id)) out.push(n);
    return;
  }
  // `extraction_note or "No assets could be extracted."`: the fallback the model reads.
  if (n.type === 'boolean_operator') {
    const right = n.childForFieldName('right');
    if (right) resultTexts(syntax, right, depth + 1, out);
    return;
  }
  if (n.type === 'call') {
    for (const [key, value] of syntax.args(n).named) if (RESULT_KEY.test(key)) resultTexts(syntax, value, depth + 1, out);
    return;
  }
  const entries = n.type === 'dictionary' || n.type === 'identifier' ? syntax.entries(n) : undefined;
  for (const [key, value] of entries ?? []) if (RESULT_KEY.test(key)) resultTexts(syntax, value, depth + 1, out);
}

function isWritten(syntax: LanguageSyntax, text: SyntaxNode): boolean {
  const words = (render(syntax.text(text)).literalText.match(WORD) ?? []).length;
  const filled = text.descendantsOfType(['interpolation']).length > 0;
  return words >= (filled ? MIN_TEMPLATE_WORDS : MIN_FIXED_WORDS);
}
