/**
 * Mutually exclusive code paths: the arms of an if/elif/else, of a match/switch, the entries of a dict
 * of factories, and the return statements of one function. Values made in different arms are
 * alternatives (only one runs), not a sum. The arm the code takes by default is the one whose
 * condition matches a default value the code sets (`provider: str = "openai"`,
 * `config.get("model", "anthropic") == "anthropic"`), else the `else`/fall-through arm, else the first.
 */
import { fieldDeclaration } from './class-fields';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

interface Arm {
  /** The statement or literal whose arms exclude each other. */
  readonly group: number;
  readonly arm: number;
  /** The arm's condition; absent for `else`, a default case or a fall-through return. */
  readonly condition?: SyntaxNode;
  /** For a case or dict entry: the value compared against (`match provider:` subject, dict key). */
  readonly subject?: SyntaxNode;
  readonly pattern?: string;
  /** An arm of an `if … else if … else` chain (or Python's `elif`s): its final `else` is what no test selects. */
  readonly chained?: true;
}

const FUNCTIONS = new Set(['function_definition', 'lambda', 'function_declaration', 'arrow_function', 'function_expression', 'function', 'method_definition']);

/** The exclusive arms a node lies in, innermost first, up to its enclosing function. */
export function armsOf(node: SyntaxNode): Arm[] {
  const out: Arm[] = [];
  let child = node;
  for (let a = node.parent; a; child = a, a = a.parent) {
    if (a.type === 'block' || a.type === 'statement_block') out.push(...guardsBefore(a, child));
    if (a.type === 'if_statement') {
      if (a.childForFieldName('condition')?.id === child.id) continue;
      const chained = isChained(a) ? { chained: true as const } : {};
      if (child.type === 'elif_clause') out.push({ group: a.id, arm: child.id, condition: child.childForFieldName('condition') ?? undefined, ...chained });
      else if (child.type === 'else_clause') out.push({ group: a.id, arm: child.id, ...chained });
      else out.push({ group: a.id, arm: child.id, condition: a.childForFieldName('condition') ?? undefined, ...chained });
    } else if (a.type === 'case_clause' || a.type === 'switch_case' || a.type === 'switch_default') {
      const switcher = a.parent?.parent;
      if (!switcher) continue;
      const subject = switcher.childForFieldName('subject') ?? switcher.childForFieldName('value') ?? switcher.namedChildren[0] ?? undefined;
      const pattern = a.type === 'switch_default' ? undefined : caseValue(a);
      const isDefault = a.type === 'switch_default' || pattern === '_';
      out.push({ group: switcher.id, arm: a.id, ...(isDefault ? {} : { subject, pattern }) });
    } else if (a.type === 'pair' && (a.parent?.type === 'dictionary' || a.parent?.type === 'object') && !isCallArgument(a.parent)) {
      const key = a.childForFieldName('key');
      out.push({ group: a.parent.id, arm: a.id, pattern: key ? unquote(key.text) : undefined });
    } else if (a.type === 'return_statement') {
      const fn = enclosingFunction(a);
      if (fn) out.push({ group: -fn.id - 1, arm: a.id });
    }
    if (FUNCTIONS.has(a.type) && a.type !== 'lambda' && a.type !== 'arrow_function') break;
  }
  return out;
}

/** An `if` that is a link of an else-if chain: the `else if` of another, or one whose `else` is an `if` (or has `elif`s). */
function isChained(ifNode: SyntaxNode): boolean {
  if (ifNode.parent?.type === 'else_clause') return true;
  return ifNode.namedChildren.some((c) => c?.type === 'elif_clause' || (c?.type === 'else_clause' && c.namedChildren.some((x) => x?.type === 'if_statement')));
}

const LEAVING = new Set(['return_statement', 'raise_statement', 'throw_statement']);

/**
 * A guard clause is an if without else whose body always leaves (`if not stream: r = create(…); return r`): the
 * code after it in the same block is its implicit else (`r = create(…, stream=True)`), so the two exclude each other.
 * The fall-through arm has no condition, like an else, so it is the default when nothing else decides.
 */
function guardsBefore(block: SyntaxNode, child: SyntaxNode): Arm[] {
  const out: Arm[] = [];
  for (const s of block.namedChildren) {
    if (!s || s.startIndex >= child.startIndex) break;
    if (s.type !== 'if_statement' || s.childForFieldName('alternative')) continue;
    const body = s.childForFieldName('consequence');
    const statements = body?.type === 'block' || body?.type === 'statement_block' ? body.namedChildren.filter((c) => c && c.type !== 'comment') : [body];
    const last = statements[statements.length - 1];
    if (last && LEAVING.has(last.type)) out.push({ group: s.id, arm: -s.id - 1 });
  }
  return out;
}

/**
 * An object handed straight to a call (`createHandler({ onCreate: …, onUpdate: … })`) is a set of
 * options or handlers that each run when their event comes, not a table one key is picked from.
 */
function isCallArgument(obj: SyntaxNode): boolean {
  const p = obj.parent;
  return p?.type === 'arguments' || p?.type === 'argument_list';
}

/** Whether two nodes lie in different arms of one exclusive choice. */
export function exclusive(a: SyntaxNode, b: SyntaxNode): boolean {
  return distinguishing(armsOf(a), armsOf(b)) !== undefined;
}

/** The choice that separates two nodes; an if/match/dict arm (which has a condition) before two returns of one function. */
function distinguishing(x: readonly Arm[], y: readonly Arm[]): [Arm, Arm] | undefined {
  const ordered = [...x.filter((a) => a.group >= 0), ...x.filter((a) => a.group < 0)];
  for (const ax of ordered) {
    const ay = y.find((a) => a.group === ax.group);
    if (ay && ay.arm !== ax.arm) return [ax, ay];
  }
  return undefined;
}

export interface Choice {
  /** Index of the default arm's node in the list given. */
  readonly chosen: number;
  /** The condition of each node's arm as written (absent for else / default). */
  readonly conditions: readonly (string | undefined)[];
}

/** Among nodes in exclusive arms: which one the code takes by default, and each one's condition. */
export function chooseDefault(syntax: LanguageSyntax, nodes: readonly SyntaxNode[]): Choice {
  const arms = nodes.map((n) => armsOf(n));
  const conditions: (string | undefined)[] = [];
  const matches: boolean[] = [];
  const isElse: boolean[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const other = arms.findIndex((x, j) => j !== i && distinguishing(arms[i], x));
    const pair = other >= 0 ? distinguishing(arms[i], arms[other]) : undefined;
    const arm = pair?.[0];
    conditions.push(arm ? conditionText(arm) : undefined);
    matches.push(arm ? armMatchesDefault(syntax, arm) : false);
    isElse.push(isElseArm(arm));
  }
  // `if … else if … else`: the request in the inner `if` is in the outer `else` too; the chain's final `else` is the one
  // no other node's test selects (an `else` of the chain against every other node). An `else` holding its own
  // `if`/`else` (not a chain) keeps the old order: nothing says which of its nested arms the default takes.
  const elseOfAll = nodes.map((_, i) => arms.every((x, j) => {
    const arm = j === i ? undefined : distinguishing(arms[i], x)?.[0];
    return j === i || (isElseArm(arm) && arm!.chained === true);
  }));
  let chosen = matches.indexOf(true);
  if (chosen < 0) chosen = elseOfAll.indexOf(true);
  if (chosen < 0) chosen = isElse.indexOf(true);
  if (chosen < 0) chosen = 0;
  return { chosen, conditions };
}

function isElseArm(arm: Arm | undefined): boolean {
  return Boolean(arm && !arm.condition && arm.pattern === undefined);
}

function conditionText(arm: Arm): string | undefined {
  if (arm.condition) return arm.condition.text.replace(/\s+/g, ' ').replace(/^\((.*)\)$/, '$1');
  if (arm.pattern !== undefined) return arm.subject ? `${arm.subject.text} == ${JSON.stringify(arm.pattern)}` : `key ${JSON.stringify(arm.pattern)}`;
  return undefined;
}

/** `provider == "openai"` where `provider` defaults to "openai"; `case "openai":` on such a subject. */
function armMatchesDefault(syntax: LanguageSyntax, arm: Arm): boolean {
  if (arm.subject && arm.pattern !== undefined) return defaultString(syntax, arm.subject) === arm.pattern;
  const c = arm.condition;
  if (!c) return false;
  for (const cmp of [c, ...c.descendantsOfType(['comparison_operator', 'binary_expression'])]) {
    if (!cmp || (cmp.type !== 'comparison_operator' && cmp.type !== 'binary_expression')) continue;
    const m = /^(.+?)\s*(==|===|\bin\b)\s*(.+)$/s.exec(cmp.text);
    if (!m) continue;
    const [left, right] = [cmp.namedChildren[0], cmp.namedChildren[cmp.namedChildren.length - 1]];
    if (!left || !right) continue;
    if (m[2] === 'in') {
      const value = defaultString(syntax, left);
      const options = (syntax.items(right) ?? []).map((i) => syntax.stringConstant(i));
      if (value !== undefined && options.includes(value)) return true;
      continue;
    }
    const [setting, literal] = left.type === 'string' ? [right, left] : [left, right];
    if (literal.type !== 'string') continue;
    const value = defaultString(syntax, setting);
    if (value !== undefined && value === syntax.stringConstant(literal)) return true;
  }
  return false;
}

/** The string a setting has when nothing overrides it: a constant, a parameter default, a `.get`/`getenv` fallback. */
export function defaultString(syntax: LanguageSyntax, node: SyntaxNode, depth = 0): string | undefined {
  if (depth > 5 || node.type === 'string') return undefined;
  const target = syntax.resolve(node);
  if (target.type === 'string' || target.type === 'template_string') return syntax.stringConstant(target);
  if (target.type === 'call' || target.type === 'call_expression') {
    const callee = syntax.callee(target);
    const args = syntax.args(target);
    if (/(^|\.)(get|getenv)$/.test(callee)) {
      const fallback = args.positional[1] ?? args.named.get('default');
      return fallback ? (syntax.stringConstant(fallback) ?? defaultString(syntax, fallback, depth + 1)) : undefined;
    }
    if (callee === 'getattr' && args.positional[2]) return syntax.stringConstant(args.positional[2]);
    return undefined;
  }
  if (target.type === 'attribute' || target.type === 'member_expression') {
    const field = syntax.name(target);
    const declared = field ? fieldDeclaration(syntax, field, target) : undefined;
    return declared && declared.id !== target.id ? defaultString(syntax, declared, depth + 1) : undefined;
  }
  if (target.type === 'boolean_operator' || target.type === 'binary_expression') {
    const right = target.childForFieldName('right');
    return right ? (syntax.stringConstant(right) ?? defaultString(syntax, right, depth + 1)) : undefined;
  }
  return undefined;
}

function caseValue(c: SyntaxNode): string | undefined {
  const value = c.childForFieldName('value') ?? c.namedChildren.find((x) => x?.type === 'case_pattern') ?? undefined;
  return value ? unquote(value.text) : undefined;
}

function unquote(s: string): string {
  return s.trim().replace(/^[rbuf]*(['"`])([\s\S]*)\1$/i, '$2');
}

/** The function a node is in; with `named`, inline lambdas and arrow functions (dict entries, callbacks) are looked through. */
export function enclosingFunction(n: SyntaxNode, named = false): SyntaxNode | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (!FUNCTIONS.has(p.type)) continue;
    if (named && (p.type === 'lambda' || p.type === 'arrow_function') && p.parent?.type !== 'variable_declarator') continue;
    return p;
  }
  return undefined;
}
