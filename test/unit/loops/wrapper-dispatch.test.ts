import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import type { CalleeFact, Expr } from '../../../src/core/repo/facts';
import { notRepositoryCallee } from '../../../src/core/repo/extract-shared';
import { passedCalls } from '../../../src/core/repo/passed-callables';
import { moduleConstants } from '../../../src/core/repo/plain-constants';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import type { ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from '../repo/fixture-scan';

const name = (v: string): Expr => ({ k: 'name', v, line: 3 });
const member = (obj: string, prop: string): Expr => ({ k: 'member', obj: name(obj), prop, line: 3 });

function dispatcher(callee: string, args: Expr[], kw: Record<string, Expr> = {}): CalleeFact {
  return { callee, line: 3, expr: { k: 'call', callee: { k: 'unknown', text: callee, line: 3 }, text: callee, args, kw, line: 3 } };
}

describe('loops: calls of wrapper methods named like builtins', () => {
  it('keeps `ai.next(…)` (a method on an object) but not the builtin `next(it)` nor methods of builtin types', () => {
    assert.equal(notRepositoryCallee('ai.next'), false);
    assert.equal(notRepositoryCallee('self.llm.open'), false);
    assert.equal(notRepositoryCallee('next'), true);
    assert.equal(notRepositoryCallee('print'), true);
    assert.equal(notRepositoryCallee('messages.append'), true);
    assert.equal(notRepositoryCallee('text.strip'), true);
  });
});

describe('loops: functions passed to executors and threads are called', () => {
  it('a function value handed to submit / run_in_executor / Thread(target=) is a call, bound to the arguments passed on', () => {
    const [submitted] = passedCalls(dispatcher('executor.submit', [member('model', 'inference'), name('model_name'), name('prompt')]));
    assert.equal(submitted.callee, 'model.inference');
    assert.deepEqual(submitted.expr.k === 'call' ? submitted.expr.args : [], [name('model_name'), name('prompt')]);
    const [inExecutor] = passedCalls(dispatcher('loop.run_in_executor', [name('None'), member('self', 'work'), name('x')]));
    assert.equal(inExecutor.callee, 'self.work');
    assert.deepEqual(inExecutor.expr.k === 'call' ? inExecutor.expr.args : [], [name('x')]);
    assert.equal(passedCalls(dispatcher('threading.Thread', [], { target: member('self', 'run_agent') }))[0]?.callee, 'self.run_agent');
  });

  it('takes no trap: a bare submit() is some other function, a call passed is a call already, a literal is no function', () => {
    assert.deepEqual(passedCalls(dispatcher('submit', [name('handler')])), []);
    const call: Expr = { k: 'call', callee: member('agent', 'run'), text: 'agent.run', args: [], kw: {}, line: 3 };
    assert.deepEqual(passedCalls(dispatcher('executor.submit', [call])), []);
    assert.deepEqual(passedCalls(dispatcher('executor.submit', [{ k: 'str', v: 'job', line: 3 }])), []);
    assert.deepEqual(passedCalls(dispatcher('threading.Thread', [name('worker')])), [], 'a Thread without target=');
  });
});

describe('loops: constants of a module detection did not analyse', () => {
  it('reads top-level literal assignments, annotated or not, Python and TypeScript', () => {
    const py = moduleConstants('app/limits.py', '"""\nLimits.\n\nMAX_STEPS : int\n    How many.\n"""\nMAX_STEPS = 3\nMAX_TRIES: int = 1_000\nNAME = "x"\n');
    assert.deepEqual([...py.keys()], ['MAX_STEPS', 'MAX_TRIES', 'NAME']);
    const steps = py.get('MAX_STEPS');
    assert.equal(steps?.t === 'num' ? steps.at.line : undefined, 7, 'not the docstring line');
    const tries = py.get('MAX_TRIES');
    assert.equal(tries?.t === 'num' ? tries.v : undefined, 1000);
    const ts = moduleConstants('lib/limits.ts', 'export const MAX_TURNS = 8;\nconst LABEL: string = "turns";\n');
    assert.deepEqual([...ts.entries()].map(([k, v]) => [k, v.t === 'num' || v.t === 'str' ? v.v : undefined]), [['MAX_TURNS', 8], ['LABEL', 'turns']]);
  });

  it('leaves out what is computed, indented (not module level) or assigned twice', () => {
    const py = moduleConstants('a.py', 'A = 2 * 3\nif X:\n    B = 4\nC = 1\nC = 2\nD = compute()\n');
    assert.deepEqual([...py.keys()], []);
  });
});

describe('loops: calls made only on some runs of their function', () => {
  const facts = async (text: string) => (await detectFile(text, 'agent.py')).facts!;
  const branchOf = async (text: string, fn: string): Promise<Record<string, boolean>> => {
    const f = (await facts(text)).functions.find((x) => x.name === fn)!;
    return Object.fromEntries(f.calls.map((c) => [c.callee, Boolean(c.branch)]));
  };

  it('marks calls in if / else / except arms, a conditional expression\'s arms and the right of `and`; not conditions nor loop bodies', async () => {
    const text = [
      'from openai import OpenAI',
      'def step(agent, model):',
      '    if agent.is_done():',
      '        agent.judge()',
      '    else:',
      '        agent.plan()',
      '    try:',
      '        agent.act()',
      '    except ValueError:',
      '        agent.recover()',
      '    x = agent.left() if agent.cond() else agent.right()',
      '    agent.ready() and agent.go()',
      '    for item in agent.pending():',
      '        agent.each(item)',
      '',
    ].join('\n');
    assert.deepEqual(await branchOf(text, 'step'), {
      'agent.is_done': false,
      'agent.judge': true,
      'agent.plan': true,
      'agent.act': false,
      'agent.recover': true,
      'agent.left': true,
      'agent.cond': false,
      'agent.right': true,
      'agent.ready': false,
      'agent.go': true,
      'agent.pending': false,
      'agent.each': false,
    });
  });

  it('marks calls after an early-return guard; a guard that raises gates nothing', async () => {
    const text = ['from openai import OpenAI', 'def compact(agent, model):', '    if agent.short():', '        raise ValueError("x")', '    agent.before()', '    if len(agent.history) < 20:', '        return', '    agent.summarize()', ''].join('\n');
    assert.deepEqual(await branchOf(text, 'compact'), { 'agent.short': false, ValueError: true, 'agent.before': false, 'agent.summarize': true });
  });
});

describe('loops: through wrapper methods, dispatch to pools and dicts of instances, with module constants for bounds', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-wrapper-dispatch');
  });

  it('finds the fix loop through ai.next → AI.backoff_inference, bounded by an imported constant of an unanalysed module', () => {
    const loops = file(r, 'app/steps.py').agentLoops;
    const fix = loops.find((l) => l.line === 10);
    assert.ok(fix, `the fix loop (have ${loops.map((l) => l.line).join(', ')})`);
    assert.equal(fix.bounded, true);
    assert.equal(fix.workload.steps, 3);
    assert.equal(fix.boundKind, 'parameter');
    assert.deepEqual(fix.boundAt, { path: 'app/limits.py', line: 7 });
    assert.deepEqual(fix.stepSites, [{ path: 'app/ai.py', line: 21 }]);
  });

  it('a constant assigned twice bounds nothing: that loop is unbounded', () => {
    const polish = file(r, 'app/steps.py').agentLoops.find((l) => l.line === 20);
    assert.ok(polish);
    assert.equal(polish.bounded, false);
  });

  it('the self-heal loop (4 attempts, annotated constant) runs the fix loop inside each step: the fix loop is a step of it', () => {
    const heal = file(r, 'app/heal.py').agentLoops;
    assert.equal(heal.length, 1);
    assert.equal(heal[0].workload.steps, 4);
    assert.deepEqual(heal[0].boundAt, { path: 'app/limits.py', line: 8 });
    const fix = file(r, 'app/steps.py').agentLoops.find((l) => l.line === 10);
    assert.equal(fix?.stepOf, `app/heal.py#${heal[0].id}`, 'the first ai.next is before the fix loop, the others inside it: both are on the way');
  });

  it('follows executor.submit(client.complete, …) on a client taken from a dict of instances to each instance\'s class', () => {
    const loops = file(r, 'app/browse.py').agentLoops;
    assert.equal(loops.length, 1, 'the announce loop hands a function without requests to the pool: no loop');
    assert.equal(loops[0].line, 10);
    assert.equal(loops[0].workload.steps, 5);
    assert.deepEqual(loops[0].stepSites, [{ path: 'app/providers.py', line: 9 }, { path: 'app/providers.py', line: 18 }]);
  });

  it('takes no trap: `stream.next()` on an untyped stream is not the wrapper\'s next', () => {
    assert.deepEqual(r.files.find((f) => f.path === 'app/stream_reader.py')?.agentLoops ?? [], []);
  });

  it('prices the agent step on the request every step sends, and names the judge (when done) and the compaction (after a guard) as sent on some steps', () => {
    const [run] = file(r, 'app/agent.py').agentLoops;
    assert.ok(run);
    assert.equal(run.line, 15);
    assert.deepEqual(run.stepSites, [{ path: 'app/agent.py', line: 41 }], 'think(), four calls away, not judge() or compact() two calls away');
    assert.deepEqual(run.sometimesSites, [{ path: 'app/agent.py', line: 35 }, { path: 'app/agent.py', line: 30 }]);
    const note = run.assumptions?.find((a) => a.detail?.includes('some steps only'));
    assert.ok(note?.detail?.includes('app/agent.py:30'), 'the estimate says what it leaves out');
    const think = file(r, 'app/agent.py').calls.find((c) => c.line === 41);
    assert.equal(think?.stepOf, run.id);
    const judge = file(r, 'app/agent.py').calls.find((c) => c.line === 30);
    assert.equal(judge?.stepOf, undefined, 'the judge is a site of its own, not billed as every step');
  });

  it('the editor finds the same loops as the scan', async () => {
    const dir = join(REPOS, 'loops-wrapper-dispatch');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    for (const path of ['app/steps.py', 'app/agent.py', 'app/browse.py']) {
      const text = readFileSync(join(dir, path), 'utf8');
      const edited = await analyzeText(text, path, 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
      assert.deepEqual(edited.agentLoops, file(r, path).agentLoops, path);
    }
  });
});
