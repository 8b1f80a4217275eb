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

const CALLS = ['call', 'call_expression', 'new_expression'];
/** Nodes the marks start afresh in: a loop, function, class or module. */
const SCOPES = ['for_statement', 'while_statement', 'for_in_statement', 'do_statement', 'function_definition', 'lambda', 'class_definition', 'module', 'function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'class_declaration', 'program', 'generator_function_declaration'];
/** Loops whose header runs once before the passes (a `for … in` iterable). */
const HEADED_LOOPS = ['for_statement', 'for_in_statement'];
/** Blocks that run only when a condition holds or an exception was raised. */
const BRANCH_PARENTS = ['elif_clause', 'else_clause', 'except_clause', 'except_group_clause', 'case_clause', 'catch_clause', 'switch_case', 'switch_default'];
const BLOCKS = ['block', 'statement_block', 'module', 'program'];
const WANTED = [...new Set([...CALLS, ...SCOPES, ...BRANCH_PARENTS, ...BLOCKS, 'if_statement', 'ternary_expression', 'conditional_expression', 'boolean_operator', 'binary_expression'])];
const LOGICAL = /^(and|or|&&|\|\||\?\?)$/;

/**
 * What a span does to the calls inside it: a scope (loop, function, class, module) starts afresh, a branch
 * region (an arm, a handler, a right operand) makes them run on some runs only, a guarded region (the
 * statements of a block after an `if …: return`) too, and marks them guarded.
 */
const enum Kind {
  Branch = 0,
  Guarded = 1,
  Scope = 2,
  Call = 3,
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
}

/**
 * Marks every call of the tree in one sweep over a few node lists the parser collects itself
 * (`descendantsOfType` runs inside the wasm module), instead of a cursor walk over every node or a
 * walk up from each call: tree-sitter finds a node's parent from the root, and each cursor step crosses
 * into wasm memory, so both cost more than the rest of the repository pass on large repositories.
 * Spans nest as the tree does; sorted by start, then longest first, a stack gives each call its
 * innermost enclosing spans. Of two spans with the same extent, a region is taken as the outer one and
 * a call as the innermost (`a and f()`: the right operand is the call itself).
 */
function walkTree(root: SyntaxNode): CallFlags {
  const spans: Span[] = [];
  const add = (node: SyntaxNode | null | undefined, kind: Kind): void => {
    if (node) spans.push({ start: node.startIndex, end: node.endIndex, kind });
  };
  // One walk inside the parser for every node type the marks need (each `descendantsOfType` is a walk).
  const nodes = root.descendantsOfType(WANTED);
  if (WANTED.includes(root.type)) nodes.push(root);
  for (const node of nodes) {
    if (!node) continue;
    const type = node.type;
    if (CALLS.includes(type)) add(node, Kind.Call);
    // A `for` header's iterable is evaluated once, where the loop stands (`if cmd: for r in handle(cmd):` runs
    // `handle` on some runs only): the marks start afresh in the body.
    if (SCOPES.includes(type)) add(HEADED_LOOPS.includes(type) ? (node.childForFieldName('body') ?? node) : node, Kind.Scope);
    if (BRANCH_PARENTS.includes(type)) add(node, Kind.Branch);
    if (type === 'if_statement') {
      const condition = node.childForFieldName('condition');
      for (const child of node.namedChildren) if (child && child.id !== condition?.id) add(child, Kind.Branch);
    } else if (type === 'ternary_expression') {
      add(node.childForFieldName('consequence'), Kind.Branch);
      add(node.childForFieldName('alternative'), Kind.Branch);
    } else if (type === 'conditional_expression') {
      // Python `a if c else b`: the condition is the second named child.
      node.namedChildren.forEach((child, i) => i !== 1 && add(child, Kind.Branch));
    } else if (type === 'boolean_operator' || type === 'binary_expression') {
      if (LOGICAL.test(node.childForFieldName('operator')?.type ?? '')) add(node.childForFieldName('right'), Kind.Branch);
    }
    if (BLOCKS.includes(type)) {
      const guard = node.namedChildren.find((st) => st?.type === 'if_statement' && returnsEarly(st));
      if (guard && guard.endIndex < node.endIndex) spans.push({ start: guard.endIndex, end: node.endIndex, kind: Kind.Guarded });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.kind - b.kind);

  const out: CallFlags = { branch: new Set(), guarded: new Set() };
  const stack: { end: number; branch: boolean; guarded: boolean }[] = [{ end: Infinity, branch: false, guarded: false }];
  for (const span of spans) {
    while (stack.length > 1 && stack[stack.length - 1].end < span.end) stack.pop();
    const outer = stack[stack.length - 1];
    if (span.kind === Kind.Call) {
      const key = spanKey(span.start, span.end);
      if (outer.branch || outer.guarded) out.branch.add(key);
      if (outer.guarded) out.guarded.add(key);
      continue;
    }
    const branch = span.kind === Kind.Branch || (span.kind !== Kind.Scope && outer.branch);
    const guarded = span.kind === Kind.Guarded || (span.kind !== Kind.Scope && outer.guarded);
    stack.push({ end: span.end, branch, guarded });
  }
  return out;
}

/** `if c: return …` (the consequence's last statement returns). */
function returnsEarly(ifStatement: SyntaxNode): boolean {
  const consequence = ifStatement.childForFieldName('consequence');
  const last = consequence?.type === 'return_statement' ? consequence : consequence?.lastNamedChild;
  return last?.type === 'return_statement';
}
