/** What both extractors share: placing detected calls in their enclosing function. */
import type { SyntaxNode } from '../detect/parser';
import type { CallFact, Expr, FunctionFact } from './facts';

/** A call detection reported, with its node (during detection only). */
export interface DetectedCallSpot {
  readonly id: string;
  readonly node: SyntaxNode;
}

export function callFactsOf(
  detected: readonly DetectedCallSpot[],
  functions: readonly FunctionFact[],
  modelArg: (call: SyntaxNode) => { model?: Expr; receiver?: string; inputs?: string[] },
): CallFact[] {
  return detected.map(({ id, node }) => {
    const line = node.startPosition.row + 1;
    const fn = enclosingFunction(functions, line);
    const { model, receiver, inputs } = modelArg(node);
    return { id, ...(fn ? { fn: fn.name } : {}), ...(model ? { model } : {}), ...(receiver ? { receiver } : {}), ...(inputs?.length ? { inputs } : {}) };
  });
}

/** Prompt-carrying arguments: their names and attribute paths are checked for files read at run time. */
export const INPUT_KEYS = /^(system|messages|prompt|instructions|input|contents|content|system_prompt|systemPrompt|system_instruction|user_prompt|query|text)$/;

/** Dotted names (`SYSTEM_PROMPT`, `self.system_prompt`) inside an argument, not counting callees. */
export function namesIn(node: SyntaxNode, out: string[], nameTypes: ReadonlySet<string>, memberType: string, depth = 0): void {
  if (out.length >= 12 || depth > 32) return;
  if (nameTypes.has(node.type) || node.type === memberType) {
    const parent = node.parent;
    const isCallee = parent && (parent.type === 'call' || parent.type === 'call_expression') && parent.childForFieldName('function')?.id === node.id;
    if (!isCallee && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(node.text)) {
      out.push(node.text);
      return;
    }
  }
  for (const c of node.namedChildren) if (c) namesIn(c, out, nameTypes, memberType, depth + 1);
}

/** The innermost function whose lines contain `line`. */
export function enclosingFunction(functions: readonly FunctionFact[], line: number): FunctionFact | undefined {
  let best: FunctionFact | undefined;
  for (const f of functions) {
    if (f.line <= line && line <= f.endLine && (!best || f.endLine - f.line < best.endLine - best.line)) best = f;
  }
  return best;
}
