/**
 * Python: methods of a class handed to a function-tool converter as bound methods, the builder-agent idiom
 * (run-llama/rags `core/agent_builder/loader.py`):
 *
 *     def _get_builder_agent_tools(agent_builder: RAGAgentBuilder) -> List[FunctionTool]:
 *         fns = [agent_builder.create_system_prompt, agent_builder.load_data, …]
 *         return [FunctionTool.from_defaults(fn=fn) for fn in fns]
 *
 * The converter sends each method's docstring as the tool's description (llama-index `FunctionTool.from_defaults`:
 * `f"{name}{signature}\n{docstring}"`; LangChain `StructuredTool.from_function`: `description or func.__doc__`; CAMEL
 * and ADK `FunctionTool(func)`; Agents SDK `function_tool`), and the agent sends what the method returns back as the
 * tool result. The method is named `obj.method` where `obj` is a parameter annotated with the class or a local
 * built from it (`builder = RAGAgentBuilder(cache)`), given directly or through a list a comprehension walks (all
 * the lists assigned to that name in the function: each branch offers its own set). `self.method` inside a class
 * names that class. The class may be written in another module; the repository pass follows the import
 * (repo/dispatched-tools.ts) and reads the class's `Class.method` entries written here: the docstring and the
 * texts the method returns as its result (py-tool-returns.ts: fixed texts of five words or more, templates of four).
 * A method nobody hands to a converter keeps its docstring and returns to itself; a converter given its own
 * `description` is read where the tool is built (code.ts) and its method is not followed here.
 */
import type { BuilderTextsFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { convertedFunction } from './function-tool-docstrings-py';
import { toolResultTexts } from './py-tool-returns';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

const CLASS_NAME = /^[A-Z]\w*$/;
const MAX_CALLS = 400;
const MAX_METHODS = 200;
const MAX_TEXT = 8000;

/** `Class.method` names of the methods this module hands to a converter. */
export function toolMethodRefs(syntax: LanguageSyntax, collected: Collected): string[] {
  const out: string[] = [];
  if (syntax.language !== 'python') return out;
  for (const call of collected.calls.slice(0, MAX_CALLS)) {
    const given = convertedFunction(syntax, call);
    for (const item of given ? methodItems(given) : []) {
      const ref = methodRef(syntax, item);
      if (ref && !out.includes(ref)) out.push(ref);
    }
  }
  return out;
}

/** The `obj.method` nodes given: the argument itself, or the items of the list a comprehension's variable walks. */
function methodItems(given: SyntaxNode): SyntaxNode[] {
  if (given.type === 'attribute') return [given];
  if (given.type !== 'identifier') return [];
  for (let up = given.parent; up && !/^(function_definition|module)$/.test(up.type); up = up.parent) {
    if (!/^(list_comprehension|generator_expression)$/.test(up.type)) continue;
    const clause = up.namedChildren.find((c) => c?.type === 'for_in_clause');
    if (clause?.childForFieldName('left')?.text !== given.text) continue;
    const walked = clause.childForFieldName('right');
    if (walked?.type === 'list') return listItems(walked);
    if (walked?.type === 'identifier') return assignedLists(walked);
  }
  return [];
}

/** Every list literal assigned to the name in its function (or module), whatever the branch. */
function assignedLists(name: SyntaxNode): SyntaxNode[] {
  let scope: SyntaxNode | null = name.parent;
  while (scope && !/^(function_definition|module)$/.test(scope.type)) scope = scope.parent;
  const out: SyntaxNode[] = [];
  for (const a of scope?.descendantsOfType('assignment') ?? []) {
    const right = a?.childForFieldName('right');
    if (a?.childForFieldName('left')?.text === name.text && right?.type === 'list') out.push(...listItems(right));
  }
  return out;
}

function listItems(list: SyntaxNode): SyntaxNode[] {
  return list.namedChildren.filter((c): c is SyntaxNode => c?.type === 'attribute');
}

/** `agent_builder.load_data` → `RAGAgentBuilder.load_data` by the annotation or construction of `agent_builder`. */
function methodRef(syntax: LanguageSyntax, item: SyntaxNode): string | undefined {
  const object = item.childForFieldName('object');
  const method = item.childForFieldName('attribute')?.text;
  if (object?.type !== 'identifier' || !method || method.startsWith('_')) return undefined;
  const cls = object.text === 'self' ? enclosingClass(item) : classOf(syntax, object);
  return cls ? `${cls}.${method}` : undefined;
}

function enclosingClass(node: SyntaxNode): string | undefined {
  let up: SyntaxNode | null = node.parent;
  while (up && up.type !== 'class_definition') up = up.parent;
  return up?.childForFieldName('name')?.text;
}

/** The class a name holds: `x: Cls` as a parameter, or `x = Cls(…)` in the same function. */
function classOf(syntax: LanguageSyntax, name: SyntaxNode): string | undefined {
  let fn: SyntaxNode | null = name.parent;
  while (fn && !/^(function_definition|module)$/.test(fn.type)) fn = fn.parent;
  for (const p of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || !/^typed(_default)?_parameter$/.test(p.type)) continue;
    const declared = p.namedChildren.find((c) => c?.type === 'identifier')?.text;
    const type = p.childForFieldName('type')?.text;
    if (declared === name.text && type && CLASS_NAME.test(type)) return type;
  }
  for (const a of fn?.descendantsOfType('assignment') ?? []) {
    const right = a?.childForFieldName('right');
    if (a?.childForFieldName('left')?.text !== name.text || right?.type !== 'call') continue;
    const callee = syntax.callee(right);
    if (CLASS_NAME.test(callee)) return callee;
  }
  return undefined;
}

/** `Class.method` entries of this module's classes: each public method's docstring and the texts it returns. */
export function methodToolTexts(syntax: LanguageSyntax, root: SyntaxNode): BuilderTextsFact[] {
  const out: BuilderTextsFact[] = [];
  if (syntax.language !== 'python') return out;
  for (const stmt of root.namedChildren) {
    const cls = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const clsName = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
    if (!cls || !clsName) continue;
    for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
      const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (!fn || !name || name.startsWith('_') || out.length >= MAX_METHODS) continue;
      const fnName = `${clsName}.${name}`;
      const texts = toolResultTexts(syntax, fn).map((n) => textFact(syntax, fnName, n));
      const docNode = syntax.docstring(fn);
      const doc = docNode ? textFact(syntax, fnName, docNode) : undefined;
      if (texts.length || doc) out.push({ fn: fnName, texts, ...(doc ? { doc } : {}) });
    }
  }
  return out;
}

function textFact(syntax: LanguageSyntax, name: string, n: SyntaxNode): { name: string; line: number; endLine: number; text: string } {
  return { name, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: render(syntax.text(n)).text.slice(0, MAX_TEXT) };
}
