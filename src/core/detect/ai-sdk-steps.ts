/**
 * How many requests an AI SDK `generateText`/`streamText` tool loop sends, read the way the SDK runs it
 * (packages/ai/src/generate-text/stop-condition.ts and generate-text.ts of github:vercel/ai, read 2026-12-07):
 * - `stopWhen` defaults to `isStepCount(1)` (`stepCountIs` is its older name): one step, one request, no loop.
 *   An array of conditions stops as soon as any is met, so its bound is the smallest step count in it;
 *   `hasToolCall('done')` and `isLoopFinished()` stop on what the model does and give no count. AI SDK 4 spelled
 *   the count `maxSteps` (default 1), as Mastra's agents still do.
 * - The loop only goes on while a step ends in tool calls. `prepareStep` may switch the tools off for a step
 *   (`toolChoice: 'none'`, `activeTools: []`): that step cannot call a tool, so it is the last one whatever the
 *   stop condition says. A brake set from step k (`stepNumber >= k`, `steps.length >= k`) cuts the loop to k + 1
 *   steps; a brake set once the last step made a tool round trip (`steps[steps.length - 1].toolCalls.length > 0`,
 *   `steps.length > 0`) lets the model make one tool round and answer: 2 steps.
 * A bound chosen by a ternary (`stepCountIs(isPro ? 20 : 5)`, `maxSteps: deep ? 10 : 3`) is its else arm: the
 * test names the special mode (public code: `isDeepDive ? 50 : 10`, `isMockProvider ? 4 : 40`, `isAnonymous ?
 * GUEST_MAX_STEPS : MAX_STEPS`), the else arm is what a plain run gets.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** Local names followed inside a prepareStep body, and how deep a condition's names are expanded. */
const MAX_EXPANSIONS = 4;

/** A number, or a ternary's else arm (then its consequence, when the else arm does not resolve). */
export function stepNumberOf(syntax: LanguageSyntax, node: SyntaxNode | undefined, depth = 0): number | undefined {
  if (!node || depth > 4) return undefined;
  const direct = syntax.number(node);
  if (direct !== undefined) return direct;
  const target = unwrap(syntax.resolve(node));
  if (target.type !== 'ternary_expression' && target.type !== 'conditional_expression') return undefined;
  const [then, otherwise] = target.type === 'ternary_expression'
    ? [target.childForFieldName('consequence'), target.childForFieldName('alternative')]
    : [target.namedChildren[0], target.namedChildren[2]];
  return stepNumberOf(syntax, otherwise ?? undefined, depth + 1) ?? stepNumberOf(syntax, then ?? undefined, depth + 1);
}

/** `stepCountIs(5)` / `isStepCount(n)`, or the smallest count of an array of conditions. */
export function stepCountOf(syntax: LanguageSyntax, node: SyntaxNode): number | undefined {
  const items = syntax.items(node);
  if (items) {
    const counts = items.map((i) => stepCountOf(syntax, i)).filter((v): v is number => v !== undefined);
    return counts.length ? Math.min(...counts) : undefined;
  }
  const target = syntax.resolve(node);
  if (target.type !== 'call_expression' || !/(stepCountIs|isStepCount)$/.test(syntax.callee(target))) return undefined;
  return stepNumberOf(syntax, syntax.args(target).positional[0]);
}

/**
 * The step after which a `prepareStep` function switches the tools off (the loop's last step), or undefined when it
 * never does on the plain path. Only an object it returns counts, directly or as a ternary's arm, whose
 * `toolChoice` is `'none'` or whose `activeTools` is empty, under a test on the steps taken.
 */
export function toolsOffAfter(syntax: LanguageSyntax, prepareStep: SyntaxNode): number | undefined {
  const fn = syntax.resolve(prepareStep);
  if (!/^(arrow_function|function_expression|function|function_declaration|method_definition)$/.test(fn.type)) return undefined;
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  const locals = localValues(body);
  let best: number | undefined;
  const consider = (value: SyntaxNode, test: string | undefined): void => {
    if (!test || !switchesToolsOff(syntax, value)) return;
    const at = brakeStep(expand(test, locals));
    if (at !== undefined && (best === undefined || at < best)) best = at;
  };
  // An arrow function with an expression body: `({ stepNumber }) => stepNumber >= 3 ? { toolChoice: 'none' } : undefined`.
  if (body.type !== 'statement_block') returnedUnder(body, undefined, consider);
  for (const ret of body.descendantsOfType('return_statement')) {
    if (!ret || nestedFunction(ret, body)) continue;
    const value = ret.namedChildren[0];
    if (value) returnedUnder(value, enclosingTests(ret, body), consider);
  }
  return best;
}

function returnedUnder(value: SyntaxNode, test: string | undefined, consider: (v: SyntaxNode, t: string | undefined) => void): void {
  const v = unwrap(value);
  if (v.type === 'ternary_expression') {
    const c = v.childForFieldName('condition')?.text;
    const a = v.childForFieldName('consequence');
    if (a && c) consider(a, test ? `${test} && ${c}` : c);
    return;
  }
  consider(v, test);
}

function switchesToolsOff(syntax: LanguageSyntax, value: SyntaxNode): boolean {
  const entries = syntax.entries(unwrap(value));
  if (!entries) return false;
  const choice = entries.get('toolChoice');
  if (choice && syntax.stringConstant(unwrap(choice)) === 'none') return true;
  const active = entries.get('activeTools');
  return Boolean(active && syntax.items(unwrap(active))?.length === 0);
}

/**
 * The step from which a test holds on a plain run, counted in steps sent (the brake's own step included):
 * `stepNumber >= 3` → 4; the last step's tool round (any tool, not a named one) or `steps.length > 0` → 2.
 */
function brakeStep(test: string): number | undefined {
  // A brake once a named tool was called (`toolName === 'done'`) is a stop on what the model does: no count.
  if (/toolName/.test(test)) return undefined;
  const numbered = /\b(stepNumber|steps\.length)\s*(>=|>|===|==)\s*(\d+)\b/.exec(test);
  if (numbered) {
    const n = Number(numbered[3]);
    return (numbered[2] === '>' ? n + 1 : n) + 1;
  }
  const lastStep = /steps\s*\[\s*steps\.length\s*-\s*1\s*\]|steps\.at\(\s*-1\s*\)/.test(test);
  if (lastStep && /\.(toolCalls|toolResults)\b/.test(test)) return 2;
  if (/\bsteps\.length\s*(>\s*0|!==?\s*0)|\bstepNumber\s*(>\s*0|!==?\s*0)/.test(test)) return 2;
  return undefined;
}

/** `const last = steps[steps.length - 1]`: the body's local constants, by name, as written. */
function localValues(body: SyntaxNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of body.descendantsOfType('variable_declarator')) {
    const name = d?.childForFieldName('name');
    const value = d?.childForFieldName('value');
    if (d && name?.type === 'identifier' && value && !nestedFunction(d, body) && out.size < 40) out.set(name.text, value.text);
  }
  return out;
}

/** A test with the locals it names written out, a few levels deep. */
function expand(test: string, locals: ReadonlyMap<string, string>): string {
  let text = test;
  for (let round = 0; round < MAX_EXPANSIONS; round++) {
    const next = text.replace(/\b[A-Za-z_$][\w$]*\b/g, (w) => (locals.has(w) ? `(${locals.get(w)})` : w));
    if (next === text || next.length > 4000) break;
    text = next;
  }
  return text;
}

/** The tests of the `if`s a return sits in (their consequence, not their else), joined. */
function enclosingTests(node: SyntaxNode, body: SyntaxNode): string | undefined {
  const tests: string[] = [];
  for (let p = node.parent, child: SyntaxNode = node; p && p.id !== body.id; child = p, p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const alternative = p.childForFieldName('alternative');
    if (alternative && alternative.id === child.id) continue;
    const c = p.childForFieldName('condition');
    if (c) tests.push(c.text);
  }
  return tests.length ? tests.join(' && ') : undefined;
}

function nestedFunction(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) if (/^(arrow_function|function_expression|function_declaration|method_definition)$/.test(p.type)) return true;
  return false;
}

/** `(x)`, `x as const`, `x satisfies T`: the expression inside. */
function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 4 && /^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/.test(n.type) && n.namedChildren[0]; i++) n = n.namedChildren[0]!;
  return n;
}
