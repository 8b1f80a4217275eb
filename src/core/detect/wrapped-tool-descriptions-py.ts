/**
 * Python: tool descriptions handed to a wrapper of a library tool constructor.
 *
 *     def _placeholder_tool(name: str, description: str) -> FunctionTool:
 *         return FunctionTool.from_defaults(name=name, description=description, fn=_placeholder_fn)
 *
 *     SEARCH_TOOL = _placeholder_tool(SEARCH_TOOL_NAME, "Search the knowledge base for …")
 *
 * The wrapper's parameter flows into the description of the tool definition a request offers, so what each caller
 * passes in that slot (by position or by keyword) is the text the model reads to choose the tool. Read by flow, not by
 * name: any function of the file whose parameter is the description of a tool constructor (`*Tool(…)`,
 * `*Tool.from_defaults/from_function(…)`, `create_*_tool(…)`), kept as is or as the first choice of
 * `description or fn.__doc__`. Only written prose of three words counts (a key, a name or a variable is not a
 * description the file writes).
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

/** Library tool constructors and factories: the class named `…Tool`, its `from_defaults`/`from_function`, `create_…_tool`. */
const TOOL_CONSTRUCTOR = /(^|\.)(\w*Tool|\w*Tool\.(from_defaults|from_function)|create_\w*_tool)$/;
/** The positional slot of the description where the library takes it by position (positional-tools-py.ts). */
const POSITIONAL_SLOT: readonly [RegExp, number][] = [
  [/(^|\.)\w*Tool\.(from_defaults|from_function)$|(^|\.)create_\w*_tool$/, 2],
  [/(^|\.)Tool$/, 2],
];
const PROSE = /[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/;
/** Wrappers and calls looked at per file. */
const MAX_WRAPPERS = 20;
const MAX_CALLS_PER_WRAPPER = 100;

interface Wrapper {
  readonly name: string;
  /** The parameter's name and its place among the arguments a caller passes (`self`/`cls` not counted). */
  readonly param: string;
  readonly index: number;
  readonly method: boolean;
}

export function wrappedToolDescriptionsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  const wrappers: Wrapper[] = [];
  for (const call of collected.calls) {
    const callee = syntax.callee(call);
    if (!TOOL_CONSTRUCTOR.test(callee)) continue;
    const args = syntax.args(call);
    const slot = POSITIONAL_SLOT.find(([re]) => re.test(callee))?.[1];
    const description = firstChoice(args.named.get('description') ?? (slot !== undefined ? args.positional[slot] : undefined));
    if (description?.type !== 'identifier') continue;
    const wrapper = wrapperOf(description);
    if (wrapper && !wrappers.some((w) => w.name === wrapper.name && w.param === wrapper.param)) wrappers.push(wrapper);
    if (wrappers.length >= MAX_WRAPPERS) break;
  }
  if (!wrappers.length) return;
  const prompts = new PromptReader(syntax, sites);
  for (const w of wrappers) {
    let seen = 0;
    for (const call of collected.calls) {
      if (!calls(syntax.callee(call), w) || ++seen > MAX_CALLS_PER_WRAPPER) continue;
      const args = syntax.args(call);
      const passed = args.named.get(w.param) ?? args.positional[w.index];
      if (!passed || !syntax.isTextLiteral(passed) || !PROSE.test(render(syntax.text(passed)).literalText)) continue;
      // A tool held by a module-level name is offered only where another module names it (repo/unreferenced-holders.ts).
      const holder = moduleHolder(call);
      prompts.promptsFrom(passed, 'tool-description', CONFIDENCE.tool, `tool description passed to ${w.name}(), which builds the tool${holder ? `, held by ${holder}` : ''}`);
    }
  }
}

/** `NAME = wrapper(…)` at module level: the name. */
function moduleHolder(call: SyntaxNode): string | undefined {
  const assignment = call.parent;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  return left?.type === 'identifier' && assignment?.parent?.type === 'expression_statement' && assignment.parent.parent?.type === 'module' ? left.text : undefined;
}

/** `description or fn.__doc__`: the description when one is given. */
function firstChoice(node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (node?.type === 'boolean_operator' && node.childForFieldName('operator')?.text === 'or') return node.childForFieldName('left') ?? undefined;
  return node;
}

/** The function whose parameter `use` names, where `use` is read inside it (not a local of the same name). */
function wrapperOf(use: SyntaxNode): Wrapper | undefined {
  let fn: SyntaxNode | null = use.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const name = fn?.childForFieldName('name')?.text;
  const params = fn?.childForFieldName('parameters');
  if (!fn || !name || !params) return undefined;
  const names = params.namedChildren.map((p) => (p ? parameterName(p) : undefined));
  const at = names.indexOf(use.text);
  if (at < 0) return undefined;
  const method = fn.parent?.parent?.type === 'class_definition' || fn.parent?.parent?.parent?.type === 'class_definition';
  const skip = method && (names[0] === 'self' || names[0] === 'cls') ? 1 : 0;
  return { name, param: use.text, index: at - skip, method };
}

function parameterName(p: SyntaxNode): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'typed_parameter') return p.namedChildren.find((c) => c?.type === 'identifier')?.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  return undefined;
}

/** A call of the wrapper: by its bare name, or as a method of the instance or class (`self.make_tool(…)`). */
function calls(callee: string, w: Wrapper): boolean {
  if (!w.method) return callee === w.name;
  return callee === `self.${w.name}` || callee === `cls.${w.name}`;
}
