/**
 * Python facts for tool classes run through a map keyed by the tool call's name, the small-agent idiom
 * (anthropic-quickstarts `agents/utils/tool_util.py`):
 *
 *     result = await tool_dict[call.name].execute(**call.input)
 *     response["content"] = str(result)
 *
 * What the method returns is the tool result the model reads in the next request, so the fixed texts the tool
 * classes' `execute` returns (`return "No text content in tool response"`, `return f"Error: File not found at
 * {path}"`) are prompts. Read here: the method names a module calls on a map item picked by a tool's name (the map
 * named as tools, the key as a name: `self.tools[tool_name].run(…)`, not `handlers[kind].run(…)`), and, for each
 * class that derives from another class, what its run-like methods return (`execute`, `run`, `__call__`, …),
 * with the returns of the class's own helpers they return (`return await self._read_file(path)`). Texts keep the
 * floors of returned tool texts (py-tool-returns.ts: five written words fixed, four in a template). The repository
 * pass (repo/tool-error-texts.ts) keeps the methods some module dispatches, of classes below one of the
 * repository's own classes (the tool base class the map holds).
 */
import type { BuilderTextsFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { toolResultTexts } from './py-tool-returns';
import type { LanguageSyntax } from './syntax';
import { render } from './text';

/** A module that calls a method on a tool map's item picked by name. */
export const TOOL_MAP_HINT = /\w*(tool|Tool|TOOL)s?\w*\[[^\]\n]*name[^\]\n]*\]\.\w+\(/;
/** A module that writes a tool class (`class FileReadTool(Tool):`), parsed for its run-like methods. */
export const TOOL_CLASS_HINT = /\bclass\s+\w*Tool\w*\(\s*\w/;
/** Methods a tool map's item is run through. */
const RUN_METHOD = /^(execute|aexecute|run|arun|call|acall|invoke|ainvoke|forward|__call__)$/;
const TOOL_MAP = /tools?\b|tool_?(map|dict|registry|table)|_tools$/i;
const NAME_KEY = /name/i;
const MAX_CLASSES = 100;
const MAX_TEXT = 8000;

/** `tool_dict[call.name].execute(…)`: the method names run on a tool map's item picked by the tool's name. */
export function toolMapMethods(syntax: LanguageSyntax, calls: readonly SyntaxNode[], text: string): string[] {
  const out: string[] = [];
  if (syntax.language !== 'python' || !TOOL_MAP_HINT.test(text)) return out;
  for (const call of calls) {
    const fn = call.childForFieldName('function');
    const item = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    const method = fn?.childForFieldName('attribute')?.text;
    if (item?.type !== 'subscript' || !method || !RUN_METHOD.test(method) || out.includes(method)) continue;
    const map = item.childForFieldName('value')?.text ?? '';
    const key = item.childForFieldName('subscript')?.text ?? '';
    if (TOOL_MAP.test(map.slice(map.lastIndexOf('.') + 1)) && NAME_KEY.test(key)) out.push(method);
  }
  return out;
}

/** `Class.method` texts of the run-like methods of derived classes, with the helpers they return. */
export function derivedRunMethodTexts(syntax: LanguageSyntax, root: SyntaxNode): BuilderTextsFact[] {
  const out: BuilderTextsFact[] = [];
  if (syntax.language !== 'python') return out;
  for (const stmt of root.namedChildren) {
    const cls = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
    if (!cls || !name || !cls.childForFieldName('superclasses')?.namedChildren.length || out.length >= MAX_CLASSES) continue;
    const methods = new Map<string, SyntaxNode>();
    for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
      const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      const fnName = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
      if (fn && fnName) methods.set(fnName, fn);
    }
    for (const [method, fn] of methods) {
      if (!RUN_METHOD.test(method)) continue;
      const nodes = [...toolResultTexts(syntax, fn)];
      for (const helper of returnedHelpers(syntax, fn)) {
        const body = methods.get(helper);
        if (body && body.id !== fn.id) nodes.push(...toolResultTexts(syntax, body));
      }
      const texts = nodes.map((n) => ({ name: `${name}.${method}`, line: n.startPosition.row + 1, endLine: n.endPosition.row + 1, text: render(syntax.text(n)).text.slice(0, MAX_TEXT) }));
      if (texts.length) out.push({ fn: `${name}.${method}`, texts });
    }
  }
  return out;
}

/** `return await self._read_file(path)`: the class's own methods whose result a method returns. */
function returnedHelpers(syntax: LanguageSyntax, fn: SyntaxNode): string[] {
  const out: string[] = [];
  for (const r of syntax.returns(fn).slice(0, 30)) {
    const call = r.type === 'await' ? r.namedChildren[0] : r;
    const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    if (callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self') {
      const name = callee.childForFieldName('attribute')?.text;
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}
