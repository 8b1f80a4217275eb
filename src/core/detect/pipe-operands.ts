/**
 * The operands of a Python `a | b | c` chain (a LangChain pipe), left to right, parentheses unwrapped. Shared by the
 * graph's question "does this node send" (graph-node-sends.ts) and the repository's value of a pipe (repo/py-pipes.ts),
 * so both read the same steps. Depth is bounded: a generated chain of thousands of `|` must not recurse without end.
 */
import type { SyntaxNode } from './parser';

/** LCEL steps that are not the model: prompts, parsers, plain functions or tool nodes wrapped as runnables. */
export const NOT_MODEL_STEP = /(^|\.)(\w*Prompt\w*|\w*prompt|\w*Parser|\w*parser|Runnable(Lambda|Passthrough|Parallel|Map)|itemgetter|ToolNode|ToolExecutor|lambda\b)/;

const unwrap = (n: SyntaxNode): SyntaxNode => (n.type === 'parenthesized_expression' && n.namedChildren[0] ? n.namedChildren[0] : n);
const isPipe = (n: SyntaxNode): boolean => n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '|';

/** The chain's operands; a node that is no pipe gives itself (unwrapped). Past `maxDepth` a nested pipe is one operand. */
export function pipeOperands(node: SyntaxNode, maxDepth: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const flatten = (n: SyntaxNode, depth: number): void => {
    const u = unwrap(n);
    if (depth < maxDepth && isPipe(u)) {
      for (const side of [u.childForFieldName('left'), u.childForFieldName('right')]) if (side) flatten(side, depth + 1);
    } else out.push(u);
  };
  flatten(node, 0);
  return out;
}

/** Is the node (parentheses unwrapped) a `|` chain? */
export const isPipeChain = (node: SyntaxNode): boolean => isPipe(unwrap(node));
