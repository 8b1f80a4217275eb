/**
 * Which calls run on some runs of their function only (repo/branch-calls.ts): arms, handlers, right
 * operands and the statements after an `if …: return` guard, each up to the innermost loop or function.
 * Read per call name from small Python and TypeScript sources.
 */
import * as assert from 'node:assert/strict';
import { parse, type Grammar } from '../../../src/core/detect/parser';
import { isBranchCall, isGuardedCall } from '../../../src/core/repo/branch-calls';

/** Per call, by the callee's text: [branch, guarded]. */
async function marks(text: string, grammar: Grammar): Promise<Map<string, [boolean, boolean]>> {
  const tree = await parse(text, grammar, { timeoutMs: 10_000 });
  assert.ok(tree, 'parsed');
  const out = new Map<string, [boolean, boolean]>();
  const types = grammar === 'python' ? ['call'] : ['call_expression', 'new_expression'];
  for (const call of tree.rootNode.descendantsOfType(types)) {
    if (!call) continue;
    const callee = (call.childForFieldName('function') ?? call.childForFieldName('constructor'))?.text ?? call.text;
    out.set(callee, [isBranchCall(call), isGuardedCall(call)]);
  }
  return out;
}

describe('repo/branch-calls: calls made on some runs only', () => {
  it('Python: arms, handlers, right operands and conditional expressions are branches; conditions and loop bodies are not', async () => {
    const m = await marks(
      [
        'def step(task):',
        '    always()',
        '    if check():',
        '        judge()',
        '    elif other():',
        '        elif_arm()',
        '    else:',
        '        else_arm()',
        '    try:',
        '        tried()',
        '    except Exception:',
        '        handler()',
        '    done = ready() and summarise()',
        '    x = pick_a() if cond() else pick_b()',
        '    if flag:',
        '        for item in items:',
        '            looped()',
        '',
      ].join('\n'),
      'python',
    );
    const branch = (name: string) => m.get(name)?.[0];
    assert.equal(branch('always'), false);
    assert.equal(branch('check'), false, 'the condition runs every time');
    assert.equal(branch('judge'), true);
    assert.equal(branch('other'), true, 'an elif condition runs only when the if failed');
    assert.equal(branch('elif_arm'), true);
    assert.equal(branch('else_arm'), true);
    assert.equal(branch('tried'), false);
    assert.equal(branch('handler'), true);
    assert.equal(branch('ready'), false);
    assert.equal(branch('summarise'), true, 'the right side of `and`');
    assert.equal(branch('cond'), false);
    assert.equal(branch('pick_a'), true);
    assert.equal(branch('pick_b'), true);
    assert.equal(branch('looped'), false, 'a loop starts afresh: its body runs every pass of that loop');
  });

  it('Python: statements after an `if …: return` guard are guarded, up to the innermost function', async () => {
    const m = await marks(
      [
        'def compact(history):',
        '    before()',
        '    if len(history) < 10:',
        '        return False',
        '    summarise_history()',
        '    def inner():',
        '        fresh()',
        '    return True',
        '',
      ].join('\n'),
      'python',
    );
    assert.deepEqual(m.get('before'), [false, false]);
    assert.deepEqual(m.get('len'), [false, false], 'the guard itself runs every time');
    assert.deepEqual(m.get('summarise_history'), [true, true]);
    assert.deepEqual(m.get('fresh'), [false, false], 'a nested function starts afresh');
  });

  it('TypeScript: if/else, ternary arms, && / || / ?? right operands and a lambda inside an arm', async () => {
    const m = await marks(
      [
        'async function step(done: boolean) {',
        '  always();',
        '  if (done) { judge(); } else { work(); }',
        '  const a = test() ? yes() : no();',
        '  const b = first() ?? fallback();',
        '  ok() || retry();',
        '  if (done) { items.forEach(() => perItem()); }',
        '  switch (mode) { case 1: caseArm(); break; default: defaultArm(); }',
        '}',
        '',
      ].join('\n'),
      'typescript',
    );
    const branch = (name: string) => m.get(name)?.[0];
    assert.equal(branch('always'), false);
    assert.equal(branch('judge'), true);
    assert.equal(branch('work'), true);
    assert.equal(branch('test'), false);
    assert.equal(branch('yes'), true);
    assert.equal(branch('no'), true);
    assert.equal(branch('first'), false);
    assert.equal(branch('fallback'), true);
    assert.equal(branch('ok'), false);
    assert.equal(branch('retry'), true);
    assert.equal(branch('items.forEach'), true);
    assert.equal(branch('perItem'), false, 'an arrow function starts afresh');
    assert.equal(branch('caseArm'), true);
    assert.equal(branch('defaultArm'), true);
  });

  it('survives deep nesting (one sweep, no walk up from each call)', async () => {
    const depth = 3_000;
    const text = 'f('.repeat(depth) + ')'.repeat(depth) + '\n';
    const tree = await parse(text, 'python', { timeoutMs: 30_000 });
    assert.ok(tree);
    const calls = tree.rootNode.descendantsOfType('call');
    assert.equal(calls.length, depth);
    assert.equal(calls.filter((c) => c && isBranchCall(c)).length, 0);
  });
});
