/**
 * Calls made only on some runs of their function: inside a branch of an `if`/`elif`/`else`, an exception
 * handler, a `match`/`switch` case, a conditional expression's arms or the right side of `and`/`&&`/`or`,
 * or after an `if …: return` guard earlier in the same block (`if steps_since < every_n: return False`
 * before a compaction request). A guard that raises is an error path and gates nothing.
 * An agent loop's step is priced on the request each pass sends; a request reached only through such a
 * call (a judge run when the task is done, a summary when the history is long) runs on some passes only.
 * Marks count from the innermost loop or function: a call in a loop's body is a branch when a condition
 * inside that body guards it (`if is_done: judge()`), not when the loop itself sits under an `if`, so the
 * loop's own requests are told apart. (A call in a loop of a function on the way counts as made each run.)
 */
import type { SyntaxNode } from '../detect/parser';

/** Nodes the marks start afresh in: a loop, function, class or module. */
const SCOPE = /^(for_statement|while_statement|for_in_statement|do_statement|function_definition|lambda|class_definition|module|function_declaration|function_expression|arrow_function|method_definition|class_declaration|program|generator_function_declaration)$/;
/** Blocks that run only when a condition holds or an exception was raised. */
const BRANCH_PARENT = /^(elif_clause|else_clause|except_clause|except_group_clause|case_clause|catch_clause|switch_case|switch_default)$/;

/** What the walk over a tree found for each call, by its span (`start:end`). */
interface CallFlags {
  readonly branch: Set<string>;
  readonly guarded: Set<string>;
}

/** The tree the flags were computed for (one file's detection reads one tree). */
let flagsTree: unknown;
let flags: CallFlags = { branch: new Set(), guarded: new Set() };

/** True when the call runs only on some runs of its function (see above). */
export function isBranchCall(call: SyntaxNode): boolean {
  return flagsOf(call).branch.has(spanKey(call.startIndex, call.endIndex));
}

/**
 * A request that comes after an `if …: return` guard (up to its innermost loop or function): sent on some runs.
 * An `if`/`else` around two forms of one request (streamed or not) is no guard: one of them is always sent.
 */
export function isGuardedCall(call: SyntaxNode): boolean {
  return flagsOf(call).guarded.has(spanKey(call.startIndex, call.endIndex));
}

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

function flagsOf(node: SyntaxNode): CallFlags {
  if (flagsTree !== node.tree) {
    flagsTree = node.tree;
    flags = walkTree(node.tree.rootNode);
  }
  return flags;
}

const CALL = /^(call|call_expression|new_expression)$/;
const BLOCK = /^(block|statement_block|module|program)$/;
const LOGICAL = /^(and|or|&&|\|\||\?\?)$/;

interface Frame {
  readonly type: string;
  readonly branch: boolean;
  readonly guarded: boolean;
  /** Blocks: statements starting at or after this index come after an `if …: return` guard. */
  guardFrom: number;
  /** Named children seen so far (a Python conditional expression's condition is the second). */
  named: number;
  /** A logical operator was seen among the children (`a and b`, `a && b`): the right side is a branch. */
  logical: boolean;
}

/**
 * One walk over the tree with a cursor (each step constant time, whatever the depth), carrying down whether
 * the code is in a branch or after a guard since the innermost loop or function.
 */
function walkTree(root: SyntaxNode): CallFlags {
  const out: CallFlags = { branch: new Set(), guarded: new Set() };
  const cursor = root.walk();
  const stack: Frame[] = [];
  const enter = (): void => {
    const type = cursor.nodeType;
    const parent = stack[stack.length - 1];
    let branch = parent?.branch ?? false;
    let guarded = parent?.guarded ?? false;
    if (parent) {
      // Each cursor read crosses into the parser's wasm memory, and this walk visits every node of
      // every file the repository pass reads: read the field name and namedness only for the few
      // parents whose rules need them.
      const ptype = parent.type;
      const fielded = ptype === 'if_statement' || ptype === 'ternary_expression' || ptype === 'boolean_operator' || ptype === 'binary_expression';
      const field = fielded ? cursor.currentFieldName : undefined;
      const named = fielded || ptype === 'conditional_expression' ? cursor.nodeIsNamed : false;
      if (field === 'operator' && LOGICAL.test(type)) parent.logical = true;
      if (SCOPE.test(type)) branch = guarded = false;
      else {
        if (BRANCH_PARENT.test(ptype)) branch = true;
        if (ptype === 'if_statement' && named && field !== 'condition') branch = true;
        if (ptype === 'conditional_expression' && named && parent.named !== 1) branch = true;
        if (ptype === 'ternary_expression' && named && field !== 'condition') branch = true;
        if ((ptype === 'boolean_operator' || ptype === 'binary_expression') && parent.logical && field === 'right') branch = true;
        if (parent.guardFrom !== Infinity && BLOCK.test(ptype) && cursor.startIndex >= parent.guardFrom) guarded = true;
      }
      if (named) parent.named++;
    }
    if (CALL.test(type)) {
      const key = spanKey(cursor.startIndex, cursor.endIndex);
      if (branch || guarded) out.branch.add(key);
      if (guarded) out.guarded.add(key);
    }
    stack.push({ type, branch, guarded, guardFrom: Infinity, named: 0, logical: false });
  };
  const leave = (): void => {
    const frame = stack.pop();
    const parent = stack[stack.length - 1];
    if (frame?.type === 'if_statement' && parent && BLOCK.test(parent.type) && parent.guardFrom === Infinity && returnsEarly(cursor.currentNode)) parent.guardFrom = cursor.endIndex;
  };
  enter();
  for (;;) {
    if (cursor.gotoFirstChild()) {
      enter();
      continue;
    }
    for (;;) {
      leave();
      if (cursor.gotoNextSibling()) {
        enter();
        break;
      }
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

/** `if c: return …` (the consequence's last statement returns). */
function returnsEarly(ifStatement: SyntaxNode): boolean {
  const consequence = ifStatement.childForFieldName('consequence');
  const last = consequence?.type === 'return_statement' ? consequence : consequence?.lastNamedChild;
  return last?.type === 'return_statement';
}
