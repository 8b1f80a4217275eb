/**
 * Calls made only on some runs of their function: inside a branch of an `if`/`elif`/`else`, an exception
 * handler, a `match`/`switch` case, a conditional expression's arms or the right side of `and`/`&&`/`or`,
 * or after an `if …: return` guard earlier in the same block (`if steps_since < every_n: return False`
 * before a compaction request). A guard that raises is an error path and gates nothing.
 * An agent loop's step is priced on the request each pass sends; a request reached only through such a
 * call (a judge run when the task is done, a summary when the history is long) runs on some passes only.
 * The walk up stops at the innermost loop or function: a call in a loop's body is a branch when a condition
 * inside that body guards it (`if is_done: judge()`), not when the loop itself sits under an `if`, so the
 * loop's own requests are told apart. (A call in a loop of a function on the way counts as made each run.)
 */
import type { SyntaxNode } from '../detect/parser';

/** Node types that end the walk up: the enclosing loop, function, class or module. */
const SCOPE = /^(for_statement|while_statement|for_in_statement|do_statement|function_definition|lambda|class_definition|module|function_declaration|function_expression|arrow_function|method_definition|class_declaration|program|generator_function_declaration)$/;
/** Blocks that run only when a condition holds or an exception was raised. */
const BRANCH_PARENT = /^(elif_clause|else_clause|except_clause|except_group_clause|case_clause|catch_clause|switch_case|switch_default)$/;
const MAX_UP = 40;

/** True when the call runs only on some runs of its function (see above). */
export function isBranchCall(call: SyntaxNode): boolean {
  let child = call;
  let node = call.parent;
  for (let i = 0; node && i < MAX_UP && !SCOPE.test(node.type); i++) {
    if (BRANCH_PARENT.test(node.type)) return true;
    // The condition of an `if` runs every time; its consequence does not.
    if (node.type === 'if_statement' && node.childForFieldName('condition')?.id !== child.id) return true;
    if (node.type === 'conditional_expression' || node.type === 'ternary_expression') {
      // Python `a if c else b` (the condition is the middle child), TS `c ? a : b`: only the condition always runs.
      const cond = node.type === 'conditional_expression' ? node.namedChildren[1] : node.childForFieldName('condition');
      if (cond?.id !== child.id) return true;
    }
    if ((node.type === 'boolean_operator' || node.type === 'binary_expression') && /^(and|or|&&|\|\||\?\?)$/.test(node.childForFieldName('operator')?.type ?? '') && node.childForFieldName('right')?.id === child.id) return true;
    if (BLOCK.test(node.type) && afterReturnGuard(node, child)) return true;
    child = node;
    node = node.parent;
  }
  return false;
}

/**
 * A request that comes after an `if …: return` guard (up to its innermost loop or function): sent on some runs.
 * An `if`/`else` around two forms of one request (streamed or not) is no guard: one of them is always sent.
 */
export function isGuardedCall(call: SyntaxNode): boolean {
  let child = call;
  let node = call.parent;
  for (let i = 0; node && i < MAX_UP && !SCOPE.test(node.type); i++) {
    if (BLOCK.test(node.type) && afterReturnGuard(node, child)) return true;
    child = node;
    node = node.parent;
  }
  return false;
}

const BLOCK = /^(block|statement_block)$/;
const MAX_GUARDS_SCANNED = 60;

/** Per block (by node id, for the tree being read): where its `if …: return` guards end. */
let guardTree: unknown;
const guardEnds = new Map<number, number[]>();

/** A statement of a block that comes after one of the block's `if …: return` guards. */
function afterReturnGuard(block: SyntaxNode, statement: SyntaxNode): boolean {
  if (guardTree !== block.tree) {
    guardTree = block.tree;
    guardEnds.clear();
  }
  let ends = guardEnds.get(block.id);
  if (!ends) {
    ends = [];
    for (const s of block.namedChildren.slice(0, MAX_GUARDS_SCANNED)) if (s && s.type === 'if_statement' && returnsEarly(s)) ends.push(s.endIndex);
    guardEnds.set(block.id, ends);
  }
  return ends.some((end) => end <= statement.startIndex);
}

/** `if c: return …` (the consequence's last statement returns). */
function returnsEarly(ifStatement: SyntaxNode): boolean {
  const consequence = ifStatement.childForFieldName('consequence');
  const last = consequence?.type === 'return_statement' ? consequence : consequence?.lastNamedChild;
  return last?.type === 'return_statement';
}
